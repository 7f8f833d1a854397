package wizard

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"sfstore/ui/cards"
)

// pickOption is one choice of a picker. Labels come from PingOne or
// Salesforce; pick makes them inert (term.Line) before any drawing.
type pickOption struct {
	label, value string
	// pinned options ("Type an ID instead") stay listed whatever is
	// typed: they are the way out when nothing matches.
	pinned bool
	// short is shown instead of a label too long for the screen, when
	// cutting the label would cut what tells the options apart (a
	// store's ID).
	short string
	lower string // label in lower case, for filtering
}

// pickerModel is a select for long lists (10,000 profiles): typing filters
// and only the rows on screen are drawn, so a key costs the same whatever
// the list's length. Its keys are huh's select's: ↑/↓ (ctrl+p/ctrl+n),
// pgup/pgdn, ctrl+u/ctrl+d, home/end, Enter; letters filter, Backspace
// and Esc undo the filter; Esc or Shift+Tab with no filter goes back.
type pickerModel struct {
	st                    cards.Styles
	heading, title, desc  string
	note                  string
	opts                  []pickOption
	match                 []int // indices into opts that match the filter
	filter                string
	cursor, top           int // into match
	width, height         int
	canBack               bool
	total                 int // options, less the pinned ways out
	chosen                string
	done, back, cancelled bool
	frame                 *pickerFrame // the lines around the options, for the width drawn
}

// pickerFrame is what the picker draws around its options, wrapped to a
// width: the lines above them (without the filter line) and the help
// below. It changes only with the width, so it is built once for each.
type pickerFrame struct {
	width   int
	canBack bool
	note    string
	top     []string
	help    string
}

// pickerRows is how many options show before the screen's size is known,
// and at most.
const pickerRows = 10

func newPicker(st cards.Styles, heading, title, desc string, opts []pickOption, value string) *pickerModel {
	m := &pickerModel{st: st, heading: heading, title: title, desc: desc, opts: opts}
	for i := range m.opts {
		if !m.opts[i].pinned {
			m.total++
		}
	}
	m.refilter(false)
	for i, idx := range m.match {
		if m.opts[idx].value == value {
			m.cursor = i
		}
	}
	m.scroll()
	return m
}

func (m *pickerModel) Init() tea.Cmd { return nil }

func (m *pickerModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.scroll()
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *pickerModel) key(k tea.KeyMsg) tea.Cmd {
	page := m.rows()
	switch k.Type {
	case tea.KeyCtrlC:
		m.cancelled = true
		return tea.Quit
	case tea.KeyEnter:
		if len(m.match) == 0 {
			return nil
		}
		m.chosen, m.done = m.opts[m.match[m.cursor]].value, true
		return tea.Quit
	case tea.KeyUp, tea.KeyCtrlP:
		m.move(-1)
	case tea.KeyDown, tea.KeyCtrlN, tea.KeyTab:
		m.move(1)
	case tea.KeyPgUp:
		m.move(-page)
	case tea.KeyPgDown:
		m.move(page)
	case tea.KeyCtrlU:
		m.move(-page / 2)
	case tea.KeyCtrlD:
		m.move(page / 2)
	case tea.KeyHome:
		m.move(-len(m.match))
	case tea.KeyEnd:
		m.move(len(m.match))
	case tea.KeyBackspace:
		if m.filter != "" {
			r := []rune(m.filter)
			m.setFilter(string(r[:len(r)-1]))
		}
	case tea.KeyEsc, tea.KeyShiftTab:
		if k.Type == tea.KeyEsc && m.filter != "" {
			m.setFilter("")
			return nil
		}
		if m.canBack {
			m.back = true
			return tea.Quit
		}
	case tea.KeyRunes, tea.KeySpace:
		m.setFilter(m.filter + string(k.Runes))
	}
	return nil
}

func (m *pickerModel) move(by int) {
	if len(m.match) == 0 {
		return
	}
	m.cursor = min(max(m.cursor+by, 0), len(m.match)-1)
	m.scroll()
}

// setFilter filters the options again, keeping the cursor on the option
// it was on when that one still matches.
func (m *pickerModel) setFilter(f string) {
	var current string
	if len(m.match) > 0 {
		current = m.opts[m.match[m.cursor]].value
	}
	narrower := strings.HasPrefix(f, m.filter)
	m.filter = f
	m.refilter(narrower)
	// The cursor stays on its option, else goes to the first real match,
	// not to a pinned way out listed before the matches.
	m.cursor = 0
	first := -1
	for i, idx := range m.match {
		o := m.opts[idx]
		if o.value == current && (!o.pinned || f == "") {
			first = i
			break
		}
		if first < 0 && !o.pinned {
			first = i
		}
	}
	if first >= 0 {
		m.cursor = first
	}
	m.scroll()
}

// refilter recomputes the matches; a longer filter only searches what
// matched before.
func (m *pickerModel) refilter(narrower bool) {
	needle := strings.ToLower(strings.TrimSpace(m.filter))
	from := m.match
	if !narrower || from == nil {
		from = make([]int, len(m.opts))
		for i := range from {
			from[i] = i
		}
	}
	match := make([]int, 0, len(from))
	for _, i := range from {
		o := &m.opts[i]
		if needle != "" && !o.pinned && o.lower == "" {
			// Lowered at the first letter typed, not before the first
			// frame: most pickers are answered without a filter.
			o.lower = strings.ToLower(o.label)
		}
		if needle == "" || o.pinned || strings.Contains(o.lower, needle) {
			match = append(match, i)
		}
	}
	m.match = match
}

// rows is how many options fit: the screen less every line around them,
// counted as drawn (wrapped to the width), so the frame never outgrows the
// screen and loses its top.
func (m *pickerModel) rows() int {
	if m.height <= 0 {
		return pickerRows
	}
	f := m.layout()
	around := len(f.top) + 1 + lipgloss.Height(f.help) // 1: the filter line
	return min(pickerRows, max(m.height-around, 1))
}

// drawWidth is the width the picker draws at: the screen's, 80 before it
// is known.
func (m *pickerModel) drawWidth() int {
	if m.width <= 0 {
		return 80
	}
	return m.width
}

// layout returns the frame for the width drawn at, building it when the
// width changed (or the note, or whether there is a way back: pick sets
// them after newPicker).
func (m *pickerModel) layout() *pickerFrame {
	width := m.drawWidth()
	if f := m.frame; f != nil && f.width == width && f.canBack == m.canBack && f.note == m.note {
		return f
	}
	bar := m.st.Title.Render("┃ ")
	f := &pickerFrame{width: width, canBack: m.canBack, note: m.note}
	for _, h := range strings.Split(cards.Wrap(m.heading, width), "\n") {
		f.top = append(f.top, m.st.Title.Render(h))
	}
	for _, part := range []struct {
		text  string
		style lipgloss.Style
	}{{m.title, m.st.Title}, {m.desc, m.st.Muted}, {m.note, m.st.Warn}} {
		if part.text == "" {
			continue
		}
		for _, l := range strings.Split(cards.Wrap(part.text, width-2), "\n") {
			f.top = append(f.top, bar+part.style.Render(l))
		}
	}
	help := "↑/↓ move · type to filter · enter choose"
	if m.canBack {
		help += " · esc back"
	}
	f.help = m.st.Muted.Render(cards.Wrap(help+" · ctrl+c quit", width))
	m.frame = f
	return f
}

// scroll keeps the cursor inside the visible window.
func (m *pickerModel) scroll() {
	rows := m.rows()
	switch {
	case m.cursor < m.top:
		m.top = m.cursor
	case m.cursor >= m.top+rows:
		m.top = m.cursor - rows + 1
	}
	m.top = max(min(m.top, len(m.match)-rows), 0)
}

func (m *pickerModel) View() string {
	switch {
	case m.cancelled, m.back, m.done:
		return "" // gone once answered, like a huh form
	}
	width, f := m.drawWidth(), m.layout()
	bar := m.st.Title.Render("┃ ")
	lines := append([]string{}, f.top...)
	count := thousands(m.countReal()) + " of " + thousands(m.total)
	lines = append(lines, bar+"Filter: "+m.filter+"▏ "+m.st.Muted.Render("("+count+")"))
	rows := m.rows()
	for i := m.top; i < min(m.top+rows, len(m.match)); i++ {
		o := m.opts[m.match[i]]
		label := o.label
		if o.short != "" && ansi.StringWidth(label) > width-4 {
			label = o.short
		}
		label = ansi.Truncate(label, width-4, "…")
		if i == m.cursor {
			lines = append(lines, bar+m.st.Title.Render("> "+label))
		} else {
			lines = append(lines, bar+"  "+label)
		}
	}
	if len(m.match) == 0 {
		lines = append(lines, bar+m.st.Muted.Render(ansi.Truncate("  nothing matches: Backspace or Esc to change the filter", width-2, "…")))
	}
	return strings.Join(append(lines, f.help), "\n")
}
