package wizard

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"sfstore/ui"
	"sfstore/ui/cards"
	"sfstore/ui/term"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// workGrace is how long a cancelled task may take to notice; the work's
// calls all honour their context, so this is only a bound.
const workGrace = 3 * time.Second

// Task runs work under a spinner on stderr. The work runs in its own
// goroutine, never inside Update, so the spinner keeps turning; Ctrl-C
// cancels the work's context and returns ui.ErrCancelled once the work has
// stopped, so no caller reads a result the work is still writing.
func (w *Wizard) Task(ctx context.Context, title string, work func(context.Context) error) error {
	return w.taskWithProgress(ctx, title, func(ctx context.Context, _ func(string)) error { return work(ctx) })
}

// taskWithProgress is Task for work that can say how far it got: each
// line it passes to its progress func shows under the spinner until the
// next (e.g. "read 4,000 of 10,000 profiles").
//
// Callers put server IDs in titles, so the title is made inert here, once,
// for the spinner and the accessible line alike.
func (w *Wizard) taskWithProgress(ctx context.Context, title string, work func(context.Context, func(string)) error) error {
	title = term.Line(title)
	progress := new(atomic.Pointer[string])
	report := func(line string) { progress.Store(&line) }
	workCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	if w.s.Opts.Accessible {
		// No animation for screen readers: one line, then the outcome.
		fmt.Fprintln(w.s.Err, cards.Wrap(title+"…", w.s.ErrWidth))
		err := work(ui.WithRetryNotice(workCtx, func(msg string, _ time.Time) { fmt.Fprintln(w.s.Err, cards.Wrap(msg, w.s.ErrWidth)) }), func(string) {})
		if workCtx.Err() != nil {
			return ui.ErrCancelled
		}
		return err
	}
	// Ctrl-C cancels only the work's context and quits normally; the
	// program's own context is the caller's, so bubbletea never sees a kill
	// (see Wizard.runProgram for why that matters).
	// A wait PingOne asks for takes the title's place until it is over.
	notice := new(atomic.Pointer[retryNotice])
	noticeCtx := ui.WithRetryNotice(workCtx, func(msg string, until time.Time) { notice.Store(&retryNotice{msg, until}) })
	var workErr error
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		workErr = work(noticeCtx, report)
	}()
	m := w.taskModel(title)
	m.cancel, m.progress, m.notice, m.result = cancel, progress, notice, func() error { <-finished; return workErr }
	final, err := newProgram(m,
		tea.WithInput(w.s.In), tea.WithOutput(w.s.Err), tea.WithContext(ctx), tea.WithoutSignalHandler(),
	).Run()
	if fm, ok := final.(taskModel); err != nil || !ok || fm.cancelled {
		cancel()
		select {
		case <-finished:
		case <-time.After(workGrace):
		}
	}
	if err != nil {
		if errors.Is(err, tea.ErrInterrupted) || errors.Is(err, tea.ErrProgramKilled) {
			return ui.ErrCancelled
		}
		return fmt.Errorf("spinner: %w", err)
	}
	fm := final.(taskModel)
	if fm.cancelled {
		return ui.ErrCancelled
	}
	return fm.err
}

// taskModel is a spinner for title, wrapped at the width known when it
// starts: its first frame is drawn before the terminal reports a size,
// and a line the terminal wraps itself is one row longer than bubbletea
// clears, so it stayed on screen, cut at the edge.
func (w *Wizard) taskModel(title string) taskModel {
	return taskModel{title: title, width: w.s.ErrWidth, progress: new(atomic.Pointer[string]),
		spinner: spinner.New(spinner.WithSpinner(spinner.Dot), spinner.WithStyle(w.st.Title))}
}

type taskDoneMsg struct{ err error }

// retryNotice is a read's wait before a retry: its message, and when the
// wait is over.
type retryNotice struct {
	msg   string
	until time.Time
}

type taskModel struct {
	title     string
	result    func() error // waits for the work and returns its error
	cancel    context.CancelFunc
	progress  *atomic.Pointer[string] // the work's last progress line
	notice    *atomic.Pointer[retryNotice]
	spinner   spinner.Model
	width     int // the terminal's, once known; 0 leaves lines as they are
	done      bool
	cancelled bool
	err       error
}

func (m taskModel) Init() tea.Cmd {
	return tea.Batch(m.spinner.Tick, func() tea.Msg {
		return taskDoneMsg{m.result()}
	})
}

func (m taskModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case taskDoneMsg:
		m.done, m.err = true, msg.err
		return m, tea.Quit
	case tea.KeyMsg:
		if msg.String() == "ctrl+c" {
			m.cancel()
			m.done, m.cancelled = true, true
			return m, tea.Quit
		}
	case tea.WindowSizeMsg:
		m.width = msg.Width
	case spinner.TickMsg:
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m taskModel) View() string {
	if m.done {
		return ""
	}
	// Wrapped between words: the terminal would cut a long title (an
	// environment ID, the Ctrl-C hint) at its edge instead.
	title := m.title
	if m.notice != nil {
		if n := m.notice.Load(); n != nil && time.Now().Before(n.until) {
			title = n.msg
		}
	}
	view := m.spinner.View() + " " + title + "  " + "(Ctrl-C to cancel)"
	if m.width > 0 {
		view = cards.Wrap(view, m.width)
	}
	// Progress lines arrive while the work runs, so each is made inert as
	// it is drawn.
	if p := m.progress.Load(); p != nil {
		view += "\n  " + term.Line(*p)
	}
	return view
}
