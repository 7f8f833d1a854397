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
