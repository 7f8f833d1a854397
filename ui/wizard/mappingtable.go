package wizard

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"sfstore/ui/cards"
	"sfstore/ui/provision"
)

// mappingModel is provision's mapping review: a table of Salesforce target
// ← PingOne source (or = expression), required rows marked, scrolled
// inside the screen so it fits 40×12. It only moves the cursor and says
// what the person chose; the wizard edits a row with a form between two
// runs of it. Rows are made inert before they reach it.
type mappingModel struct {
	st            cards.Styles
	heading, note string
	rows          []provision.Row
	problems      []string
	message       string // the last refusal, e.g. dropping a required row
	cursor, top   int
	width, height int

	chosen    string // "edit", "add", "drop", "done"; "" while on screen
	cancelled bool
}

func (m *mappingModel) Init() tea.Cmd { return nil }

func (m *mappingModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.scroll()
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *mappingModel) key(k tea.KeyMsg) tea.Cmd {
	m.message = ""
	switch k.String() {
	case "ctrl+c":
		m.cancelled = true
		return tea.Quit
	case "up", "k", "ctrl+p":
		m.move(-1)
	case "down", "j", "ctrl+n", "tab":
		m.move(1)
	case "pgup":
		m.move(-m.rowsShown())
	case "pgdown":
		m.move(m.rowsShown())
	case "home", "g":
		m.move(-len(m.rows))
	case "end", "G":
		m.move(len(m.rows))
	case "enter", "e":
		if len(m.rows) > 0 {
			return m.finish("edit")
		}
	case "a", "+":
		return m.finish("add")
	case "d", "x", "delete", "backspace", "-":
		if len(m.rows) == 0 {
			return nil
		}
		if r := m.rows[m.cursor]; r.Required {
			m.message = "✗ " + r.Target + " is required to create a Salesforce user: change it instead (enter)."
			return nil
		}
		return m.finish("drop")
	case "c", "y":
		if len(m.problems) > 0 {
			m.message = "✗ Fix the problems above first."
			return nil
		}
		return m.finish("done")
	}
	return nil
}

func (m *mappingModel) finish(v string) tea.Cmd {
	m.chosen = v
	return tea.Quit
}

func (m *mappingModel) move(by int) {
	if len(m.rows) == 0 {
		return
	}
	m.cursor = min(max(m.cursor+by, 0), len(m.rows)-1)
	m.scroll()
}

func (m *mappingModel) drawWidth() int {
	if m.width <= 0 {
		return 80
	}
	return m.width
}

// above and below are the lines around the table, wrapped to the width.
func (m *mappingModel) above() []string {
	w := m.drawWidth()
	lines := strings.Split(m.st.Title.Render(cards.Wrap(m.heading, w)), "\n")
	if m.note != "" && (m.height <= 0 || m.height >= 16) { // a short screen keeps its lines for the rows
		lines = append(lines, strings.Split(m.st.Muted.Render(cards.Wrap(m.note, w)), "\n")...)
	}
	return lines
}

func (m *mappingModel) below() []string {
	w := m.drawWidth()
	var lines []string
	for _, p := range m.problems { // they quote targets PingOne returned
		lines = append(lines, strings.Split(m.st.Bad.Render(cards.Wrap("✗ "+m.st.Clean(p), w)), "\n")...)
	}
	if m.message != "" {
		lines = append(lines, strings.Split(m.st.Warn.Render(cards.Wrap(m.message, w)), "\n")...)
	}
	help := "↑/↓ move · enter change · a add · d drop · c continue · ctrl+c quit"
	return append(lines, strings.Split(m.st.Muted.Render(cards.Wrap(help, w)), "\n")...)
}

// rowsShown is how many rows fit between the lines around the table and
// its column heading; at least one.
func (m *mappingModel) rowsShown() int {
	if m.height <= 0 {
		return max(len(m.rows), 1)
	}
	return max(m.height-len(m.above())-len(m.below())-2, 1) // 2: the column heading and the scroll line
}

func (m *mappingModel) scroll() {
	rows := m.rowsShown()
	switch {
	case m.cursor < m.top:
		m.top = m.cursor
	case m.cursor >= m.top+rows:
		m.top = m.cursor - rows + 1
	}
	m.top = max(min(m.top, len(m.rows)-rows), 0)
}

func (m *mappingModel) View() string {
	if m.cancelled || m.chosen != "" {
		return ""
	}
	w := m.drawWidth()
	targetW := 6
	for _, r := range m.rows {
		targetW = max(targetW, len([]rune(r.Target))+2)
	}
	targetW = min(targetW, max(w/2-2, 8))
	lines := m.above()
	lines = append(lines, m.st.Section.Render(ansi.Truncate(pad("    Salesforce", targetW+4)+" ← PingOne (* required)", w, "…")))
	rows := m.rowsShown()
	for i := m.top; i < min(m.top+rows, len(m.rows)); i++ {
		r := m.rows[i]
		mark := "  "
		if r.Required {
			mark = "* "
		}
		line := mark + pad(ansi.Truncate(r.Target, targetW, "…"), targetW) + " ← " + r.From()
		line = ansi.Truncate(line, w-2, "…")
		if i == m.cursor {
			lines = append(lines, m.st.Title.Render("> "+line))
		} else {
			lines = append(lines, "  "+line)
		}
	}
	if len(m.rows) == 0 {
		lines = append(lines, m.st.Muted.Render("  no mappings: a to add one"))
	}
	scroll := ""
	if len(m.rows) > rows {
		scroll = m.st.Muted.Render(ansi.Truncate(strings.Repeat(" ", 2)+itoa(m.top+1)+"–"+itoa(min(m.top+rows, len(m.rows)))+" of "+itoa(len(m.rows))+" rows", w, "…"))
	}
	lines = append(lines, scroll)
	return strings.Join(append(lines, m.below()...), "\n")
}

func pad(s string, n int) string {
	if w := ansi.StringWidth(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}

func itoa(n int) string { return thousands(n) }
