package salesforce_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"sfstore/api/salesforce"
	"sfstore/api/salesforce/sfsim"
)

const (
	testClientID     = "3MVG9TEST.CONSUMER.KEY"
	testClientSecret = "SENTINEL-CLIENT-SECRET-7f3a9c"
)

// startSim starts a fake org that knows the test app.
func startSim(t *testing.T, opts sfsim.Options) *sfsim.Server {
	t.Helper()
	if opts.ClientID == "" {
		opts.ClientID = testClientID
	}
	if opts.ClientSecret == "" {
		opts.ClientSecret = testClientSecret
	}
	sim, err := sfsim.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sim.Close() })
	return sim
}

// simConfig is a config for sim on a free port, opened by sim's own
// self-completing "browser".
func simConfig(sim *sfsim.Server) salesforce.Config {
	return salesforce.Config{
		LoginURL:     sim.URL(),
		ClientID:     testClientID,
		ClientSecret: testClientSecret,
		CallbackPort: salesforce.AnyPort,
		OpenBrowser:  sim.FollowRedirects,
	}
}

// start starts a session and closes it when the test ends.
func start(t *testing.T, c salesforce.Config) *salesforce.Session {
	t.Helper()
	s, err := salesforce.Start(context.Background(), c)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// signIn runs a whole sign-in against sim.
func signIn(t *testing.T, sim *sfsim.Server) *salesforce.Tokens {
	t.Helper()
	s := start(t, simConfig(sim))
	if err := s.OpenBrowser(); err != nil {
		t.Fatalf("OpenBrowser: %v", err)
	}
	tok, err := s.Wait(context.Background())
	if err != nil {
		t.Fatalf("Wait: %v", err)
	}
	return tok
}

// callbackPort returns the port of a session's callback URL.
func callbackPort(t *testing.T, s *salesforce.Session) int {
	t.Helper()
	u, err := url.Parse(s.CallbackURL())
	if err != nil {
		t.Fatal(err)
	}
	p, err := strconv.Atoi(u.Port())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// assertPortClosed fails when anything still accepts connections on port.
func assertPortClosed(t *testing.T, port int) {
	t.Helper()
	for _, host := range []string{"127.0.0.1", "::1"} {
		c, err := net.DialTimeout("tcp", net.JoinHostPort(host, strconv.Itoa(port)), time.Second)
		if err == nil {
			c.Close()
			t.Errorf("%s:%d still accepts connections", host, port)
		}
	}
}

// freePort returns a port that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// noRedirects is a client that reports redirects instead of following them.
var noRedirects = &http.Client{
	Timeout: 10 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	},
}

// redirectedURL opens authURL like a browser would and returns where
// Salesforce sent it back: the address a user would paste.
func redirectedURL(t *testing.T, authURL string) string {
	t.Helper()
	resp, err := noRedirects.Get(authURL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		t.Fatalf("authorize answered %s, want 302", resp.Status)
	}
	return resp.Header.Get("Location")
}

// get GETs rawURL and returns the status and body.
func get(t *testing.T, rawURL string) (int, string) {
	t.Helper()
	resp, err := noRedirects.Get(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// withQuery returns rawURL with its query replaced by q.
func withQuery(rawURL string, q url.Values) string {
	u, _ := url.Parse(rawURL)
	u.RawQuery = q.Encode()
	return u.String()
}

// authParams returns the query of a session's AuthURL.
func authParams(t *testing.T, s *salesforce.Session) url.Values {
	t.Helper()
	u, err := url.Parse(s.AuthURL())
	if err != nil {
		t.Fatal(err)
	}
	return u.Query()
}

func contains(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}

// listProfiles is ListProfiles with MaxProfiles, as a plain slice: what
// most tests look at.
func listProfiles(ctx context.Context, hc *http.Client, instanceURL, token string, communitiesFirst bool) ([]salesforce.Profile, error) {
	l, err := salesforce.ListProfiles(ctx, hc, instanceURL, token, salesforce.ProfileOptions{CommunitiesFirst: communitiesFirst})
	if err != nil {
		return nil, err
	}
	return l.Profiles, nil
}
