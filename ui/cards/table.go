package cards

import (
	"strings"

	"sfstore/ui/settings"
	"sfstore/ui/term"

	"github.com/charmbracelet/x/ansi"

	"github.com/charmbracelet/lipgloss"
)

// row is one label and value of a rendered table.
type row = settings.Row

// minValueWidth keeps values readable when labels are long and the terminal
// narrow: below it, values wrap under their label instead.
const minValueWidth = 20

// table renders rows as two aligned columns, wrapping values that do not fit
// in width cells.
func (s Styles) table(rows []row, width int) string {
	return s.alignedTable(rows, width, labelWidth(rows))
}

func labelWidth(rows []row) int {
	w := 0
	for _, r := range rows {
		w = max(w, lipgloss.Width(term.Line(r.Label)))
	}
	return w
}

// alignedTable is table with a given label column width, so that several
// tables line up under one another.
func (s Styles) alignedTable(rows []row, width, labelWidth int) string {
	valueWidth := width - labelWidth - 2
	lines := make([]string, 0, len(rows))
	for _, r := range rows {
		value := s.Clean(r.Value)
		r.Label = term.Line(r.Label)
		if value == "" {
			value = s.Muted.Render("(none)")
		}
		if valueWidth < minValueWidth {
			lines = append(lines, s.Label.Render(r.Label), "  "+s.Value.Width(width-2).Render(value))
			continue
		}
		label := s.Label.Width(labelWidth).Render(r.Label)
		lines = append(lines, lipgloss.JoinHorizontal(lipgloss.Top, label, "  ", s.Value.Width(valueWidth).Render(value)))
	}
	return strings.Join(lines, "\n")
}

// bullet wraps text at width with a hanging indent, without padding lines
// with trailing spaces as a lipgloss width would.
func bullet(text string, width int) string {
	wrapped := ansi.Wordwrap(term.Sanitize(text), max(width-2, minValueWidth), "")
	return "• " + strings.ReplaceAll(wrapped, "\n", "\n  ")
}
