package settingstest_test

import (
	"strings"
	"testing"

	"sfstore/ui/settings"
	"sfstore/ui/settings/settingstest"
)

// The answers tests start from are complete, and every secret in them is
// a sentinel that one search for Marker finds.
func TestFilledIsCompleteAndEverySecretCarriesTheMarker(t *testing.T) {
	a := settingstest.Filled()
	if problems := a.CheckAll(); len(problems) != 0 {
		t.Fatalf("Filled has problems: %v", problems)
	}
	if a.SalesforceDomain != "acme.my.salesforce.com" {
		t.Errorf("Filled is not normalised: domain %q", a.SalesforceDomain)
	}
	for _, f := range settings.Fields {
		if f.Kind != settings.Secret {
			continue
		}
		if v := f.Get(&a); v != "" && !strings.Contains(v, settingstest.Marker) {
			t.Errorf("%s is %q, not a sentinel", f.Label, v)
		}
	}
	seen := map[string]bool{}
	for _, s := range []string{settingstest.WorkerSecret, settingstest.ClientSecret, settingstest.AccessToken, settingstest.RefreshToken} {
		if !strings.HasPrefix(s, settingstest.Marker) || seen[s[len(s)-4:]] {
			t.Errorf("%s: not a sentinel, or its last four (what a mask shows) are another's", s)
		}
		seen[s[len(s)-4:]] = true
	}
}
