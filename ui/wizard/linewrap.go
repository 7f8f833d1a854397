package wizard

import (
	"bytes"
	"io"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
)

// huh's accessible prompts print each title, description and option as
// one line, and the terminal folds a long one wherever the width falls,
// in the middle of a word. A lineWrapper sits between huh and the
// terminal and breaks those lines between words instead. It counts the
// columns written since the last line break; the person's answer, echoed
// by the terminal and never written through it, ends with Enter, so the
// reader paired with it starts a new line when a line break is read.
type lineWrapper struct {
	mu     sync.Mutex
	w      io.Writer
	width  int
	col    int    // cells written on the current line
	indent int    // where a folded line continues: under a list item's text
	spaces string // spaces held until the next word shows whether it fits
	start  bool   // nothing but spaces written on this line yet
}

// wrapLines returns the writer and reader an accessible form uses: out
// with its lines broken between words at width, and in, which tells the
// writer when an answer ended its line. in keeps its file descriptor, for
// huh's hidden prompts.
func wrapLines(out io.Writer, in io.Reader, width int) (io.Writer, io.Reader) {
	lw := &lineWrapper{w: out, width: max(width, 20), start: true}
	r := &lineReader{r: in, lw: lw}
	if f, ok := in.(interface{ Fd() uintptr }); ok {
		return lw, &fdLineReader{lineReader: r, fd: f.Fd()}
	}
	return lw, r
}

// Write writes p, a line break before each word that would cross the
// width; it reports len(p), as huh counts what it gave.
func (l *lineWrapper) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out strings.Builder
	s := string(p)
	for s != "" {
		switch c := s[0]; {
		case c == '\n' || c == '\r':
			out.WriteByte(c)
			l.newLine()
			s = s[1:]
		case c == ' ':
			l.spaces += " "
			s = s[1:]
		default:
			end := strings.IndexAny(s, " \n\r")
			if end < 0 {
				end = len(s)
			}
			l.word(&out, s[:end])
			s = s[end:]
		}
	}
	// Spaces at the end of a write (a prompt's "Title ") are where the
	// answer starts: written now, unless they would cross the width.
	if l.spaces != "" && l.col+len(l.spaces) < l.width {
		out.WriteString(l.spaces)
		l.col += len(l.spaces)
		l.spaces = ""
	}
	if _, err := io.WriteString(l.w, out.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}

// word writes one word, on a new line when it would cross the width (a
// word wider than a whole line stays whole, for the terminal to fold).
func (l *lineWrapper) word(out *strings.Builder, word string) {
	w := ansi.StringWidth(word)
	if l.start {
		// A list item's text ("12. label") continues under itself.
		if n := listMarker(word); n > 0 && l.spaces == "" {
			l.indent = n
		}
	}
	if !l.start && l.col+len(l.spaces)+w > l.width {
		out.WriteString("\n" + strings.Repeat(" ", l.indent))
		l.col, l.spaces = l.indent, ""
	}
	out.WriteString(l.spaces + word)
	l.col += len(l.spaces) + w
	l.spaces, l.start = "", false
}

// listMarker is the width of a numbered item's marker and the space after
// it ("3. "), when word is one, else 0.
func listMarker(word string) int {
	digits := strings.TrimRight(word, "0123456789.")
	if digits != "" || len(word) < 2 || !strings.HasSuffix(word, ".") || strings.Count(word, ".") != 1 {
		return 0
	}
	return len(word) + 1
}

func (l *lineWrapper) newLine() {
	l.col, l.indent, l.spaces, l.start = 0, 0, "", true
}

// answered is a line break read: the terminal echoed it, and the cursor
// is at the start of a line.
func (l *lineWrapper) answered() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.newLine()
}

// lineReader reads the person's answers for an accessible form.
type lineReader struct {
	r  io.Reader
	lw *lineWrapper
}

func (r *lineReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if bytes.ContainsAny(p[:n], "\n\r") {
		r.lw.answered()
	}
	return n, err
}

// fdLineReader is a lineReader over a terminal, which huh's hidden prompt
// reads directly through its descriptor.
type fdLineReader struct {
	*lineReader
	fd uintptr
}

func (r *fdLineReader) Fd() uintptr { return r.fd }
