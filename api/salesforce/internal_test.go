package salesforce

import (
	"testing"
	"time"
)

func TestTimeLimitIsNamedInPlainWords(t *testing.T) {
	for d, want := range map[time.Duration]string{
		DefaultTimeout:          "5 minutes",
		time.Minute:             "1 minute",
		90 * time.Second:        "90 seconds",
		2 * time.Hour:           "2 hours",
		30 * time.Millisecond:   "30ms",
		1500 * time.Millisecond: "1.5s",
	} {
		if got := humanDuration(d); got != want {
			t.Errorf("humanDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestOrgIDFromToken(t *testing.T) {
	for tok, want := range map[string]string{
		"00D5g000004XyZ1!AQabc": "00D5g000004XyZ1",
		"00D5g000004XyZ1":       "",
		"005xx000001Sv6e!AQabc": "",
		"!AQ":                   "",
	} {
		if got := orgIDFromToken(tok); got != want {
			t.Errorf("orgIDFromToken(%q) = %q, want %q", tok, got, want)
		}
	}
}

func TestBrowserEnvConvention(t *testing.T) {
	if err := openWithBrowserEnv("  ", "http://x"); err == nil {
		t.Error("an empty $BROWSER opened something")
	}
	if err := openWithBrowserEnv("/nonexistent/browser-a"+string(listSep)+"/nonexistent/browser-b %s", "http://x"); err == nil {
		t.Error("missing browsers reported no error")
	}
}
