package term

import "testing"

// TestIsPlainOnlyWhenSanitizeKeepsTheText: the shortcut that returns text
// uncopied is taken exactly when the full pass would change nothing.
func TestIsPlainOnlyWhenSanitizeKeepsTheText(t *testing.T) {
	for _, s := range []string{
		"", "plain", "two\nlines", "Salesforce · ACTIVE · sync FAILED", "ümlauts and 日本", "\uFFFD encoded",
		"tab\there", "esc \x1b[2J", "bell\a", "del\x7f", "c1 \u0085 next line", "c1 \u009b31m", "bidi \u202e",
		"zero\u200bwidth", "bom\ufeff", "invalid \xff", "cut \xe2\x80",
	} {
		if got, want := isPlain(s), sanitizeEach(s) == s; got != want {
			t.Errorf("isPlain(%q) = %v, but the full pass keeps it: %v", s, got, want)
		}
	}
}
