package wizard

import (
	"strconv"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"sfstore/ui/cards"
	"sfstore/ui/settings"
)

// menuItem is one action of the review: the key that chooses it at once,
// its label and what it does.
type menuItem struct {
	key, label, value string
}

// whole says whether the item's label must be read whole, wrapped rather
// than cut on a narrow screen: Create names the environment the store goes
// to, and once a test has passed c creates without asking again, so this
// line is the only place the person sees where.
func (it menuItem) whole() bool { return it.value == "create" }

// reviewMode is what the review screen shows.
type reviewMode int

const (
	modeMenu    reviewMode = iota
	modeSteps              // which step to edit
	modeDetails            // every answer, scrollable
	modeConfirm            // one key to confirm a create
)

// reviewModel is the review screen: the answers, the last test's result
// and the actions, in one bubbletea model. The action list is the only
// thing with the focus, so keys typed ahead reach it in order and none is
// lost between two questions; the keyring choice is one of its actions.
type reviewModel struct {
	st      cards.Styles
	heading string
	// bodies render the answers for a width, most complete first; View
	// shows the first that fits the screen with the menu.
	bodies []func(width int) string
	full   func(width int) string // every answer, for "Show everything"
	// changes, when set, draws an edit's changes (old → new) between the
	// heading and the answers; the answers give way first when the screen
	// is short. Set by newReviewModel for an edit.
	changes     func(width int) string
	notes       []reviewNote // the test's result and problems
	items       []menuItem
	confirm     string // the question a create asks first; "" asks none
	confirmVerb string // what y does: "create" or "update"

	cursor, stepCursor int
	mode               reviewMode
	details            viewport.Model
	width, height      int

	save      *bool  // toggled by its action
	saveLabel string // the toggle's label without its state
	chosen    string // the action taken; "" while on screen
	cancelled bool   // Ctrl-C
}

func (m *reviewModel) Init() tea.Cmd { return nil }

func (m *reviewModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.details.Width, m.details.Height = msg.Width, max(msg.Height-3, 3)
		m.details.SetContent(m.full(msg.Width))
	case tea.KeyMsg:
		// Esc and a letter typed quickly arrive as alt+letter: both are
		// keys of their own here.
		if msg.Alt && msg.Type == tea.KeyRunes {
			if _, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEsc}); m.chosen != "" || m.cancelled {
				return m, cmd
			}
			msg.Alt = false
			return m.Update(msg)
		}
		// Letters typed quickly arrive as one message ("cy"); each is a
		// key of its own here, so none typed ahead is lost.
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
			for _, r := range msg.Runes {
				_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
				if m.chosen != "" || m.cancelled {
					return m, cmd
				}
			}
			return m, nil
		}
		if msg.Type == tea.KeyCtrlC {
			m.cancelled = true
			return m, tea.Quit
		}
		switch m.mode {
		case modeMenu:
			return m, m.menuKey(msg)
		case modeSteps:
			return m, m.stepsKey(msg)
		case modeConfirm:
			return m, m.confirmKey(msg)
		case modeDetails:
			if k := msg.String(); k == "esc" || k == "q" || k == "enter" || k == "a" {
				m.mode = modeMenu
				return m, nil
			}
			var cmd tea.Cmd
			m.details, cmd = m.details.Update(msg)
			return m, cmd
		}
	}
	return m, nil
}

func (m *reviewModel) menuKey(k tea.KeyMsg) tea.Cmd {
	switch key := k.String(); key {
	case "up", "k", "ctrl+p":
		m.cursor = (m.cursor + len(m.items) - 1) % len(m.items)
	case "down", "j", "ctrl+n", "tab":
		m.cursor = (m.cursor + 1) % len(m.items)
	case "home", "g":
		m.cursor = 0
	case "end", "G":
		m.cursor = len(m.items) - 1
	case "enter", " ":
		return m.act(m.items[m.cursor])
	case "esc", "shift+tab":
		return m.finish(editValue(settings.Steps[len(settings.Steps)-1]))
	case "1", "2", "3", "4", "5", "6", "7", "8", "9":
		if n, _ := strconv.Atoi(key); n <= len(settings.Steps) {
			return m.finish(editValue(settings.Steps[n-1]))
		}
	default:
		for i, it := range m.items {
			if it.key == key {
				m.cursor = i
				return m.act(it)
			}
		}
	}
	return nil
}

func (m *reviewModel) act(it menuItem) tea.Cmd {
	switch it.value {
	case "save":
		*m.save = !*m.save
	case "steps":
		m.mode = modeSteps
	case "all":
		m.mode = modeDetails
		m.details.GotoTop()
	case "create":
		if m.confirm != "" {
			m.mode = modeConfirm
			return nil
		}
		return m.finish(it.value)
	default:
		return m.finish(it.value)
	}
	return nil
}

func (m *reviewModel) stepsKey(k tea.KeyMsg) tea.Cmd {
	n := len(settings.Steps)
	switch key := k.String(); key {
	case "up", "k":
		m.stepCursor = (m.stepCursor + n - 1) % n
	case "down", "j", "tab":
		m.stepCursor = (m.stepCursor + 1) % n
	case "enter", " ":
		return m.finish(editValue(settings.Steps[m.stepCursor]))
	case "esc", "shift+tab", "q":
		m.mode = modeMenu
	default:
		if i, err := strconv.Atoi(key); err == nil && i >= 1 && i <= n {
			return m.finish(editValue(settings.Steps[i-1]))
		}
	}
	return nil
}

// confirmKey takes one key: y (or c again) creates, anything else goes
// back to the menu, so a stray Enter never creates.
func (m *reviewModel) confirmKey(k tea.KeyMsg) tea.Cmd {
	if key := k.String(); key == "y" || key == "c" {
		return m.finish("create")
	}
	m.mode = modeMenu
	return nil
}

func (m *reviewModel) finish(value string) tea.Cmd {
	m.chosen = value
	return tea.Quit
}
