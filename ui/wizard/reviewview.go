package wizard

// The review screen's drawing; reviewmenu.go has its keys.

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"sfstore/ui/cards"
	"sfstore/ui/settings"
)

func (m *reviewModel) View() string {
	switch {
	case m.cancelled, m.chosen != "":
		// Gone once answered, like a huh form: what follows (a spinner,
		// a form, the result) starts where the review was, and no stale
		// review stays on screen.
		return ""
	case m.mode == modeDetails:
		return m.details.View() + "\n" + m.help("↑/↓ pgup/pgdn scroll · esc back to the menu · ctrl+c quit", squeezeNone)
	}
	// A screen too short for the heading, the notes and the actions
	// squeezes them, a little more at each level, rather than let the
	// terminal scroll the heading away (a passed test's result at 40×12).
	var heading, menu string
	for sq := squeezeNone; sq <= squeezeMost; sq++ {
		heading, menu = m.headingView(sq), m.menuView(sq)
		if m.height <= 0 || lipgloss.Height(heading)+lipgloss.Height(menu) <= m.height {
			break
		}
	}
	body := m.body(lipgloss.Height(menu) + lipgloss.Height(heading) + 1)
	if body == "" {
		return heading + m.gap(lipgloss.Height(heading)+lipgloss.Height(menu)) + menu
	}
	return strings.Join([]string{heading, body, "", menu}, "\n")
}

// squeeze is how much the review's lines give way to a short screen.
type squeeze int

const (
	squeezeNone    squeeze = iota
	squeezeNotes           // each note on one line, cut
	squeezeHelp            // the help on one line, cut
	squeezeHeading         // the heading on one line, cut
	squeezeMost            // and no "What next?" above the actions
)

// headingView is the heading, and an edit's changes under it.
func (m *reviewModel) headingView(sq squeeze) string {
	heading := cards.Wrap(m.heading, m.lineWidth())
	if sq >= squeezeHeading {
		heading = m.oneLine(m.heading)
	}
	if m.changes != nil {
		// An edit's changes come first: they matter more than the rest.
		if c := m.changes(m.lineWidth()); c != "" {
			heading += "\n" + c
		}
	}
	return heading
}

// oneLine is text on one line, its end cut to the screen.
func (m *reviewModel) oneLine(text string) string {
	return ansi.Truncate(strings.Join(strings.Fields(text), " "), m.lineWidth(), "…")
}

// noteLines are the notes above the actions, each wrapped, or on one line
// when squeezed.
func (m *reviewModel) noteLines(sq squeeze) []string {
	lines := make([]string, 0, len(m.notes))
	for _, n := range m.notes {
		if sq >= squeezeNotes {
			lines = append(lines, n.style.Render(m.oneLine(n.text)))
		} else {
			lines = append(lines, n.render(m.lineWidth()))
		}
	}
	return lines
}

// gap separates the heading from the menu with a blank line when the
// screen has room for it: on a short one every line goes to the actions.
func (m *reviewModel) gap(lines int) string {
	if m.height > 0 && lines+1 > m.height {
		return "\n"
	}
	return "\n\n"
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

func (m *reviewModel) menuView(sq squeeze) string {
	lines := m.noteLines(sq)
	switch m.mode {
	case modeConfirm:
		lines = append(lines, m.st.Warn.Render(cards.Wrap(m.confirm, m.lineWidth())),
			m.help("y "+m.confirmVerb+" · any other key back to the menu", sq))
		return strings.Join(lines, "\n")
	case modeSteps:
		lines = append(lines, m.st.Title.Render("Edit which step?"))
		for i, s := range settings.Steps {
			lines = append(lines, m.option(i == m.stepCursor, strconv.Itoa(i+1), s.String()))
		}
		lines = append(lines, m.help("↑/↓ move · enter or 1–"+strconv.Itoa(len(settings.Steps))+" edit · esc back · ctrl+c quit", sq))
		return strings.Join(lines, "\n")
	}
	if sq < squeezeMost {
		lines = append(lines, m.st.Title.Render("What next?"))
	}
	keys := make([]string, 0, len(m.items))
	for i, it := range m.items {
		if it.whole() {
			lines = append(lines, m.wrappedOption(i == m.cursor, it.key, m.itemLabel(it)))
		} else {
			lines = append(lines, m.option(i == m.cursor, it.key, m.itemLabel(it)))
		}
		keys = append(keys, it.key)
	}
	lines = append(lines, m.help("↑/↓ move · enter choose · or press "+strings.Join(keys, " ")+" · esc back · ctrl+c quit", sq))
	return strings.Join(lines, "\n")
}

// option is one line of a menu: the cursor as a character, not only a
// colour, so it shows without colour too. A narrow screen cuts its end.
func (m *reviewModel) option(focused bool, key, label string) string {
	line := optionLead(focused, key) + label
	if m.width > 0 {
		line = ansi.Truncate(line, m.width, "…")
	}
	return m.styleOption(focused, line)
}

// wrappedOption is option for a label that must be read whole: it wraps
// under itself instead of being cut. A word too long for the indented
// lines (an environment ID at 40 columns) is indented less, so it fits.
func (m *reviewModel) wrappedOption(focused bool, key, label string) string {
	lead := optionLead(focused, key)
	width := m.lineWidth()
	if ansi.StringWidth(lead+label) <= width {
		return m.styleOption(focused, lead+label)
	}
	lines := strings.Split(cards.Wrap(label, width-len(lead)), "\n")
	indent := strings.Repeat(" ", max(min(len(lead), width-longestWord(label)), 0))
	for i := range lines {
		if i == 0 {
			lines[i] = lead + lines[i]
		} else {
			lines[i] = indent + lines[i]
		}
		lines[i] = m.styleOption(focused, lines[i])
	}
	return strings.Join(lines, "\n")
}

// optionLead is what comes before a menu label: the cursor and the key.
func optionLead(focused bool, key string) string {
	if focused {
		return "> " + key + "  "
	}
	return "  " + key + "  "
}

// styleOption colours the line under the cursor.
func (m *reviewModel) styleOption(focused bool, line string) string {
	if focused {
		return m.st.Title.Render(line)
	}
	return line
}

// longestWord is the width of text's widest word.
func longestWord(text string) int {
	w := 0
	for _, word := range strings.Fields(text) {
		w = max(w, ansi.StringWidth(word))
	}
	return w
}

// help is a muted help line, wrapped to the screen, or on one line when
// squeezed.
func (m *reviewModel) help(text string, sq squeeze) string {
	if sq >= squeezeHelp {
		return m.st.Muted.Render(m.oneLine(text))
	}
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
		// The state first: a narrow screen cuts the end of the line.
		return "Save secrets: " + cards.YesNo(*m.save) + " (" + m.saveLabel + ")"
	}
	return it.label
}
