package cards

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// wrapWords wraps plain text at width cells, breaking only at spaces. A
// word that does not fit the rest of a line starts the next one, so an ID,
// a UUID or a URL is never split where it has a hyphen or a slash (as
// ansi.Wordwrap and lipgloss widths do). A word longer than a whole line
// stays whole on its own line, for the terminal to fold and a copy to keep
// intact, unless cut is set: inside a box it is cut, or the border breaks.
func wrapWords(text string, width int, cut bool) string {
	width = max(width, 1)
	var out []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			switch {
			case line == "":
				line = word
			case ansi.StringWidth(line)+1+ansi.StringWidth(word) <= width:
				line += " " + word
				continue
			default:
				out = append(out, line)
				line = word
			}
			for cut && ansi.StringWidth(line) > width {
				out = append(out, ansi.Truncate(line, width, ""))
				line = ansi.TruncateLeft(line, width, "")
			}
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// longestWord is the width of text's widest word.
func longestWord(text string) int {
	w := 0
	for _, word := range strings.Fields(text) {
		w = max(w, ansi.StringWidth(word))
	}
	return w
}

// indent puts prefix before every line of text but the first.
func indent(text, prefix string) string {
	return strings.ReplaceAll(text, "\n", "\n"+prefix)
}

// Wrap wraps plain text at width cells between words only: an ID, a UUID
// or a URL is never split, and one longer than a line stands on its own.
func Wrap(text string, width int) string { return wrapWords(text, width, false) }
