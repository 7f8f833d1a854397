package wizard

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"sfstore/api/salesforce"
	"sfstore/ui"
	"sfstore/ui/cards"
	"sfstore/ui/term"
)

// signInInteractive runs the browser sign-in: it shows the callback URL to
// register and the address to open, opens the browser, and waits for the
// callback while accepting a pasted redirect address (over SSH, or with no
// browser on this machine). Ctrl-C cancels; the listener is closed on every
// path.
func (w *Wizard) signInInteractive(ctx context.Context) (*salesforce.Tokens, error) {
	s, err := salesforce.Start(ctx, w.s.SignInConfig())
	if err != nil {
		return nil, err
	}
	defer s.Close()
	fmt.Fprintln(w.s.Err, w.st.Section.Render("Sign in with Salesforce"))
	w.s.Notice(w.st.Value, "Your Salesforce app must list this callback URL (exactly, changes take 2–10 minutes):")
	fmt.Fprintln(w.s.Err, "  "+w.st.Title.Render(term.Line(s.CallbackURL())))
	w.s.Notice(w.st.Value, "Open this address to sign in; sfstore tries to open it for you:")
	fmt.Fprintln(w.s.Err, "  "+term.Line(s.AuthURL()))
	if w.s.Opts.Demo {
		w.s.Notice(w.st.Muted, "DEMO: the simulated Salesforce signs you in by itself; no browser opens.")
	}
	if err := s.OpenBrowser(); err != nil {
		w.s.Notice(w.st.Warn, "! No browser could be opened ("+err.Error()+"): open the address yourself, then paste where it lands.")
	}
	if w.s.Opts.Accessible {
		return w.waitAccessible(ctx, s)
	}
	waitCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	input := textinput.New()
	input.Prompt = "> "
	input.Placeholder = "http://localhost:…/oauth/callback?code=…&state=…"
	input.Focus()
	m := signInModel{session: s, ctx: waitCtx, cancel: cancel, input: input,
		deadline: time.Now().Add(salesforce.DefaultTimeout),
		spinner:  spinner.New(spinner.WithSpinner(spinner.Dot), spinner.WithStyle(w.st.Title)), st: w.st}
	final, err := newProgram(m, tea.WithInput(w.s.In), tea.WithOutput(w.s.Err), tea.WithContext(ctx), tea.WithoutSignalHandler()).Run()
	if err != nil {
		if errors.Is(err, tea.ErrInterrupted) || errors.Is(err, tea.ErrProgramKilled) {
			return nil, ui.ErrCancelled
		}
		return nil, fmt.Errorf("sign-in screen: %w", err)
	}
	fm := final.(signInModel)
	switch {
	case fm.cancelled:
		return nil, ui.ErrCancelled
	case fm.back:
		return nil, errBack
	}
	return fm.tokens, fm.err
}

// waitAccessible waits without a live screen: the user signs in, then
// presses Enter, or pastes the redirect address.
func (w *Wizard) waitAccessible(ctx context.Context, s *salesforce.Session) (*salesforce.Tokens, error) {
	for {
		pasted := ""
		f := w.form(huh.NewGroup(huh.NewInput().Title("Press Enter once the browser says you can close it, or paste the address it landed on").Value(&pasted)))
		if err := w.run(ctx, f); err != nil {
			return nil, err
		}
		if strings.TrimSpace(pasted) != "" {
			if err := s.Paste(pasted); err != nil {
				w.s.Notice(w.st.Bad, "✗ "+err.Error())
				continue
			}
		}
		waitCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
		t, err := s.Wait(waitCtx)
		cancel()
		if err == nil || ctx.Err() != nil || !errors.Is(err, context.DeadlineExceeded) {
			return t, err
		}
		w.s.Notice(w.st.Warn, "The sign-in has not come back yet.")
	}
}

type signInDoneMsg struct {
	tokens *salesforce.Tokens
	err    error
}

type pasteResultMsg struct{ err error }

type tickMsg struct{}

type signInModel struct {
	session   *salesforce.Session
	ctx       context.Context
	cancel    context.CancelFunc
	input     textinput.Model
	spinner   spinner.Model
	st        cards.Styles
	deadline  time.Time
	status    string
	tokens    *salesforce.Tokens
	err       error
	done      bool
	cancelled bool
	back      bool
}

func (m signInModel) Init() tea.Cmd {
	wait := func() tea.Msg {
		t, err := m.session.Wait(m.ctx)
		return signInDoneMsg{t, err}
	}
	return tea.Batch(wait, m.spinner.Tick, textinput.Blink, tick())
}

func tick() tea.Cmd {
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return tickMsg{} })
}

func (m signInModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case signInDoneMsg:
		m.done, m.tokens, m.err = true, msg.tokens, msg.err
		return m, tea.Quit
	case pasteResultMsg:
		m.status = ""
		if msg.err != nil {
			m.status = m.st.Clean(msg.err.Error())
		}
		return m, nil
	case tickMsg:
		return m, tick()
	case spinner.TickMsg:
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		return m, cmd
	case tea.KeyMsg:
		switch msg.String() {
		case "ctrl+c":
			m.cancel()
			m.done, m.cancelled = true, true
			return m, tea.Quit
		case "esc":
			// Back to the app's settings, to fix them before trying again.
			m.cancel()
			m.done, m.back = true, true
			return m, tea.Quit
		case "enter":
			pasted := m.input.Value()
			m.input.SetValue("")
			m.status = "Checking the pasted address…"
			// Paste only parses and hands over; run it as a command all
			// the same, so Update never waits on the session.
			return m, func() tea.Msg { return pasteResultMsg{m.session.Paste(pasted)} }
		}
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}

func (m signInModel) View() string {
	if m.done {
		return ""
	}
	lines := []string{
		fmt.Sprintf("%s Waiting for the browser… %s left", m.spinner.View(), signInTimeLeft(m.deadline)),
		m.st.Muted.Render("No browser here (SSH)? Sign in elsewhere, then paste the address the browser landed on:"),
		m.input.View(),
	}
	if m.status != "" {
		lines = append(lines, m.st.Warn.Render(m.status))
	}
	lines = append(lines, m.st.Muted.Render("enter check the pasted address · esc back · ctrl+c quit"))
	return strings.Join(lines, "\n") + "\n"
}

// verifySalesforce checks the access token against the org and says whose
// it is. A rejected token is a warning, not a stop: PingOne refreshes it
// with the refresh token. sfstore itself never refreshes it, since with
// refresh-token rotation on that would invalidate the copy PingOne gets.
func (w *Wizard) verifySalesforce(ctx context.Context) error {
	if w.s.Opts.DryRun {
		return nil // a dry run sends nothing, not even to Salesforce
	}
	sf, err := w.s.VerifySalesforce(ctx, w, "Checking the Salesforce access token", w.sf)
	switch {
	case errors.Is(err, ui.ErrCancelled):
		return err
	case errors.Is(err, salesforce.ErrTokenRejected):
		w.sf = nil
		// Whether PingOne refreshes an expired access token by itself is
		// UNCONFIRMED: say what is known, and let the test decide.
		w.s.Notice(w.st.Warn, "! Salesforce refused the access token (expired or revoked?). PingOne may get a new one with the refresh token: the connection test at the review tells. The profile and account lists are not available.")
	case err != nil:
		// Not the token's fault as far as anyone knows: the org did not
		// answer (a wrong domain, the network).
		w.sf = nil
		w.s.Notice(w.st.Warn, "! sfstore could not reach Salesforce at "+w.a.SalesforceDomain+" to check the token: "+err.Error()+". Check the domain; the connection test at the review tells more.")
	default:
		w.sf = sf
		id := sf.Identity
		who := id.Username
		if id.Name != "" {
			who = fmt.Sprintf("%s (%s)", id.Name, id.Username)
		}
		w.s.Notice(w.st.OK, fmt.Sprintf("✓ Salesforce token works: org %s, user %s.", id.OrgID, who))
	}
	return nil
}

// signInTimeLeft formats the time left for the sign-in.
func signInTimeLeft(deadline time.Time) string {
	left := time.Until(deadline).Round(time.Second)
	if left < 0 {
		left = 0
	}
	return fmt.Sprintf("%d:%02d", int(left.Minutes()), int(left.Seconds())%60)
}
