package cards

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// WrapCommand lays a command to copy out at width cells, each line
// starting with indent: on one line when it fits, else broken between its
// shell words with a trailing " \" on every line but the last, so that the
// lines pasted into a shell still run as one command, and no word (an ID,
// a quoted name) is folded by the terminal in its middle. A word too long
// for any line stays whole on its own.
func WrapCommand(command, indent string, width int) []string {
	if ansi.StringWidth(indent+command) <= width {
		return []string{indent + command}
	}
	cont := indent + "  "
	var lines []string
	line := indent
	for _, word := range shellWords(command) {
		switch {
		case line == indent || line == cont:
			line += word
		case ansi.StringWidth(line)+1+ansi.StringWidth(word)+2 <= width:
			line += " " + word
		default:
			lines = append(lines, line+" \\")
			line = cont + word
		}
	}
	return append(lines, line)
}

// shellWords splits a command at its spaces, keeping a double-quoted word
// ("Salesforce production") whole.
func shellWords(command string) []string {
	var words []string
	var word strings.Builder
	quoted := false
	for _, r := range command {
		switch {
		case r == '"':
			quoted = !quoted
			word.WriteRune(r)
		case r == ' ' && !quoted:
			if word.Len() > 0 {
				words = append(words, word.String())
				word.Reset()
			}
		default:
			word.WriteRune(r)
		}
	}
	if word.Len() > 0 {
		words = append(words, word.String())
	}
	return words
}
