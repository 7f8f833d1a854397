package term_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"sfstore/ui/term"
)

func TestSanitizeKeepsTextAndDropsEveryControl(t *testing.T) {
	for in, want := range map[string]string{
		"plain text, ümlauts and 日本":                             "plain text, ümlauts and 日本",
		"two\nlines\ttab":                                        "two\nlines tab",
		"title \x1b]0;pwned\x07 after":                           "title  after",
		"title \x1b]2;pwned\x1b\\ after":                         "title  after",
		"clear \x1b[2J\x1b[H screen":                             "clear  screen",
		"colour \x1b[31mred\x1b[0m":                              "colour red",
		"link \x1b]8;;https://evil.example\x07click\x1b]8;;\x07": "link click",
		"c1 \u009b31m csi and \u009d0;x\u009c osc":               "c1  csi and  osc",
		"reset \x1bc now":                                        "reset  now",
		"bell\a, backspace\b, cr\r, nul\x00, del\x7f":            "bell, backspace, cr, nul, del",
		"bidi \u202eevil\u202c and zero\u200bwidth":              "bidi evil and zerowidth",
		"unterminated \x1b]0;title":                              "unterminated ",
		"dcs \x1bPq#0;2;0;0;0\x1b\\ sixel":                       "dcs  sixel",
		"invalid \xff byte":                                      "invalid \uFFFD byte",
	} {
		if got := term.Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
	}
	if got := term.Line("a\nb\x1b[2Jc"); got != "a bc" {
		t.Errorf("Line = %q", got)
	}
}

// FuzzSanitize: whatever comes in, nothing a terminal would act on comes
// out, and text is valid UTF-8.
func FuzzSanitize(f *testing.F) {
	for _, seed := range []string{"plain", "\x1b]0;t\x07", "\x1b[2J", "\u009b1m", "\x1b]8;;http://x\x07y\x1b]8;;\x07", "\u202e", "\xff\xfe"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := term.Sanitize(in)
		if !utf8.ValidString(out) {
			t.Fatalf("Sanitize(%q) = %q: not UTF-8", in, out)
		}
		for _, r := range out {
			if r == '\n' {
				continue
			}
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
				t.Fatalf("Sanitize(%q) = %q: keeps control %U", in, out, r)
			}
		}
		if strings.ContainsRune(term.Line(in), '\n') {
			t.Fatalf("Line(%q) keeps a newline", in)
		}
		if again := term.Sanitize(out); again != out {
			t.Fatalf("Sanitize is not idempotent on %q: %q then %q", in, out, again)
		}
	})
}
