package wizard

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/huh"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/settings"
	"sfstore/ui/stores"
	"sfstore/ui/term"
)

// The store commands' questions (package stores): which of several stores,
// a yes/no, the typed name before a delete, hidden secrets, and new
// Salesforce tokens with the create wizard's own sign-in screen.

var _ stores.Prompter = (*Wizard)(nil)

// ChooseStore asks which of several stores named ref is meant; they differ
// by ID. It asks with the wizard's picker, so ten thousand same-named
// stores appear at once, every key costs the same, and typing part of an
// ID narrows the list.
func (w *Wizard) ChooseStore(ctx context.Context, ref string, candidates []api.Store) (api.Store, error) {
	heading, title, desc := w.chooseStoreText(ref, candidates)
	chosen, err := w.pick(ctx, heading, title, desc, "", w.storeOptions(candidates), candidates[0].ID)
	if err != nil {
		return api.Store{}, err
	}
	for _, st := range candidates {
		if st.ID == chosen {
			return st, nil
		}
	}
	return candidates[0], nil
}

// chooseStoreText is what ChooseStore's picker says above the stores.
func (w *Wizard) chooseStoreText(ref string, candidates []api.Store) (heading, title, desc string) {
	title = fmt.Sprintf("%s Salesforce stores are named %q", thousands(len(candidates)), w.st.Clean(term.Line(ref)))
	return w.titleText("Which store?"), title, "Which one do you mean? They differ by ID: type part of one to narrow the list."
}

// storeOptions are the picker's options for stores that share a name:
// what tells them apart, secrets masked.
func (w *Wizard) storeOptions(candidates []api.Store) []pickOption {
	opts := make([]pickOption, 0, len(candidates))
	for _, st := range candidates {
		id := w.st.Clean(st.ID)
		opts = append(opts, pickOption{label: id + " · " + w.st.Clean(st.Status) + " · " + stores.SyncLabel(st), value: st.ID, short: id})
	}
	return opts
}

// Confirm asks a yes/no question.
func (w *Wizard) Confirm(ctx context.Context, q stores.Question) (bool, error) {
	v := q.Default
	err := w.run(ctx, w.form(huh.NewGroup(w.yesNo(q.Title, q.Description, &v))))
	return v, err
}

// ConfirmDelete has the person type the store's name, or its ID, before it
// is deleted; Ctrl-C keeps it.
func (w *Wizard) ConfirmDelete(ctx context.Context, st api.Store, warning string) error {
	name := strings.TrimSpace(w.st.Clean(term.Line(st.Name)))
	// Comparing strings only: it runs inside the form's Update.
	matches := func(v string) error {
		v = strings.TrimSpace(v)
		if v == name || strings.EqualFold(v, st.ID) {
			return nil
		}
		return fmt.Errorf("type %s exactly, or its ID; Ctrl-C keeps the store", name)
	}
	desc := w.st.Clean(fmt.Sprintf("%s (%s). %s", st.Name, st.ID, warning))
	for {
		typed := ""
		in := w.input("Type the store's name to delete it", desc, &typed, matches)
		if err := w.run(ctx, w.form(huh.NewGroup(in).Title(w.titleText("Delete "+name)))); err != nil {
			return err
		}
		// Accessible mode can end a prompt without its validator.
		if err := matches(typed); err != nil {
			w.s.Notice(w.st.Bad, "✗ "+err.Error())
			continue
		}
		return nil
	}
}

// AskSecrets asks for secret fields, hidden; why says why they are asked
// for.
func (w *Wizard) AskSecrets(ctx context.Context, fields []*settings.Field, why string) error {
	for {
		values := make([]string, len(fields))
		inputs := make([]huh.Field, 0, len(fields))
		for i, f := range fields {
			inputs = append(inputs, w.password(f, why+". Input is hidden.", &values[i]))
		}
		if err := w.run(ctx, w.form(huh.NewGroup(inputs...).Title(w.titleText("Secrets PingOne does not show")))); err != nil {
			return err
		}
		for i, f := range fields {
			if err := f.Set(w.a, values[i]); err != nil {
				w.s.Notice(w.st.Bad, "✗ "+f.Label+": "+err.Error())
			}
		}
		w.s.NoteSecrets()
		// Accessible mode can end a prompt without its validator.
		if w.fieldsOK(fields) {
			return nil
		}
	}
}

// NewTokens gets new Salesforce tokens as the create wizard does: the
// browser sign-in with PKCE (the callback, or the address pasted back), or
// the tokens pasted. Either way the app's client secret can be replaced,
// for a secret that was rotated. Esc after the choice comes back to it.
func (w *Wizard) NewTokens(ctx context.Context) (*ui.SalesforceSession, error) {
	for {
		how, err := w.askHowToGetTokens(ctx)
		if err != nil {
			return nil, err
		}
		sess, err := w.newTokensBy(ctx, how)
		if !errors.Is(err, errBack) && !errors.Is(err, errAskAgain) {
			return sess, err
		}
	}
}

// newTokensTitle heads reconnect's questions.
const newTokensTitle = "New Salesforce tokens"

// askHowToGetTokens asks whether to sign in or paste, and remembers it.
func (w *Wizard) askHowToGetTokens(ctx context.Context) (settings.SignInMethod, error) {
	how := w.a.SalesforceSignIn
	f := w.form(huh.NewGroup(choice(w, "How do you want to get the new tokens?",
		"The sign-in needs the app's callback URL and the api and refresh_token scopes.", &how,
		huh.NewOption("Sign in with Salesforce in the browser (recommended)", settings.SignInBrowser),
		huh.NewOption("Paste an access token and a refresh token", settings.SignInPaste),
	)).Title(w.titleText(newTokensTitle)))
	if err := w.run(ctx, f); err != nil {
		return "", err
	}
	w.a.SalesforceSignIn = how
	return how, nil
}

// newTokensBy gets the tokens the way chosen. Each of its screens has the
// choice to go back to, so Esc there returns errBack.
func (w *Wizard) newTokensBy(ctx context.Context, how settings.SignInMethod) (*ui.SalesforceSession, error) {
	w.canBack = true
	defer func() { w.canBack = false }()
	if how == settings.SignInPaste {
		return nil, w.pasteTokens(ctx)
	}
	sess, err := w.signInWithSecret(ctx, w.titleText(newTokensTitle),
		"The sign-in sends the app's Consumer Secret: keep it, or paste the new one if it was rotated. Input is hidden.")
	if err == nil {
		w.s.Notice(w.st.OK, "✓ Signed in to Salesforce: new tokens received.")
	}
	return sess, err
}

// pasteTokens asks for the tokens, and the client secret to keep or
// replace.
func (w *Wizard) pasteTokens(ctx context.Context) error {
	fields := []*settings.Field{settings.FieldClientSecret, settings.FieldAccessToken, settings.FieldRefreshToken}
	for {
		f := w.form(huh.NewGroup(w.salesforceSecretInputs(
			"The app's Consumer Secret: keep it, or paste the new one if it was rotated. Input is hidden.")...,
		).Title(w.titleText(newTokensTitle)))
		if err := w.run(ctx, f); err != nil {
			return err
		}
		w.a.Normalize()
		// Accessible mode can end a prompt without its validator.
		if w.fieldsOK(fields) {
			return nil
		}
	}
}

// fieldsOK checks fields, showing each problem.
func (w *Wizard) fieldsOK(fields []*settings.Field) bool {
	ok := true
	for _, f := range fields {
		if err := f.Check(*w.a); err != nil {
			w.s.Notice(w.st.Bad, "✗ "+f.Label+": "+err.Error())
			ok = false
		}
	}
	return ok
}
