package cards

import (
	"strings"

	"sfstore/ui/settings"
	"sfstore/ui/term"

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
// tables line up under one another. A value whose longest word (an ID, a
// URL) does not fit beside the labels goes on its own lines under its
// label instead of being cut.
func (s Styles) alignedTable(rows []row, width, labelWidth int) string {
	valueWidth := width - labelWidth - 2
	lines := make([]string, 0, len(rows))
	for _, r := range rows {
		value := s.Clean(r.Value)
		label := term.Line(r.Label)
		if strings.TrimSpace(value) == "" {
			value = "(none)"
		}
		style := s.Value
		if value == "(none)" {
			style = s.Muted
		}
		if valueWidth < minValueWidth || longestWord(value) > valueWidth {
			// Indented under the label, unless the indent is what would
			// cut a word (a UUID in a 40-column card).
			in := "  "
			if longestWord(value) > width-2 {
				in = ""
			}
			lines = append(lines, s.Label.Render(label), in+renderLines(style, wrapWords(value, width-len(in), !s.Plain), in))
			continue
		}
		pad := strings.Repeat(" ", labelWidth-lipgloss.Width(label))
		lines = append(lines, s.Label.Render(label)+pad+"  "+renderLines(style, wrapWords(value, valueWidth, !s.Plain), strings.Repeat(" ", labelWidth+2)))
	}
	return strings.Join(lines, "\n")
}

// renderLines styles each line of text on its own, so a style's escape
// codes never span the indent of the next line.
func renderLines(style lipgloss.Style, text, prefix string) string {
	parts := strings.Split(text, "\n")
	for i, p := range parts {
		parts[i] = style.Render(p)
	}
	return strings.Join(parts, "\n"+prefix)
}

// bullet wraps text at width with a hanging indent, breaking only between
// words.
func bullet(text string, width int) string {
	return "• " + indent(wrapWords(term.Sanitize(text), max(width-2, minValueWidth), false), "  ")
}
