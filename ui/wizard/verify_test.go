package wizard

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/settings/settingstest"
)

// The token check says what it knows: a refused token may still be
// refreshed by PingOne (the test decides), and an org that does not answer
// is not blamed on the token.
func TestTheTokenCheckBlamesOnlyWhatItKnows(t *testing.T) {
	refusing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(`[{"errorCode":"INVALID_SESSION_ID","message":"Session expired or invalid"}]`))
	}))
	defer refusing.Close()
	silent := httptest.NewServer(http.NotFoundHandler())
	silent.Close() // nothing listens there any more
	for _, tt := range []struct {
		instance, want, not string
	}{
		{refusing.URL, "the connection test at the review tells", "That is fine"},
		{silent.URL, "could not reach Salesforce at", "refused the access token"},
	} {
		var errOut bytes.Buffer
		s := ui.NewSession(context.Background(), settingstest.Filled(), ui.Options{Keyring: secrets.NewMemory()},
			ui.Streams{Out: &bytes.Buffer{}, Err: &errOut, OutWidth: 200, ErrWidth: 200})
		s.Opts.Salesforce.InstanceURL = tt.instance
		if err := New(s).verifySalesforce(context.Background()); err != nil {
			t.Fatal(err)
		}
		if got := errOut.String(); !strings.Contains(got, tt.want) || strings.Contains(got, tt.not) {
			t.Errorf("against %s: %q", tt.instance, got)
		}
	}
}
