package redact_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"sfstore/api/redact"
)

// The fuzz targets below check one promise of the package: a secret passed
// in never survives in the output, whatever the text around it. Their seed
// corpora live in testdata/fuzz/<target>/. Run one with, for example:
//
//	go test ./api/redact -run '^$' -fuzz '^FuzzBody$' -fuzztime 5s
//
// The promise holds for the secrets Redact searches for (see its doc): at
// least 4 bytes of valid UTF-8 without the mask character "•". Inputs are
// capped so that each run stays fast.

// maxFuzzInput bounds texts and bodies: longer ones add time, not paths.
const maxFuzzInput = 16 << 10

// checkable reports whether sec is a secret the package promises to hide.
func checkable(sec string) bool {
	return len(sec) >= 4 && utf8.ValidString(sec) && !strings.Contains(sec, "•")
}

// assertHidden fails when out still holds one of the checkable secrets.
func assertHidden(t *testing.T, fn, in, out string, secrets ...string) {
	t.Helper()
	for _, sec := range secrets {
		if checkable(sec) && strings.Contains(out, sec) {
			t.Fatalf("%s leaked secret %q\n in: %q\nout: %q", fn, sec, in, out)
		}
	}
}

func FuzzRedact(f *testing.F) {
	f.Fuzz(func(t *testing.T, s, sec1, sec2 string) {
		if len(s) > maxFuzzInput {
			t.Skip()
		}
		out := redact.Redact(s, sec1, sec2)
		assertHidden(t, "Redact", s, out, sec1, sec2)
		if !strings.Contains(s, sec1) && !strings.Contains(s, sec2) && out != s {
			t.Fatalf("Redact changed a text without secrets: %q -> %q", s, out)
		}
		// AppendMask is Mask, appended.
		if got := string(redact.AppendMask([]byte(s), []byte(sec1))); got != s+redact.Mask(sec1) {
			t.Fatalf("AppendMask(%q) = %q, want %q", sec1, got[len(s):], redact.Mask(sec1))
		}
		// A writer passes a text on as it is when Occurs finds no secret.
		if !redact.Occurs([]byte(s), sec1, sec2) && out != s {
			t.Fatalf("Occurs found no secret in %q, which Redact changes to %q", s, out)
		}
	})
}

func FuzzText(f *testing.F) {
	f.Fuzz(func(t *testing.T, s, sec string) {
		if len(s) > maxFuzzInput {
			t.Skip()
		}
		assertHidden(t, "Text", s, redact.Text(s, []string{sec}), sec)
	})
}

func FuzzBody(f *testing.F) {
	f.Fuzz(func(t *testing.T, contentType string, body []byte, sec string, truncated bool, show int) {
		if len(body) > maxFuzzInput {
			t.Skip()
		}
		out, _ := redact.Body(contentType, body, []string{sec}, truncated, show)
		assertHidden(t, "Body", string(body), out, sec)
		// A trace passes the encoded forms too, as Variants gives them.
		out, _ = redact.Body(contentType, body, redact.Variants([]string{sec}), truncated, show)
		assertHidden(t, "Body with variants", string(body), out, redact.Variants([]string{sec})...)
	})
}

func FuzzExcerpt(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte, truncated bool, sec string) {
		if len(body) > maxFuzzInput {
			t.Skip()
		}
		out := redact.Excerpt(body, truncated, sec)
		assertHidden(t, "Excerpt", string(body), out, sec)
		if n := utf8.RuneCountInString(out); n > 200 {
			t.Fatalf("Excerpt is %d runes long, want at most 200", n)
		}
		assertOneLine(t, string(body), out)
	})
}

// assertOneLine fails when an excerpt is not one line of plain text: a
// control character (C0, DEL, C1), a line or paragraph separator, a space
// other than " ", two spaces in a row, or a space at either end.
func assertOneLine(t *testing.T, in, out string) {
	t.Helper()
	for _, r := range out {
		if r != ' ' && (unicode.IsControl(r) || unicode.IsSpace(r)) {
			t.Fatalf("Excerpt kept %U\n in: %q\nout: %q", r, in, out)
		}
	}
	if strings.Contains(out, "  ") || strings.TrimSpace(out) != out {
		t.Fatalf("Excerpt did not collapse its spaces\n in: %q\nout: %q", in, out)
	}
}
