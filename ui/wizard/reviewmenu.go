package wizard

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"sfstore/ui/cards"
	"sfstore/ui/settings"
)

// menuItem is one action of the review: the key that chooses it at once,
// its label and what it does.
type menuItem struct {
	key, label, value string
}

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
	bodies  []func(width int) string
	full    func(width int) string // every answer, for "Show everything"
	notes   []string               // the test's result and problems, styled
	items   []menuItem
	confirm string // the question a create asks first; "" asks none

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

func (m *reviewModel) View() string {
	switch {
	case m.cancelled:
		return ""
	case m.chosen != "":
		// What stays in the scrollback: one line, not a stale review.
		return m.st.Muted.Render("Review · " + m.chosenLabel())
	case m.mode == modeDetails:
		return m.details.View() + "\n" + m.help("↑/↓ pgup/pgdn scroll · esc back to the menu · ctrl+c quit")
	}
	menu := m.menuView()
	heading := cards.Wrap(m.heading, m.lineWidth())
	body := m.body(lipgloss.Height(menu) + lipgloss.Height(heading) + 1)
	if body == "" {
		return heading + "\n\n" + menu
	}
	return strings.Join([]string{heading, body, "", menu}, "\n")
}

// body is the most complete rendering of the answers that fits above
// the menu; the shortest when none does.
func (m *reviewModel) body(below int) string {
	width := m.width
	if width <= 0 {
		width = 80
	}
	if m.height <= 0 {
		// Until the screen's size is known (or when it never is), the
		// summary: the first frame then matches the next at 80×24.
		return m.bodies[len(m.bodies)-1](width)
	}
	for _, render := range m.bodies {
		if b := render(width); b != "" && lipgloss.Height(b)+below <= m.height {
			return b
		}
	}
	// Even the summary does not fit: keep the actions in sight; "Show
	// every answer" scrolls through them.
	return ""
}

func (m *reviewModel) menuView() string {
	var lines []string
	lines = append(lines, m.notes...)
	switch m.mode {
	case modeConfirm:
		lines = append(lines, m.st.Warn.Render(cards.Wrap(m.confirm, m.lineWidth())),
			m.help("y create · any other key back to the menu"))
		return strings.Join(lines, "\n")
	case modeSteps:
		lines = append(lines, m.st.Title.Render("Edit which step?"))
		for i, s := range settings.Steps {
			lines = append(lines, m.option(i == m.stepCursor, strconv.Itoa(i+1), s.String()))
		}
		lines = append(lines, m.help("↑/↓ move · enter or 1–"+strconv.Itoa(len(settings.Steps))+" edit · esc back · ctrl+c quit"))
		return strings.Join(lines, "\n")
	}
	lines = append(lines, m.st.Title.Render("What next?"))
	keys := make([]string, 0, len(m.items))
	for i, it := range m.items {
		lines = append(lines, m.option(i == m.cursor, it.key, m.itemLabel(it)))
		keys = append(keys, it.key)
	}
	lines = append(lines, m.help("↑/↓ move · enter choose · or press "+strings.Join(keys, " ")+" · esc back · ctrl+c quit"))
	return strings.Join(lines, "\n")
}

// option is one line of a menu: the cursor as a character, not only a
// colour, so it shows without colour too.
func (m *reviewModel) option(focused bool, key, label string) string {
	line := "  " + key + "  " + label
	if focused {
		line = "> " + key + "  " + label
	}
	if m.width > 0 {
		line = ansi.Truncate(line, m.width, "…")
	}
	if focused {
		return m.st.Title.Render(line)
	}
	return line
}

// help is a muted help line, wrapped to the screen.
func (m *reviewModel) help(text string) string {
	return m.st.Muted.Render(cards.Wrap(text, m.lineWidth()))
}

// lineWidth is the width lines wrap at: the screen's, 80 before it is
// known.
func (m *reviewModel) lineWidth() int {
	if m.width <= 0 {
		return 80
	}
	return m.width
}

func (m *reviewModel) itemLabel(it menuItem) string {
	if it.value == "save" {
		return m.saveLabel + ": " + yesNoWord(*m.save)
	}
	return it.label
}

func (m *reviewModel) chosenLabel() string {
	for _, it := range m.items {
		if it.value == m.chosen {
			return it.label
		}
	}
	if strings.HasPrefix(m.chosen, "edit:") {
		return "Edit: " + parseAction(m.chosen).Step.String()
	}
	return m.chosen
}

func yesNoWord(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
