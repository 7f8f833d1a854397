package salesforce_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"sfstore/api/demoorg"
	"sfstore/api/salesforce"
	"sfstore/api/salesforce/sfsim"
)

func TestDefaultCallbackURLIsLocalhost7717(t *testing.T) {
	if got, want := (salesforce.Config{}).CallbackURL(), "http://localhost:7717/oauth/callback"; got != want {
		t.Errorf("CallbackURL() = %q, want %q", got, want)
	}
	if got, want := (salesforce.Config{CallbackPort: 8123}).CallbackURL(), "http://localhost:8123/oauth/callback"; got != want {
		t.Errorf("CallbackURL() = %q, want %q", got, want)
	}
}

// tokenServer is a Salesforce token endpoint that records what it was sent.
type tokenServer struct {
	*httptest.Server
	mu     sync.Mutex
	form   url.Values
	header http.Header
}

func newTokenServer(t *testing.T, answer func(w http.ResponseWriter, form url.Values)) *tokenServer {
	ts := &tokenServer{}
	ts.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/services/oauth2/token" || r.Method != http.MethodPost {
			http.NotFound(w, r)
			return
		}
		_ = r.ParseForm()
		ts.mu.Lock()
		ts.form, ts.header = r.PostForm, r.Header.Clone()
		ts.mu.Unlock()
		answer(w, r.PostForm)
	}))
	t.Cleanup(ts.Close)
	return ts
}

func goodAnswer(w http.ResponseWriter, _ url.Values) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"access_token":"00D5g000004XyZ1!AQ.access","refresh_token":"5Aep861.refresh",
		"instance_url":"https://acme.my.salesforce.com","id":"https://login.salesforce.com/id/00D5g000004XyZ1EAK/0055g00000AbCdEAAV",
		"token_type":"Bearer","issued_at":1278448832702,"scope":"refresh_token api","signature":"c2ln"}`))
}

func TestAuthURLCarriesS256ChallengeOfTheVerifierSentAtExchange(t *testing.T) {
	ts := newTokenServer(t, goodAnswer)
	s := start(t, salesforce.Config{LoginURL: ts.URL, ClientID: testClientID, ClientSecret: testClientSecret, CallbackPort: salesforce.AnyPort})

	u, _ := url.Parse(s.AuthURL())
	if got, want := u.Scheme+"://"+u.Host+u.Path, ts.URL+"/services/oauth2/authorize"; got != want {
		t.Errorf("authorize endpoint = %q, want %q", got, want)
	}
	q := u.Query()
	for k, want := range map[string]string{
		"response_type":         "code",
		"client_id":             testClientID,
		"redirect_uri":          s.CallbackURL(),
		"scope":                 "api refresh_token",
		"code_challenge_method": "S256",
	} {
		if q.Get(k) != want {
			t.Errorf("%s = %q, want %q", k, q.Get(k), want)
		}
	}
	challenge := q.Get("code_challenge")
	if len(challenge) != 43 {
		t.Errorf("code_challenge %q is not a base64url SHA-256", challenge)
	}

	status, _ := get(t, withQuery(s.CallbackURL(), url.Values{"code": {"the-code"}, "state": {q.Get("state")}}))
	if status != http.StatusOK {
		t.Fatalf("callback status = %d", status)
	}
	tok, err := s.Wait(context.Background())
	if err != nil {
		t.Fatalf("Wait: %v", err)
	}

	ts.mu.Lock()
	form, header := ts.form, ts.header
	ts.mu.Unlock()
	verifier := form.Get("code_verifier")
	if n := len(verifier); n < 43 || n > 128 {
		t.Errorf("code_verifier has %d characters, want 43-128", n)
	}
	sum := sha256.Sum256([]byte(verifier))
	if got := base64.RawURLEncoding.EncodeToString(sum[:]); got != challenge {
		t.Errorf("base64url(sha256(code_verifier)) = %q, want the code_challenge %q", got, challenge)
	}
	for k, want := range map[string]string{
		"grant_type":    "authorization_code",
		"code":          "the-code",
		"redirect_uri":  s.CallbackURL(),
		"client_id":     testClientID,
		"client_secret": testClientSecret,
	} {
		if form.Get(k) != want {
			t.Errorf("token request %s = %q, want %q", k, form.Get(k), want)
		}
	}
	if h := header.Get("Authorization"); h != "" {
		t.Errorf("client credentials sent in a header (%q), Salesforce wants form fields", h)
	}

	want := salesforce.Tokens{
		AccessToken: "00D5g000004XyZ1!AQ.access", RefreshToken: "5Aep861.refresh",
		InstanceURL: "https://acme.my.salesforce.com",
		ID:          "https://login.salesforce.com/id/00D5g000004XyZ1EAK/0055g00000AbCdEAAV",
		IssuedAt:    "1278448832702", Scope: "refresh_token api",
	}
	if *tok != want {
		t.Errorf("tokens = %#v, want %#v", *tok, want)
	}
	if tok.Domain() != "acme.my.salesforce.com" || tok.OrgID() != "00D5g000004XyZ1EAK" || tok.UserID() != "0055g00000AbCdEAAV" {
		t.Errorf("Domain, OrgID, UserID = %q, %q, %q", tok.Domain(), tok.OrgID(), tok.UserID())
	}
}

func TestStateAndVerifierAreFreshAndRandomPerSession(t *testing.T) {
	sim := startSim(t, sfsim.Options{})
	a, b := authParams(t, start(t, simConfig(sim))), authParams(t, start(t, simConfig(sim)))
	for _, k := range []string{"state", "code_challenge"} {
		if a.Get(k) == b.Get(k) {
			t.Errorf("two sessions share %s %q", k, a.Get(k))
		}
	}
	raw, err := base64.RawURLEncoding.DecodeString(a.Get("state"))
	if err != nil || len(raw) < 16 {
		t.Errorf("state %q is not at least 128 random bits (%v)", a.Get("state"), err)
	}
}

func TestWrongStateIsRefusedAndTheRightOneStillWorks(t *testing.T) {
	sim := startSim(t, sfsim.Options{})
	s := start(t, simConfig(sim))

	for name, q := range map[string]url.Values{
		"wrong state":            {"code": {"x"}, "state": {"not-ours"}},
		"no state":               {"code": {"x"}},
		"error with wrong state": {"error": {"access_denied"}, "state": {"not-ours"}},
	} {
		status, body := get(t, withQuery(s.CallbackURL(), q))
		if status != http.StatusBadRequest || !strings.Contains(body, "not started by sfstore") {
			t.Errorf("%s: status %d, body %q; want 400 'not started by sfstore'", name, status, body)
		}
	}
	if status, _ := get(t, strings.Replace(s.CallbackURL(), "/oauth/callback", "/other", 1)); status != http.StatusNotFound {
		t.Errorf("other path: status %d, want 404", status)
	}

	if err := s.OpenBrowser(); err != nil {
		t.Fatalf("the right callback after wrong ones: %v", err)
	}
	tok, err := s.Wait(context.Background())
	if err != nil || tok.RefreshToken == "" {
		t.Fatalf("Wait = %v, %v; want tokens", tok, err)
	}
}

func TestCallbackOnAnotherHostIsRefused(t *testing.T) {
	sim := startSim(t, sfsim.Options{})
	s := start(t, simConfig(sim))
	req, _ := http.NewRequest(http.MethodGet, withQuery(s.CallbackURL(), authParams(t, s)), nil)
	req.Host = "attacker.example:" + strings.Split(strings.TrimPrefix(s.CallbackURL(), "http://localhost:"), "/")[0]
	resp, err := noRedirects.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("status %d, want 421", resp.StatusCode)
	}
}

func TestErrorCallbackMapsToItsHint(t *testing.T) {
	for code, want := range map[string][]string{
		"access_denied":                {"Deny", "Allow"},
		"redirect_uri_mismatch":        {"Register exactly", "2–10 minutes"}, // and the callback URL, below
		"invalid_client_id":            {"consumer key", "2–10 minutes"},
		"invalid_scope":                {"api", "refresh_token"},
		"OAUTH_APPROVAL_ERROR_GENERIC": {"policies"},
	} {
		t.Run(code, func(t *testing.T) {
			sim := startSim(t, sfsim.Options{CallbackError: code})
			s := start(t, simConfig(sim))
			if err := s.OpenBrowser(); err != nil {
				t.Fatalf("OpenBrowser: %v", err)
			}
			_, err := s.Wait(context.Background())
			var ae *salesforce.AuthError
			if !errors.As(err, &ae) {
				t.Fatalf("Wait error = %v (%T), want *AuthError", err, err)
			}
			if ae.Stage != salesforce.StageAuthorize || ae.Code != code || ae.Description == "" {
				t.Errorf("AuthError = %+v", *ae)
			}
			if !contains(ae.Hint, want...) {
				t.Errorf("hint %q lacks %q", ae.Hint, want)
			}
			if code == "redirect_uri_mismatch" && !strings.Contains(ae.Hint, s.CallbackURL()) {
				t.Errorf("hint %q does not name the callback URL %s", ae.Hint, s.CallbackURL())
			}
		})
	}
}

func TestTokenErrorsMapToHints(t *testing.T) {
	for name, tc := range map[string]struct {
		opts sfsim.Options
		cfg  func(*salesforce.Config)
		code string
		hint string
	}{
		"wrong secret": {cfg: func(c *salesforce.Config) { c.ClientSecret = "wrong-secret-123456" }, code: "invalid_client", hint: "secret"},
		"wrong key":    {opts: sfsim.Options{ClientID: "someone-else"}, code: "invalid_client_id", hint: "consumer key"},
	} {
		t.Run(name, func(t *testing.T) {
			sim := startSim(t, tc.opts)
			c := simConfig(sim)
			if tc.cfg != nil {
				tc.cfg(&c)
			}
			s := start(t, c)
			_ = s.OpenBrowser()
			_, err := s.Wait(context.Background())
			var ae *salesforce.AuthError
			if !errors.As(err, &ae) || ae.Code != tc.code || !strings.Contains(ae.Hint, tc.hint) {
				t.Fatalf("Wait error = %v; want code %s with a hint about %q", err, tc.code, tc.hint)
			}
		})
	}
}

func TestTokenEndpointUnreachableIsATokenStageError(t *testing.T) {
	// Nothing listens on loopback port 1, and no test server is given it
	// (listeners get ephemeral ports), unlike a port free a moment ago.
	dead := "http://127.0.0.1:1"
	s := start(t, salesforce.Config{LoginURL: dead, ClientID: testClientID, ClientSecret: testClientSecret, CallbackPort: salesforce.AnyPort})
	get(t, withQuery(s.CallbackURL(), url.Values{"code": {"c"}, "state": {authParams(t, s).Get("state")}}))
	_, err := s.Wait(context.Background())
	var ae *salesforce.AuthError
	if !errors.As(err, &ae) || ae.Stage != salesforce.StageToken || ae.StatusCode != 0 || !strings.Contains(ae.Hint, dead) {
		t.Fatalf("Wait error = %#v, want a token-stage AuthError naming the login URL", err)
	}
}

func TestTokenAnswerWithoutRefreshTokenIsErrNoRefreshToken(t *testing.T) {
	sim := startSim(t, sfsim.Options{NoRefreshToken: true})
	s := start(t, simConfig(sim))
	_ = s.OpenBrowser()
	tok, err := s.Wait(context.Background())
	if !errors.Is(err, salesforce.ErrNoRefreshToken) || tok != nil {
		t.Fatalf("Wait = %v, %v; want ErrNoRefreshToken", tok, err)
	}
	if !strings.Contains(err.Error(), "Perform requests at any time (refresh_token, offline_access)") {
		t.Errorf("error %q does not say which scope to add", err)
	}
}

func TestTimeLimitGivesErrTimedOut(t *testing.T) {
	sim := startSim(t, sfsim.Options{})
	c := simConfig(sim)
	c.Timeout = 30 * time.Millisecond
	s := start(t, c)
	_, err := s.Wait(context.Background())
	if !errors.Is(err, salesforce.ErrTimedOut) || !strings.Contains(err.Error(), "30ms") {
		t.Fatalf("Wait error = %v, want ErrTimedOut naming 30ms", err)
	}
}

func TestListenerIsClosedOnEveryPath(t *testing.T) {
	paths := map[string]func(t *testing.T, sim *sfsim.Server, s *salesforce.Session) error{
		"success": func(t *testing.T, _ *sfsim.Server, s *salesforce.Session) error {
			_ = s.OpenBrowser()
			_, err := s.Wait(context.Background())
			return err
		},
		"error callback": func(t *testing.T, _ *sfsim.Server, s *salesforce.Session) error {
			q := authParams(t, s)
			get(t, withQuery(s.CallbackURL(), url.Values{"error": {"access_denied"}, "state": {q.Get("state")}}))
			_, err := s.Wait(context.Background())
			return err
		},
		"token error": func(t *testing.T, _ *sfsim.Server, s *salesforce.Session) error {
			get(t, withQuery(s.CallbackURL(), url.Values{"code": {"unknown"}, "state": {authParams(t, s).Get("state")}}))
			_, err := s.Wait(context.Background())
			return err
		},
		"timeout": func(t *testing.T, _ *sfsim.Server, s *salesforce.Session) error {
			_, err := s.Wait(context.Background())
			return err
		},
		"ctx cancel": func(t *testing.T, _ *sfsim.Server, s *salesforce.Session) error {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(20*time.Millisecond, cancel)
			_, err := s.Wait(ctx)
			if !errors.Is(err, context.Canceled) {
				t.Errorf("Wait error = %v, want context.Canceled", err)
			}
			return err
		},
		"close while waiting": func(t *testing.T, _ *sfsim.Server, s *salesforce.Session) error {
			time.AfterFunc(20*time.Millisecond, func() { _ = s.Close() })
			_, err := s.Wait(context.Background())
			if !errors.Is(err, salesforce.ErrSessionClosed) {
				t.Errorf("Wait error = %v, want ErrSessionClosed", err)
			}
			return err
		},
		"close without wait": func(t *testing.T, _ *sfsim.Server, s *salesforce.Session) error {
			if err := s.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
			if err := s.Close(); err != nil {
				t.Errorf("second Close: %v", err)
			}
			return errors.New("closed")
		},
	}
	for name, run := range paths {
		t.Run(name, func(t *testing.T) {
			sim := startSim(t, sfsim.Options{})
			c := simConfig(sim)
			c.CallbackPort = freePort(t)
			if name == "timeout" {
				c.Timeout = 20 * time.Millisecond
			}
			s := start(t, c)
			port := callbackPort(t, s)
			if port != c.CallbackPort {
				t.Fatalf("listening on %d, want %d", port, c.CallbackPort)
			}
			err := run(t, sim, s)
			if (err == nil) != (name == "success") {
				t.Errorf("err = %v", err)
			}
			assertPortClosed(t, port)
		})
	}
}

func TestFixedPortInUseIsAnErrorNamingThePort(t *testing.T) {
	sim := startSim(t, sfsim.Options{})
	c := simConfig(sim)
	c.CallbackPort = freePort(t)
	s := start(t, c)
	if got, want := s.CallbackURL(), c.CallbackURL(); got != want {
		t.Errorf("session callback %q, config callback %q", got, want)
	}
	_, err := salesforce.Start(context.Background(), c)
	// Windows words it differently ("Only one usage of each socket address").
	if err == nil || !strings.Contains(err.Error(), itoa(c.CallbackPort)) || (runtime.GOOS != "windows" && !strings.Contains(err.Error(), "in use")) {
		t.Fatalf("second Start on port %d: err = %v, want 'in use' naming the port", c.CallbackPort, err)
	}
}

func TestPasteBack(t *testing.T) {
	t.Run("the redirected address signs in", func(t *testing.T) {
		sim := startSim(t, sfsim.Options{})
		s := start(t, simConfig(sim))
		if err := s.Paste("  " + redirectedURL(t, s.AuthURL()) + "\n"); err != nil {
			t.Fatalf("Paste: %v", err)
		}
		if tok, err := s.Wait(context.Background()); err != nil || tok.RefreshToken == "" {
			t.Fatalf("Wait = %v, %v", tok, err)
		}
		if err := s.Paste(redirectedURL(t, s.AuthURL())); !errors.Is(err, salesforce.ErrSessionClosed) {
			t.Errorf("Paste after the end = %v, want ErrSessionClosed", err)
		}
	})
	t.Run("a bare query string signs in", func(t *testing.T) {
		sim := startSim(t, sfsim.Options{})
		s := start(t, simConfig(sim))
		u, _ := url.Parse(redirectedURL(t, s.AuthURL()))
		if err := s.Paste(u.RawQuery); err != nil {
			t.Fatalf("Paste: %v", err)
		}
		if _, err := s.Wait(context.Background()); err != nil {
			t.Fatalf("Wait: %v", err)
		}
	})
	t.Run("wrong or missing state is refused and the session keeps waiting", func(t *testing.T) {
		sim := startSim(t, sfsim.Options{})
		s := start(t, simConfig(sim))
		good := redirectedURL(t, s.AuthURL())
		u, _ := url.Parse(good)
		q := u.Query()
		q.Set("state", "forged")
		noState := u.Query()
		noState.Del("state")
		for name, bad := range map[string]string{
			"wrong state":   withQuery(good, q),
			"missing state": withQuery(good, noState),
			"not a url":     "I clicked Allow",
			"no query":      s.CallbackURL(),
		} {
			if err := s.Paste(bad); !errors.Is(err, salesforce.ErrStateMismatch) {
				t.Errorf("%s: Paste = %v, want ErrStateMismatch", name, err)
			}
		}
		if err := s.Paste(good); err != nil {
			t.Fatalf("Paste of the right address after wrong ones: %v", err)
		}
		if _, err := s.Wait(context.Background()); err != nil {
			t.Fatalf("Wait: %v", err)
		}
	})
	t.Run("Salesforce's own error page gives the hint and the session keeps waiting", func(t *testing.T) {
		sim := startSim(t, sfsim.Options{})
		s := start(t, simConfig(sim))
		err := s.Paste("error=redirect_uri_mismatch&error_description=redirect_uri%20must%20match%20configuration")
		var ae *salesforce.AuthError
		if !errors.As(err, &ae) || ae.Code != "redirect_uri_mismatch" || !strings.Contains(ae.Hint, s.CallbackURL()) {
			t.Fatalf("Paste = %v, want an AuthError whose hint names %s", err, s.CallbackURL())
		}
		if err := s.Paste(redirectedURL(t, s.AuthURL())); err != nil {
			t.Fatalf("Paste after the error page: %v", err)
		}
		if _, err := s.Wait(context.Background()); err != nil {
			t.Fatalf("Wait: %v", err)
		}
	})
	t.Run("an error with our state ends the sign-in", func(t *testing.T) {
		sim := startSim(t, sfsim.Options{CallbackError: "access_denied"})
		s := start(t, simConfig(sim))
		if err := s.Paste(redirectedURL(t, s.AuthURL())); err != nil {
			t.Fatalf("Paste: %v", err)
		}
		_, err := s.Wait(context.Background())
		var ae *salesforce.AuthError
		if !errors.As(err, &ae) || ae.Code != "access_denied" {
			t.Fatalf("Wait = %v, want access_denied", err)
		}
	})
}

func TestConfigIsChecked(t *testing.T) {
	good := salesforce.Config{ClientID: testClientID, ClientSecret: testClientSecret, CallbackPort: salesforce.AnyPort}
	for _, tc := range []struct {
		name    string
		edit    func(*salesforce.Config)
		wantErr string // "" = accepted
	}{
		{"https my domain", func(c *salesforce.Config) { c.LoginURL = "https://acme.my.salesforce.com/" }, ""},
		{"sandbox", func(c *salesforce.Config) { c.LoginURL = "https://test.salesforce.com" }, ""},
		{"bare host", func(c *salesforce.Config) { c.LoginURL = "acme.my.salesforce.com" }, ""},
		{"http 127.0.0.1", func(c *salesforce.Config) { c.LoginURL = "http://127.0.0.1:9" }, ""},
		{"http localhost", func(c *salesforce.Config) { c.LoginURL = "http://localhost:9" }, ""},
		{"http ::1", func(c *salesforce.Config) { c.LoginURL = "http://[::1]:9" }, ""},
		{"http *.localhost goes via a proxy", func(c *salesforce.Config) { c.LoginURL = "http://sim.localhost:9" }, "https"},
		{"http LOCALHOST goes via a proxy", func(c *salesforce.Config) { c.LoginURL = "http://LOCALHOST:9" }, "https"},
		{"http localhost. goes via a proxy", func(c *salesforce.Config) { c.LoginURL = "http://localhost.:9" }, "https"},
		{"http remote", func(c *salesforce.Config) { c.LoginURL = "http://login.salesforce.com" }, "https"},
		{"http localhost lookalike", func(c *salesforce.Config) { c.LoginURL = "http://localhost.example.com" }, "https"},
		{"other scheme", func(c *salesforce.Config) { c.LoginURL = "ftp://login.salesforce.com" }, "https"},
		{"user info", func(c *salesforce.Config) { c.LoginURL = "https://u:p@login.salesforce.com" }, "user name or password"},
		{"query", func(c *salesforce.Config) { c.LoginURL = "https://login.salesforce.com?x=1" }, "query"},
		{"empty login url", func(c *salesforce.Config) { c.LoginURL = "" }, "required"},
		{"no client id", func(c *salesforce.Config) { c.LoginURL = "https://x.test"; c.ClientID = " " }, "client id"},
		{"no client secret", func(c *salesforce.Config) { c.LoginURL = "https://x.test"; c.ClientSecret = "" }, "client secret"},
		{"bad port", func(c *salesforce.Config) { c.LoginURL = "https://x.test"; c.CallbackPort = 70000 }, "port"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := good
			tc.edit(&c)
			s, err := salesforce.Start(context.Background(), c)
			if s != nil {
				defer s.Close()
			}
			switch {
			case tc.wantErr == "" && err != nil:
				t.Errorf("Start: %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Errorf("Start error = %v, want one about %q", err, tc.wantErr)
			}
		})
	}
}

func TestLoginURLIsNormalisedInAuthURL(t *testing.T) {
	s := start(t, salesforce.Config{LoginURL: " acme.my.salesforce.com/ ", ClientID: testClientID, ClientSecret: testClientSecret, CallbackPort: salesforce.AnyPort})
	if want := "https://acme.my.salesforce.com/services/oauth2/authorize?"; !strings.HasPrefix(s.AuthURL(), want) {
		t.Errorf("AuthURL = %q, want prefix %q", s.AuthURL(), want)
	}
}

// browserScript writes a $BROWSER program that opens the URL it is given
// the way a browser would: follow the authorize redirect to the callback.
func browserScript(t *testing.T) (string, bool) {
	if runtime.GOOS == "windows" {
		return "", false
	}
	if _, err := exec.LookPath("curl"); err != nil {
		return "", false
	}
	path := filepath.Join(t.TempDir(), "browser.sh")
	// It notes the URL it was given in browser.sh.url, then follows it.
	script := "#!/bin/sh\nprintf '%s' \"$1\" > \"$0.url\"\nexec curl -s -o /dev/null --noproxy '*' --max-time 10 -L \"$1\"\n"
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path, true
}

func TestFullFlowAgainstSimulatorDrivenByBrowserScript(t *testing.T) {
	sim := startSim(t, sfsim.Options{Rotate: true})
	c := simConfig(sim)
	script, useScript := browserScript(t)
	if useScript {
		t.Setenv("BROWSER", script)
		c.OpenBrowser = nil // the default opener runs $BROWSER
	} else {
		t.Log("no curl or no /bin/sh: the simulator's FollowRedirects plays the browser")
	}
	s := start(t, c)
	if err := s.OpenBrowser(); err != nil {
		t.Fatalf("OpenBrowser: %v", err)
	}
	ctx := context.Background()
	tok, err := s.Wait(ctx)
	if err != nil {
		t.Fatalf("Wait: %v", err)
	}
	if useScript {
		if got, _ := os.ReadFile(script + ".url"); string(got) != s.AuthURL() {
			t.Errorf("$BROWSER was given %q, want the AuthURL", got)
		}
	}
	if !strings.HasPrefix(tok.AccessToken, demoorg.OrgID15+"!") || tok.RefreshToken == "" || tok.InstanceURL != sim.URL() ||
		tok.OrgID() != demoorg.OrgID || tok.UserID() != demoorg.UserID || tok.IssuedAt == "" || !strings.Contains(tok.Scope, "refresh_token") {
		t.Errorf("tokens = %#v", tok)
	}
	assertPortClosed(t, callbackPort(t, s))

	id, err := salesforce.Verify(ctx, nil, tok.InstanceURL, tok.AccessToken)
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if want := (salesforce.Identity{OrgID: demoorg.OrgID, Username: demoorg.Username, Name: demoorg.Name, Email: demoorg.Email}); *id != want {
		t.Errorf("Verify = %+v, want %+v", *id, want)
	}
	profiles, err := listProfiles(ctx, nil, tok.InstanceURL, tok.AccessToken, true)
	if err != nil || len(profiles) != 4 || !profiles[0].Community() || !profiles[1].Community() {
		t.Errorf("Profiles = %+v, %v", profiles, err)
	}
	accounts, err := salesforce.SearchAccounts(ctx, nil, tok.InstanceURL, tok.AccessToken, "acme", 0)
	if err != nil || len(accounts) != 1 || accounts[0].Name != "Acme Corporation" {
		t.Errorf("SearchAccounts = %+v, %v", accounts, err)
	}
	// sfstore must never refresh: with rotation on, that would have killed
	// the refresh token PingOne is about to receive.
	if !sim.RefreshTokenValid(tok.RefreshToken) || sim.Refreshes() != 0 {
		t.Errorf("refresh token valid %v after %d refreshes; want valid, none", sim.RefreshTokenValid(tok.RefreshToken), sim.Refreshes())
	}
}

func TestTokensPrintMasked(t *testing.T) {
	tok := salesforce.Tokens{AccessToken: "SENTINEL-ACCESS-TOKEN-2b8e41", RefreshToken: "SENTINEL-REFRESH-TOKEN-d05c77", InstanceURL: "https://x"}
	for _, s := range []string{tok.String(), tok.GoString(), sprint("%v", tok), sprint("%+v", tok), sprint("%#v", tok), sprint("%v", &tok), sprint("%s", []salesforce.Tokens{tok})} {
		assertNoSentinel(t, s)
	}
}

func TestCancelDuringTheExchangeIsACancelNotAnAuthError(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	ts := newTokenServer(t, func(w http.ResponseWriter, _ url.Values) { <-release })
	s := start(t, salesforce.Config{LoginURL: ts.URL, ClientID: testClientID, ClientSecret: testClientSecret, CallbackPort: salesforce.AnyPort})
	get(t, withQuery(s.CallbackURL(), url.Values{"code": {"c"}, "state": {authParams(t, s).Get("state")}}))
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err := s.Wait(ctx)
	var ae *salesforce.AuthError
	if !errors.Is(err, context.Canceled) || errors.As(err, &ae) {
		t.Fatalf("Wait error = %v, want a plain cancel", err)
	}
}
