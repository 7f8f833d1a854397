package redact_test

import (
	"testing"

	"sfstore/api/redact"
)

// An excerpt ends up in an error message on a terminal: it must be one
// line, with nothing a terminal would act on, however the body spells it.
func TestExcerptIsOneLineOfPlainText(t *testing.T) {
	for name, tc := range map[string]struct{ body, want string }{
		"escape as an entity":    {"<p>Proxy&#27;[2J error</p>", "Proxy[2J error"},
		"escape as hex entity":   {"<p>Proxy&#x1b;]8;;http://x&#x1B;\\ error</p>", "Proxy]8;;http://x\\ error"},
		"raw escape and bell":    {"Proxy\x1b[31m\a error", "Proxy[31m error"},
		"vertical tab":           {"line one\vline two", "line one line two"},
		"form feed and tabs":     {"a\f\t\tb", "a b"},
		"line separator":         {"first\u2028second\u2029third", "first second third"},
		"line separator entity":  {"first&#x2028;second&#8233;third", "first second third"},
		"next line":              {"first\u0085second", "first second"},
		"c1 control":             {"a\u009b31mb", "a31mb"},
		"delete":                 {"a\x7fb &#127;c", "ab c"},
		"nul entity":             {"a&#0;b", "a\ufffdb"},
		"no-break spaces":        {"a\u00a0\u00a0b&nbsp;c", "a b c"},
		"spaces at both ends":    {"\v\u2028 <b> x </b> \x1b", "x"},
		"control between spaces": {"a \x1b b", "a b"},
	} {
		got := redact.Excerpt([]byte(tc.body), false)
		if got != tc.want {
			t.Errorf("%s: Excerpt(%q) = %q, want %q", name, tc.body, got, tc.want)
		}
		assertOneLine(t, tc.body, got)
	}
}

// Dropping a control character must not let a secret it split through.
func TestExcerptMasksASecretJoinedByADroppedControlCharacter(t *testing.T) {
	const secret = "SENTINEL-WORKER-SECRET-91aa3e"
	for _, body := range []string{
		"upstream said SENTINEL-WORKER&#27;-SECRET-91aa3e",
		"upstream said SENTINEL-WORKER\x7f-SECRET-91aa3e",
		"upstream said " + secret[:10] + "\u009b" + secret[10:],
	} {
		got := redact.Excerpt([]byte(body), false, secret)
		assertHidden(t, "Excerpt", body, got, secret)
	}
	// A secret that holds a control character is masked as it is.
	odd := "odd\x1bsecret\vvalue-1234"
	if got := redact.Excerpt([]byte("said "+odd), false, odd); got != "said ••••1234" {
		t.Errorf("Excerpt of a secret with control characters = %q", got)
	}
}
