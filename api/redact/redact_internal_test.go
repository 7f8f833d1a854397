package redact

import (
	"strings"
	"testing"
)

func TestSecretListMasksALongerSecretBeforeOneItContains(t *testing.T) {
	short, long := "abcd-1234-efgh", "prefix-abcd-1234-efgh-suffix"
	got := Redact("token "+long, List(short, long, "", short)...)
	if strings.Contains(got, "prefix") || strings.Contains(got, "suffix") {
		t.Errorf("Redact = %q: the longer secret was only partly masked", got)
	}
}

// AppendMask writes what Mask returns, short, long, multi-byte or not
// UTF-8 at all.
func TestAppendMaskIsMask(t *testing.T) {
	for _, sec := range []string{"", "a", "elevenchars", "twelve-chars", "client-secret-SENTINEL-1234",
		"ünïcödé-sëcrët-€€€€", "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5\xf4x", "long-enough-\xe2\x80"} {
		if got := string(AppendMask([]byte("> "), []byte(sec))); got != "> "+Mask(sec) {
			t.Errorf("AppendMask(%q) = %q, want %q", sec, got, "> "+Mask(sec))
		}
	}
}
