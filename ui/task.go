package ui

import (
	"context"
	"errors"
	"fmt"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// ErrCancelled means the user pressed Ctrl-C or chose to cancel.
var ErrCancelled = errors.New("cancelled")

// runTask runs work under a spinner on stderr. The work runs as a tea.Cmd,
// outside Update, so the spinner keeps turning; Ctrl-C cancels the work's
// context and returns ErrCancelled at once.
func (w *wizard) runTask(ctx context.Context, title string, work func(context.Context) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if w.opts.Accessible || w.opts.NoInput {
		// No animation for screen readers or scripts: one line, then the
		// outcome; a script's stdin may not be a terminal at all.
		fmt.Fprintln(w.opts.ErrOut, title+"…")
		err := work(ctx)
		if ctx.Err() != nil {
			return ErrCancelled
		}
		return err
	}
	m := taskModel{title: title, work: work, ctx: ctx, cancel: cancel,
		spinner: spinner.New(spinner.WithSpinner(spinner.Dot), spinner.WithStyle(w.st.Title))}
	final, err := tea.NewProgram(m,
		tea.WithInput(w.opts.In), tea.WithOutput(w.opts.ErrOut), tea.WithContext(ctx),
	).Run()
	if err != nil {
		if errors.Is(err, tea.ErrInterrupted) || errors.Is(err, tea.ErrProgramKilled) {
			return ErrCancelled
		}
		return fmt.Errorf("spinner: %w", err)
	}
	fm := final.(taskModel)
	if fm.cancelled {
		return ErrCancelled
	}
	return fm.err
}

type taskDoneMsg struct{ err error }

type taskModel struct {
	title     string
	work      func(context.Context) error
	ctx       context.Context
	cancel    context.CancelFunc
	spinner   spinner.Model
	done      bool
	cancelled bool
	err       error
}

func (m taskModel) Init() tea.Cmd {
	return tea.Batch(m.spinner.Tick, func() tea.Msg {
		return taskDoneMsg{m.work(m.ctx)}
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
	return m.spinner.View() + " " + m.title + "  " + "(Ctrl-C to cancel)"
}
