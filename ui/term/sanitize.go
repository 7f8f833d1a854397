package term

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sanitize makes untrusted text inert for a terminal: it removes escape
// sequences (CSI, OSC such as a window title or an OSC 8 link, DCS and the
// like, whether introduced by ESC or by their C1 byte), every other C0 and
// C1 control character, and the Unicode format characters that reorder or
// hide text (bidirectional overrides, zero-width joiners). Tabs become a
// space. Newlines are kept: Line removes them too.
//
// Text from PingOne, Salesforce, a --from file or a flag goes through here
// before any layout, so a server can put words on the screen but never
// move the cursor, clear it, retitle the window or hide a link.
func Sanitize(s string) string {
	if isPlain(s) {
		return s
	}
	return sanitizeEach(s)
}

// sanitizeEach is Sanitize's full pass, rune by rune.
func sanitizeEach(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError) // an invalid byte, shown as such
		case r == 0x1b:
			i += escapeLength(s[i:])
			continue
		case r == 0x9b || r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f:
			// C1 CSI, OSC, DCS, SOS, PM, APC: the sequence's body goes too.
			i += size + c1BodyLength(s[i+size:], r)
			continue
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		case isHiddenFormat(r):
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Line is Sanitize with line breaks turned into spaces, for values shown on
// one line: a name, an ID, a table cell.
func Line(s string) string {
	s = Sanitize(s)
	if !strings.ContainsRune(s, '\n') {
		return s
	}
	return strings.ReplaceAll(s, "\n", " ")
}

// isPlain reports whether Sanitize would keep s as it is: valid UTF-8
// with no control but newlines and no hidden format character. That is
// the common case (names with a "·" or an umlaut too), which needs no
// copy; a list of 10,000 stores is made inert at every listing.
func isPlain(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || r <= 0x9f || isHiddenFormat(r) {
			return false
		}
		i += size
	}
	return true
}

// isHiddenFormat reports Unicode format characters that change how text
// reads without being seen: bidi embeddings, overrides and isolates, and
// zero-width characters.
func isHiddenFormat(r rune) bool {
	switch {
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r >= 0x200b && r <= 0x200d, r == 0x2060, r == 0xfeff:
		return true
	}
	return unicode.Is(unicode.Cc, r)
}

// escapeLength is the length of the escape sequence at the start of s
// (which begins with ESC), so the whole of it is dropped.
func escapeLength(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[': // CSI: parameters and intermediates, then a final byte
		for i := 2; i < len(s); i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
		}
		return len(s)
	case ']', 'P', 'X', '^', '_': // OSC, DCS, SOS, PM, APC: up to ST or BEL
		return 2 + stringBodyLength(s[2:])
	}
	if s[1] >= 0x20 && s[1] <= 0x2f { // nF: intermediates, then a final byte
		for i := 2; i < len(s); i++ {
			if s[i] >= 0x30 && s[i] <= 0x7e {
				return i + 1
			}
		}
		return len(s)
	}
	return 2 // a two-byte sequence such as ESC c (reset) or ESC 7
}

// c1BodyLength is the length of what follows a C1 introducer.
func c1BodyLength(s string, intro rune) int {
	if intro == 0x9b { // CSI
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
		}
		return len(s)
	}
	return stringBodyLength(s)
}

// stringBodyLength is the length of a control string's body up to and
// including its terminator: BEL, ESC \ or the C1 ST. An unterminated one
// runs to the end, so nothing of it is shown.
func stringBodyLength(s string) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c: // U+009C ST
			return i + 2
		}
	}
	return len(s)
}
