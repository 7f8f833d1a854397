package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"sfstore/api"
	"sfstore/secrets"
)

// Options are what the wizard needs from main.
type Options struct {
	In     io.Reader // keystrokes; a terminal in real use
	Out    io.Writer // the result card goes here
	ErrOut io.Writer // forms, spinners and notices go here

	// Answers are the starting answers: defaults, then what flags and the
	// environment supplied. The user can still change each of them.
	Answers Answers

	APIURL     string // overrides the region's API base when set
	AuthURL    string // overrides the region's auth base when set
	HTTPClient *http.Client
	Keyring    *secrets.Keyring

	Accessible bool
	Demo       bool
	Width      int // terminal width; 80 when unknown

	NoInput            bool      // never prompt: every answer is supplied
	SaveSecrets        bool      // with NoInput: save the secrets in the keyring
	DryRun             bool      // print the request instead of sending it
	JSON               bool      // print the store or the error as JSON on Out
	TestConnection     bool      // with NoInput: test the connection before creating
	AllowDuplicateName bool      // with NoInput: create even if the name is taken
	Publish            bool      // with NoInput: create a revision afterwards
	Debug              io.Writer // when set, every HTTP exchange is traced here, secrets masked

	Salesforce SalesforceOptions
}

// SalesforceOptions configure the Salesforce sign-in.
type SalesforceOptions struct {
	LoginURL     string             // --salesforce-login-url; default https://{SALESFORCE_DOMAIN}
	InstanceURL  string             // the org's REST base for pasted tokens; default https://{SALESFORCE_DOMAIN}
	CallbackPort int                // --callback-port; 0 means salesforce.DefaultCallbackPort
	OpenBrowser  func(string) error // nil: $BROWSER or the platform's opener
	HTTPClient   *http.Client
	Login        bool // --salesforce-login: sign in with the browser in a --no-input run
}

type wizard struct {
	opts Options
	a    *Answers
	st   Styles // for ErrOut
	out  Styles // for Out

	keyringErr   error // why the keyring cannot be used; nil when it can
	keyringNoted bool  // the user was told the keyring is unavailable

	// sf is the verified Salesforce sign-in, when there is one: the pickers
	// use it.
	sf *salesforceSession

	// problems holds what PingOne said about each field in its last refusal,
	// shown under the field when the user goes back to fix it.
	problems map[Field]string
}

// Run walks the user through every step, shows the review and creates the
// store. It returns the created store, ErrCancelled when the user cancels,
// or the last API error when the user gives up after one.
func Run(ctx context.Context, opts Options) (*api.Store, error) {
	w := newWizard(opts)
	if opts.NoInput {
		w.a.SaveSecrets = opts.SaveSecrets
		store, err := w.runScript(ctx)
		return store, w.report(store, err)
	}
	w.printHeader()
	for _, step := range Steps {
		if err := w.ask(ctx, step); err != nil {
			return nil, err
		}
	}
	for {
		store, err := w.reviewAndSubmit(ctx)
		if !errors.Is(err, errEditAgain) {
			return store, err
		}
	}
}

func newWizard(opts Options) *wizard {
	if opts.Width <= 0 {
		opts.Width = 80
	}
	opts.Width = min(opts.Width, 100)
	a := opts.Answers
	w := &wizard{
		opts: opts,
		a:    &a,
		st:   NewStyles(lipgloss.NewRenderer(opts.ErrOut)),
		out:  NewStyles(lipgloss.NewRenderer(opts.Out)),
	}
	if opts.Keyring == nil {
		w.keyringErr = errors.New("no keyring configured")
	} else {
		// Available is a cheap check that never calls the OS keyring.
		w.keyringErr = opts.Keyring.Available()
	}
	return w
}

// errEditAgain sends the wizard back to the review after an edit.
var errEditAgain = errors.New("edit again")

func (w *wizard) reviewAndSubmit(ctx context.Context) (*api.Store, error) {
	action, err := w.review(ctx)
	if err != nil {
		return nil, err
	}
	switch action.kind {
	case actionCancel:
		return nil, ErrCancelled
	case actionEdit:
		return nil, w.editStep(ctx, action.step)
	case actionTest:
		return nil, w.testConnection(ctx)
	}
	if w.opts.DryRun {
		return nil, w.printDryRun()
	}
	if proceed, err := w.confirmUniqueName(ctx); err != nil || !proceed {
		return nil, cmpErr(err, errEditAgain)
	}
	store, err := w.submit(ctx)
	if err == nil {
		w.saveSecrets(ctx)
		if err := w.report(store, nil); err != nil {
			return store, err
		}
		// The store exists: Ctrl-C at this optional step still exits 0.
		if err := w.offerPublish(ctx); err != nil && !errors.Is(err, ErrCancelled) {
			return store, err
		}
		return store, nil
	}
	if errors.Is(err, ErrCancelled) {
		return nil, err
	}
	w.problems = fieldProblems(err)
	fmt.Fprintln(w.opts.ErrOut, RenderError(w.st, err, w.opts.Width, w.a.secretValues()...))
	return nil, w.recover(ctx, err, "Not created", "The store was not created. What now?")
}

func (w *wizard) editStep(ctx context.Context, step Step) error {
	if err := w.ask(ctx, step); err != nil {
		return err
	}
	return errEditAgain
}

// describe is a field's description, followed by what PingOne said about
// the field the last time it refused the store.
func (w *wizard) describe(f Field, description string) string {
	if p, ok := w.problems[f]; ok {
		return description + "\n✗ PingOne: " + p
	}
	return description
}

// form applies the wizard-wide settings to a new form.
func (w *wizard) form(groups ...*huh.Group) *huh.Form {
	return huh.NewForm(groups...).
		WithInput(w.opts.In).
		WithOutput(w.opts.ErrOut).
		WithAccessible(w.opts.Accessible).
		WithShowHelp(true)
}

func (w *wizard) title(step Step) string {
	t := fmt.Sprintf("Step %d of %d · %s", int(step)+1, len(Steps), step)
	if w.opts.Demo {
		t = "DEMO · " + t
	}
	return t
}

func (w *wizard) printHeader() {
	title := w.st.Title.Render("sfstore") + w.st.Muted.Render(" · create a PingOne Salesforce propagation store")
	if w.opts.Demo {
		title = w.st.Demo.Render("DEMO") + " " + title + "\n" +
			w.st.Muted.Render("A built-in PingOne simulator answers; nothing leaves this machine.")
	}
	fmt.Fprintln(w.opts.ErrOut, title)
}

// run runs a form and turns Ctrl-C into ErrCancelled.
//
// Outside accessible mode the form runs as a program of ours: huh's own Run
// ends Ctrl-C with tea.Interrupt, which bubbletea v1.3.10 handles as a
// kill, closing its input reader without waiting for the goroutine that
// reads the terminal. That goroutine can then swallow the next keystrokes.
// Quitting normally lets bubbletea shut its reader down cleanly.
func (w *wizard) run(ctx context.Context, f *huh.Form) error {
	if w.opts.Accessible {
		err := f.RunWithContext(ctx)
		if errors.Is(err, huh.ErrUserAborted) || ctx.Err() != nil {
			return ErrCancelled
		}
		if err != nil {
			return fmt.Errorf("form: %w", err)
		}
		return nil
	}
	f.SubmitCmd, f.CancelCmd = tea.Quit, tea.Quit
	_, err := tea.NewProgram(f, tea.WithInput(w.opts.In), tea.WithOutput(w.opts.ErrOut),
		tea.WithReportFocus(), tea.WithContext(ctx)).Run()
	switch {
	case f.State == huh.StateAborted, ctx.Err() != nil,
		errors.Is(err, tea.ErrInterrupted), errors.Is(err, tea.ErrProgramKilled):
		return ErrCancelled
	case err != nil:
		return fmt.Errorf("form: %w", err)
	}
	return nil
}

// notice prints a line to stderr between forms, wrapped to the terminal.
func (w *wizard) notice(style lipgloss.Style, text string) {
	fmt.Fprintln(w.opts.ErrOut, style.Render(ansi.Wordwrap(text, w.opts.Width, "")))
}
