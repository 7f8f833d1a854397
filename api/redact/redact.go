package redact

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxExcerpt is the longest body excerpt an *Error carries: enough to
// recognise who answered, short enough for one terminal line or two.
const maxExcerpt = 200

// redactedError keeps the cause for errors.Is/As while showing only the
// redacted message.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// Err returns err with every secret in its message masked.
func Err(err error, secrets []string) error {
	if err == nil {
		return nil
	}
	return &redactedError{msg: Redact(err.Error(), secrets...), err: err}
}

var tagRE = regexp.MustCompile(`(?s)<(script|style)\b.*?</(script|style)>|<[^>]*>`)

// excerpt turns a non-PingOne body (HTML from a proxy, plain text) into one
// short, redacted line. truncated says the body was cut at the read cap, in
// which case a secret may have been cut too and its head must not show.
func excerpt(body []byte, secrets []string, truncated bool) string {
	s := tagRE.ReplaceAllString(string(body), " ")
	s = html.UnescapeString(s)
	if truncated {
		// Before oneLine changes the tail, while it still reads as the
		// head of the secret the cap cut.
		s = TrimPartial(s, secrets)
	}
	// Redact before oneLine, while a secret's own spaces and control
	// characters are still there to match; again after, since dropping a
	// control character may join the pieces of one. Both happen before
	// cutting, so the cut cannot split a secret and leak its head; and
	// once more after, in case the "…" of the cut completed one.
	s = oneLine(Redact(s, secrets...))
	s = Redact(s, secrets...)
	s = Redact(truncate(s, maxExcerpt), secrets...)
	// A mask can be longer than what it hides. A plain cut keeps the
	// promised length and cannot bring a secret back: it only drops text.
	if r := []rune(s); len(r) > maxExcerpt {
		s = string(r[:maxExcerpt])
	}
	return s
}

// Excerpt turns a body that is not the JSON a caller expected (an HTML page
// from a proxy or a login screen, plain text) into one short line with tags
// stripped, entities unescaped, control characters dropped, spaces
// collapsed and every secret masked, for an error message. truncated says the
// body was cut at a read cap, which may have cut a secret too: its head is
// then dropped rather than shown.
func Excerpt(body []byte, truncated bool, secrets ...string) string {
	return excerpt(body, List(secrets...), truncated)
}

// oneLine keeps s to one line of plain text, as an error message shows it
// in a terminal: every Unicode space (tab, \v, NEL, U+2028, U+2029, no-break
// space, ...) counts as one, runs of them become one space, and other
// control characters (C0, DEL, C1) are dropped. An entity such as "&#27;"
// unescapes to one, and a terminal acts on them instead of showing them.
func oneLine(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// truncate cuts s to at most n runes, marking the cut with "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// TrimPartial drops a tail of s that is the beginning of a secret.
func TrimPartial(s string, secrets []string) string {
	for _, sec := range secrets {
		for k := len(sec) - 1; k >= 1; k-- {
			if strings.HasSuffix(s, sec[:k]) {
				return s[:len(s)-k] + "…"
			}
		}
	}
	return s
}

// List returns the non-empty secrets, without duplicates, longest
// first: if one secret contains another, the longer must be masked first or
// masking the shorter would leave the rest of the longer one in clear.
func List(secrets ...string) []string {
	out := make([]string, 0, len(secrets))
	for _, s := range secrets {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
}
