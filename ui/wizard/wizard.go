// Package wizard is the interactive Prompter of sfstore's create flow: huh
// forms for each step, pickers that read the org, the Salesforce sign-in
// screen, the review menu and spinners. The flow itself lives in package
// ui; this package only asks.
package wizard

import (
	"context"
	"errors"
	"fmt"
	"slices"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"sfstore/ui"
	"sfstore/ui/cards"
	"sfstore/ui/settings"
	"sfstore/ui/term"
)

// Wizard asks for every answer in short steps and implements ui.Prompter.
type Wizard struct {
	s  *ui.Session
	a  *settings.Answers
	st cards.Styles

	// theme is built once: without one huh rebuilds its default theme on
	// every style lookup, which made each keystroke several times slower.
	theme *huh.Theme

	// sf is the verified Salesforce sign-in, when there is one: the pickers
	// use it.
	sf *ui.SalesforceSession

	// sfApp is the Salesforce domain and client ID as the app page showed
	// them, to tell when kept tokens no longer match the app.
	sfApp string

	// problems holds what PingOne said about each field in its last
	// refusal, shown under the field when the person goes back to fix it.
	problems map[*settings.Field]string

	// canBack says whether the form being asked has somewhere to go back
	// to: every form but the wizard's very first.
	canBack bool

	// readReview is the review last read out in accessible mode, and
	// saveAsked whether its keyring question was answered: neither is
	// read out again after a connection test changes nothing.
	readReview string
	saveAsked  bool

	// prof is the first step's choice among the saved profiles.
	prof profileChoice

	// profileOffered says the offer to save the connection as a profile
	// was made: it comes once, before "What next?" when that is asked.
	profileOffered bool

	// RunForm runs one form to its end. It is the seam tests use to drive
	// forms with keystrokes; by default a bubbletea program on the
	// session's input and stderr runs it.
	RunForm func(ctx context.Context, f *huh.Form) error
}

// New returns the wizard for a session.
func New(s *ui.Session) *Wizard {
	w := &Wizard{s: s, a: s.Answers, st: s.ErrStyles, theme: Theme()}
	// The review shows the last test's result above its actions; screen
	// readers get the flow's own line instead.
	s.ReviewShowsTest = !s.Opts.Accessible
	w.RunForm = w.runProgram
	return w
}

var _ ui.Prompter = (*Wizard)(nil)

// Collect prints the heading and asks every step in order; going back from
// a step's first question asks the previous step again, from its last
// question, every answer kept. When flags, the environment, a file and the
// keyring already give every answer (or an edit starts from a store's
// settings), it opens at the review instead, as gh skips the prompts its
// flags answer; each step is one Edit away.
func (w *Wizard) Collect(ctx context.Context) error {
	w.printHeader()
	w.noteProfile()
	if w.complete(ctx) {
		return nil
	}
	fromEnd := false
	for i := 0; i < len(settings.Steps); {
		err := w.ask(ctx, settings.Steps[i], i > 0, fromEnd)
		switch {
		case errors.Is(err, errBack):
			i, fromEnd = max(i-1, 0), i > 0
		case err != nil:
			return err
		default:
			i, fromEnd = i+1, false
		}
	}
	return nil
}

// complete reports whether every answer is given, reading the saved
// secrets when that is all that is missing.
func (w *Wizard) complete(ctx context.Context) bool {
	if len(w.a.CheckAll()) == 0 {
		return true
	}
	for _, p := range w.a.CheckAll() {
		if p.Field.Kind != settings.Secret {
			return false
		}
	}
	w.s.FillFromKeyring(ctx, w)
	return len(w.a.CheckAll()) == 0
}

// Edit asks one step again, every answer kept; going back from its first
// question returns to the review.
func (w *Wizard) Edit(ctx context.Context, step settings.Step) error {
	if err := w.ask(ctx, step, true, false); !errors.Is(err, errBack) {
		return err
	}
	return nil
}

// describe is a field's description, followed by what PingOne said about
// the field the last time it refused the store.
func (w *Wizard) describe(f *settings.Field, description string) string {
	if p, ok := w.problems[f]; ok {
		return description + "\n✗ PingOne: " + w.st.Clean(p)
	}
	return description
}

// form applies the wizard-wide settings to a new form. Accessible mode
// prints through a lineWrapper, so its one-line prompts break between
// words rather than where the terminal folds them.
func (w *Wizard) form(groups ...*huh.Group) *huh.Form {
	out, in := w.s.Err, w.s.In
	if w.s.Opts.Accessible {
		out, in = wrapLines(out, in, w.s.ErrWidth)
	}
	return huh.NewForm(groups...).
		WithInput(in).
		WithOutput(out).
		WithTheme(w.theme).
		WithAccessible(w.s.Opts.Accessible).
		WithShowHelp(true)
}

func (w *Wizard) title(step settings.Step) string {
	if w.prof.adding != "" {
		return w.titleText("Profile " + w.prof.adding + " · " + step.String())
	}
	return w.titleText(fmt.Sprintf("Step %d of %d · %s", int(step)+1, len(settings.Steps), step))
}

func (w *Wizard) titleText(t string) string {
	if w.s.Opts.Demo {
		return "DEMO · " + t
	}
	return t
}

func (w *Wizard) printHeader() {
	what := " · create a PingOne Salesforce propagation store"
	if e := w.s.Editing; e != nil {
		what = " · change the Salesforce store " + w.st.Clean(e.Original.Name)
	}
	// Wrapped between words here: the terminal would fold it mid-word.
	title := w.st.Title.Render("sfstore") + w.st.Muted.Render(what)
	if w.s.Opts.Demo {
		title = w.st.Demo.Render("DEMO") + " " + title + "\n" +
			w.st.Muted.Render("A built-in PingOne simulator answers; nothing leaves this machine.")
	}
	fmt.Fprintln(w.s.Err, cards.Wrap(title, w.s.ErrWidth))
}

// run runs a form, turns Ctrl-C into ui.ErrCancelled, and records the
// secrets the form may have taken so every output masks them.
func (w *Wizard) run(ctx context.Context, f *huh.Form) error {
	err := w.RunForm(ctx, f)
	w.s.NoteSecrets()
	return err
}

// runAccessible runs a form line by line. huh's accessible prompts read
// the terminal without a context, and a hidden one turns echo off: Ctrl-C
// there (a SIGINT, which cancels ctx) would leave the prompt blocked and
// the shell without echo. So the terminal's state is saved first and
// given back on every way out, a cancelled run returns at once, and the
// abandoned read ends with the process.
func (w *Wizard) runAccessible(ctx context.Context, f *huh.Form) error {
	guard := term.GuardInput(w.s.In)
	defer guard.Restore()
	done := make(chan error, 1)
	go func() { done <- f.RunWithContext(ctx) }()
	select {
	case err := <-done:
		switch {
		case errors.Is(err, huh.ErrUserAborted) || ctx.Err() != nil:
			return ui.ErrCancelled
		case err != nil:
			return fmt.Errorf("form: %w", err)
		}
		return nil
	case <-ctx.Done():
		guard.Restore()
		fmt.Fprintln(w.s.Err) // end the line the prompt was on
		return ui.ErrCancelled
	}
}

// extraProgramOptions are added to every program the wizard runs. Tests
// raise the frame rate: at bubbletea's 60 a screen waits up to 17 ms to be
// drawn, and the pty tests wait for hundreds of screens.
var extraProgramOptions []tea.ProgramOption

func newProgram(m tea.Model, opts ...tea.ProgramOption) *tea.Program {
	opts = append(opts, tea.WithFilter(ownRunes))
	return tea.NewProgram(m, append(opts, extraProgramOptions...)...)
}

// ownRunes gives each key its own runes. bubbletea hands every space typed
// the same package-level slice, and bubbles' text inputs sanitize runes in
// place, so two programs at once (parallel tests) would write to one slice.
func ownRunes(_ tea.Model, msg tea.Msg) tea.Msg {
	if k, ok := msg.(tea.KeyMsg); ok && len(k.Runes) > 0 {
		k.Runes = slices.Clone(k.Runes)
		return k
	}
	return msg
}

// runModel runs one of the wizard's own screens (the review, a picker) on
// the session's input and stderr. Like runProgram it quits normally on
// Ctrl-C (the model records it), so bubbletea shuts its reader down.
func (w *Wizard) runModel(ctx context.Context, m tea.Model) error {
	_, err := newProgram(m, tea.WithInput(w.s.In), tea.WithOutput(w.s.Err), tea.WithContext(ctx), tea.WithoutSignalHandler()).Run()
	switch {
	case ctx.Err() != nil, errors.Is(err, tea.ErrInterrupted), errors.Is(err, tea.ErrProgramKilled):
		return ui.ErrCancelled
	case err != nil:
		return fmt.Errorf("screen: %w", err)
	}
	return nil
}

// runProgram runs a form as a program of ours.
//
// huh's own Run ends Ctrl-C with tea.Interrupt, which bubbletea v1.3.10
// handles as a kill, closing its input reader without waiting for the
// goroutine that reads the terminal. That goroutine can then swallow the
// next keystrokes. Quitting normally lets bubbletea shut its reader down
// cleanly. Accessible mode has no program: huh prompts line by line.
func (w *Wizard) runProgram(ctx context.Context, f *huh.Form) error {
	if w.s.Opts.Accessible {
		return w.runAccessible(ctx, f)
	}
	f.SubmitCmd, f.CancelCmd = tea.Quit, tea.Quit
	m := newFormModel(f, w.canBack, w.st.Muted)
	// main owns the signals and cancels ctx on one; bubbletea's own
	// handler can block sending to a program that is already stopping.
	_, err := newProgram(m, tea.WithInput(w.s.In), tea.WithOutput(w.s.Err),
		tea.WithReportFocus(), tea.WithContext(ctx), tea.WithoutSignalHandler()).Run()
	switch {
	case m.back && err == nil:
		return errBack
	case f.State == huh.StateAborted, ctx.Err() != nil,
		errors.Is(err, tea.ErrInterrupted), errors.Is(err, tea.ErrProgramKilled):
		return ui.ErrCancelled
	case err != nil:
		return fmt.Errorf("form: %w", err)
	}
	return nil
}
