package wizard

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/huh"

	"sfstore/ui"
	"sfstore/ui/profile"
	"sfstore/ui/settings"
)

// newConnection is the picker's value for "ask the questions".
const newConnection = "\x00new"

// profileChoice is what the first step's profile picker left: the chosen
// profile's name ("" for a new connection) and the answers and endpoints
// from before it, to go back to when the person picks again.
type profileChoice struct {
	name             string
	before           settings.Answers
	apiURL, authURL  string
	saved            *profile.Config
	offered, checked bool
	// adding is the profile `sfstore profile add` asks for, which heads
	// its questions instead of the create's step count.
	adding string
}

// AskConnection asks the PingOne step alone, as the create wizard asks it
// (sign-in checked, environments picked): the questions of `sfstore
// profile add name`.
func (w *Wizard) AskConnection(ctx context.Context, name string) error {
	w.prof.checked, w.prof.adding = true, name // a profile is being made, not picked
	fmt.Fprintln(w.s.Err, w.st.Title.Render("sfstore")+w.st.Muted.Render(" · save a PingOne connection as profile "+name))
	return w.ask(ctx, settings.StepPingOne, false, false)
}

// AskProfileDescription asks for a profile's optional description.
func (w *Wizard) AskProfileDescription(ctx context.Context, name string, value *string) error {
	in := w.input("Description", "Optional: a note shown by sfstore profile list, such as the customer or \"sandbox\".", value, checkDescription)
	return w.run(ctx, w.form(huh.NewGroup(in).Title(w.titleText("Profile "+name))))
}

func checkDescription(s string) error {
	if strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) }) {
		return errors.New("a description is one line of text")
	}
	return nil
}

// savedProfiles reads the profiles the first step can offer, once: none
// in the demo, in an edit, when a profile is already in use, or when the
// command line or environment already names part of a connection (a
// profile would then silently override what was typed).
func (w *Wizard) savedProfiles() *profile.Config {
	p := &w.prof
	if p.checked {
		return p.saved
	}
	p.checked = true
	o := w.s.Opts
	if o.Demo || o.Profile != "" || o.ProfileFile == "" || w.s.Editing != nil || !connectionUnset(*w.a) || o.APIURL != "" || o.AuthURL != "" {
		return nil
	}
	c, err := profile.Load(o.ProfileFile)
	if err != nil {
		w.s.Notice(w.st.Warn, "! The saved profiles cannot be offered: "+err.Error())
		return nil
	}
	if len(c.Profiles) > 0 {
		p.saved = c
	}
	return p.saved
}

// connectionUnset says whether the connection answers are still the
// defaults.
func connectionUnset(a settings.Answers) bool {
	d := settings.Defaults()
	return a.Region == d.Region && a.AuthMethod == d.AuthMethod && a.WorkerEnvironmentID == "" &&
		a.WorkerClientID == "" && a.WorkerClientSecret == "" && a.PingOneAccessToken == "" && a.EnvironmentID == ""
}

// askProfile is the first step's first page when profiles are saved:
// one of them fills the connection answers, or a new connection asks the
// questions as before.
func (w *Wizard) askProfile(ctx context.Context) error {
	c := w.savedProfiles()
	if c == nil {
		return errSkip
	}
	p := &w.prof
	if !p.offered {
		p.offered, p.before, p.apiURL, p.authURL = true, *w.a, w.s.Opts.APIURL, w.s.Opts.AuthURL
	}
	picked := p.name
	if picked == "" {
		picked = newConnection
	}
	if err := w.run(ctx, w.profileForm(c, &picked)); err != nil {
		return err
	}
	w.useProfile(picked)
	if w.fromProfile() {
		w.s.Notice(w.st.Muted, "Using profile "+picked+".")
	}
	return nil
}

// profileForm asks which saved profile to use, or a new connection.
func (w *Wizard) profileForm(c *profile.Config, picked *string) *huh.Form {
	opts := []huh.Option[string]{}
	for _, n := range c.Names() {
		// Names are checked when read; a description can hold anything
		// printable, so it is made inert.
		opts = append(opts, huh.NewOption(w.st.Clean(profileLabel(n, c.Profiles[n])), n))
	}
	opts = append(opts, huh.NewOption("A new connection", newConnection))
	sel := choice(w, "Which PingOne connection?", "A saved profile fills the sign-in; the worker secret comes from the keyring.", picked, opts...)
	return w.form(huh.NewGroup(sel).Title(w.title(settings.StepPingOne)))
}

func profileLabel(name string, p profile.Profile) string {
	if p.Description == "" {
		return name
	}
	return name + " · " + p.Description
}

// useProfile fills the connection from the chosen profile, or puts back
// the answers from before the picker for a new connection.
func (w *Wizard) useProfile(name string) {
	p := &w.prof
	keep := *w.a
	conn := p.before
	w.s.Opts.APIURL, w.s.Opts.AuthURL, w.s.Opts.Profile, p.name = p.apiURL, p.authURL, "", ""
	if name != newConnection {
		prof := p.saved.Profiles[name]
		if err := prof.Apply(&conn); err == nil { // checked when the file was read
			w.s.Opts.APIURL, w.s.Opts.AuthURL = prof.APIURL, prof.AuthURL
			w.s.Opts.Profile, p.name = name, name
		}
	}
	// Only the connection changes; the other answers stay as typed.
	keep.Region, keep.AuthMethod, keep.WorkerEnvironmentID, keep.WorkerClientID = conn.Region, conn.AuthMethod, conn.WorkerEnvironmentID, conn.WorkerClientID
	keep.EnvironmentID, keep.WorkerClientSecret, keep.PingOneAccessToken = conn.EnvironmentID, conn.WorkerClientSecret, conn.PingOneAccessToken
	*w.a = keep
}

// fromProfile says whether a saved profile gave the connection, so its
// questions are not asked again.
func (w *Wizard) fromProfile() bool { return w.prof.name != "" }

// askSignIn asks the region and sign-in method, unless a profile gave
// them.
func (w *Wizard) askSignIn(ctx context.Context) error {
	if w.fromProfile() {
		return errSkip
	}
	return w.run(ctx, w.signInForm())
}

// noteProfile names the profile a run started with, under the heading.
func (w *Wizard) noteProfile() {
	if n := w.s.Opts.Profile; n != "" {
		w.s.Notice(w.st.Muted, "Using profile "+n+".")
	}
}

// OfferSaveProfile asks, after a store was created over a connection that
// is not a saved profile, whether to save it as one, once (NextStep makes
// the offer before "What next?", so a long provision that fails or is
// stopped does not lose it). Whatever happens here, the store and its
// result stay as they are: a refusal, Ctrl-C or a failed write only ends
// the offer. It reports whether Ctrl-C ended it, so no question follows.
func (w *Wizard) OfferSaveProfile(ctx context.Context) (cancelled bool) {
	o := w.s.Opts
	if w.profileOffered || o.Demo || o.Profile != "" || o.ProfileFile == "" {
		return false
	}
	w.profileOffered = true
	conn := profile.FromAnswers(*w.a, o.APIURL, o.AuthURL, "")
	c, err := profile.Load(o.ProfileFile)
	if err != nil {
		w.s.Notice(w.st.Muted, "The connection cannot be saved as a profile: "+err.Error())
		return false
	}
	for _, n := range c.Names() {
		if c.Profiles[n].SameConnection(conn) {
			return false // already saved, under another name
		}
	}
	save := false
	q := w.yesNo("Save this PingOne connection as a profile?",
		"Next time, sfstore --profile NAME signs in the same way. No secret goes into the profile.", &save)
	if err := w.run(ctx, w.form(huh.NewGroup(q))); err != nil || !save {
		return errors.Is(err, ui.ErrCancelled)
	}
	name, desc := "", ""
	valid := func(s string) error {
		if err := profile.CheckName(strings.TrimSpace(s)); err != nil {
			return err
		}
		if _, taken := c.Profiles[strings.TrimSpace(s)]; taken {
			return fmt.Errorf("a profile %q exists; choose another name", strings.TrimSpace(s))
		}
		return nil
	}
	for {
		if err := w.run(ctx, w.saveProfileForm(&name, &desc, valid)); err != nil {
			w.s.Notice(w.st.Muted, "No profile saved; the store is created as shown above.")
			return errors.Is(err, ui.ErrCancelled)
		}
		// Accessible mode can end a prompt without its validator.
		if err := errors.Join(valid(name), checkDescription(desc)); err != nil {
			w.s.Notice(w.st.Bad, "✗ "+err.Error())
			continue
		}
		break
	}
	name = strings.TrimSpace(name)
	conn.Description = strings.TrimSpace(desc)
	err = profile.Update(ctx, o.ProfileFile, func(c *profile.Config) error {
		if _, taken := c.Profiles[name]; taken {
			return fmt.Errorf("a profile %q was saved meanwhile", name)
		}
		c.Profiles[name] = conn
		return nil
	})
	if err != nil {
		w.s.Notice(w.st.Warn, "! No profile saved: "+err.Error())
		return false
	}
	msg := fmt.Sprintf("✓ Saved profile %s: sfstore --profile %s list", name, name)
	if w.a.AuthMethod == settings.AuthWorkerApp && !w.a.SaveSecrets {
		msg += " (the worker secret was not saved: it is asked for, or read from PINGONE_CLIENT_SECRET)"
	}
	w.s.Notice(w.st.OK, msg+".")
	return false
}

// saveProfileForm asks a new profile's name and description.
func (w *Wizard) saveProfileForm(name, desc *string, valid func(string) error) *huh.Form {
	return w.form(huh.NewGroup(
		w.input("Profile name", "Letters, digits, '.', '_' or '-', such as acme-prod.", name, valid),
		w.input("Description", "Optional: a note shown by sfstore profile list.", desc, checkDescription),
	).Title(w.titleText("Save the connection")))
}
