package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"sfstore/api"
)

// PingOne's answers to a token request, as the stand-in gives them. The
// wrong-method answer is the one pingidentity/pingcli expected from PingOne;
// the wrong-secret description is UNCONFIRMED (only its error code matters).
const (
	wrongMethodAnswer = `{"error":"invalid_client","error_description":"Request denied: Unsupported authentication method (Correlation ID: 6c1f0b3e-1d2a-4c43-9d4b-3f0d0c7c2e61)"}`
	wrongSecretAnswer = `{"error":"invalid_client","error_description":"Request denied: invalid client credentials."}`
)

// tokenStandIn is a stand-in PingOne token endpoint for one worker app whose
// token endpoint authentication method is method: CLIENT_SECRET_BASIC,
// CLIENT_SECRET_POST, or anything else for a method sfstore cannot use
// (NONE, PRIVATE_KEY_JWT, ...). It records how each request authenticated.
type tokenStandIn struct {
	*httptest.Server
	method, secret string
	expiresIn      int

	mu    sync.Mutex
	tries []string // "basic", "post" or "none", in order
}

func newTokenStandIn(t *testing.T, method, secret string) *tokenStandIn {
	t.Helper()
	s := &tokenStandIn{method: method, secret: secret, expiresIn: 3600}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *tokenStandIn) serve(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	used, id, secret := "none", r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	if u, p, ok := r.BasicAuth(); ok {
		used = "basic"
		id, _ = url.QueryUnescape(u)
		secret, _ = url.QueryUnescape(p)
	} else if secret != "" {
		used = "post"
	}
	s.mu.Lock()
	s.tries = append(s.tries, used)
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	switch {
	case used == "basic" && s.method != "CLIENT_SECRET_BASIC", used == "post" && s.method != "CLIENT_SECRET_POST", used == "none":
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = io.WriteString(w, wrongMethodAnswer)
	case id != workerID || secret != s.secret:
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = io.WriteString(w, wrongSecretAnswer)
	default:
		_ = json.NewEncoder(w).Encode(map[string]any{"access_token": "tok-" + used, "token_type": "Bearer", "expires_in": s.expiresIn})
	}
}

func (s *tokenStandIn) triesSoFar() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.tries, ",")
}

func (s *tokenStandIn) creds(secret string) api.Credentials {
	return api.Credentials{AuthURL: s.URL, WorkerEnvironmentID: workerEnv, ClientID: workerID, ClientSecret: secret}
}

func TestTokenRequestIsOneBasicRequestForABasicApp(t *testing.T) {
	s := newTokenStandIn(t, "CLIENT_SECRET_BASIC", sentWorker)
	tok, err := api.NewTokenSource(context.Background(), s.creds(sentWorker), nil).Token()
	if err != nil || tok.AccessToken != "tok-basic" || s.triesSoFar() != "basic" {
		t.Fatalf("token %v, err %v, tries %q; want one Basic request", tok, err, s.triesSoFar())
	}
}

func TestWrongSecretIsOneTokenRequestNamingTheEndpoint(t *testing.T) {
	s := newTokenStandIn(t, "CLIENT_SECRET_BASIC", sentWorker)
	_, err := api.NewTokenSource(context.Background(), s.creds("wrong-secret-0001"), nil).Token()
	var te *api.TokenError
	if !errors.As(err, &te) || te.Code != "invalid_client" || te.StatusCode != 401 {
		t.Fatalf("err = %v, want a 401 invalid_client *api.TokenError", err)
	}
	if got := s.triesSoFar(); got != "basic" {
		t.Errorf("tries = %q, want a single Basic request (no retry with form fields)", got)
	}
	endpoint := strings.TrimPrefix(s.URL, "http://") + "/" + workerEnv + "/as/token"
	if te.Endpoint != endpoint || !strings.HasPrefix(te.Error(), "get pingone access token from "+endpoint+": 401 invalid_client: ") {
		t.Errorf("Endpoint %q, Error() %q; want the endpoint %s named", te.Endpoint, te.Error(), endpoint)
	}
}

func TestTokenRequestSwitchesToFormFieldsOnlyWhenPingOneSaysTheMethodIsWrong(t *testing.T) {
	s := newTokenStandIn(t, "CLIENT_SECRET_POST", sentWorker)
	s.expiresIn = 1 // expired at once for x/oauth2, so every Token call asks again
	ts := api.NewTokenSource(context.Background(), s.creds(sentWorker), nil)
	for i := 0; i < 2; i++ {
		if tok, err := ts.Token(); err != nil || tok.AccessToken != "tok-post" {
			t.Fatalf("Token() #%d = %v, %v", i+1, tok, err)
		}
	}
	// Learnt once: the second token is asked for with form fields at once.
	if got := s.triesSoFar(); got != "basic,post,post" {
		t.Errorf("tries = %q, want basic,post,post", got)
	}
}

func TestTokenRequestCachesTheToken(t *testing.T) {
	s := newTokenStandIn(t, "CLIENT_SECRET_BASIC", sentWorker)
	ts := api.NewTokenSource(context.Background(), s.creds(sentWorker), nil)
	for i := 0; i < 3; i++ {
		if _, err := ts.Token(); err != nil {
			t.Fatal(err)
		}
	}
	if got := s.triesSoFar(); got != "basic" {
		t.Errorf("tries = %q, want one request for three tokens", got)
	}
}

func TestAppWithAnUnusableAuthMethodSaysSo(t *testing.T) {
	s := newTokenStandIn(t, "PRIVATE_KEY_JWT", sentWorker)
	_, err := api.NewTokenSource(context.Background(), s.creds(sentWorker), nil).Token()
	var te *api.TokenError
	if !errors.As(err, &te) || !strings.Contains(te.Hint(), "Token Endpoint Authentication Method") {
		t.Fatalf("err = %v, want a hint about the app's authentication method", err)
	}
	if got := s.triesSoFar(); got != "basic,post" {
		t.Errorf("tries = %q, want basic,post", got)
	}
	assertNoSentinel(t, errorStrings(err)...)
}

func TestSlowTokenEndpointFailsAfterOneRequest(t *testing.T) {
	var mu sync.Mutex
	requests := 0
	testDone := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		requests++
		mu.Unlock()
		// Read the body, so the server notices the client hanging up; then
		// block until it does, or the test ends.
		_, _ = io.Copy(io.Discard, r.Body)
		select {
		case <-r.Context().Done():
		case <-testDone:
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(testDone) }) // runs before srv.Close
	// A per-request timeout, as the UI sets: auto-detection spent it twice.
	hc := &http.Client{Timeout: 300 * time.Millisecond}
	creds := api.Credentials{AuthURL: srv.URL, WorkerEnvironmentID: workerEnv, ClientID: workerID, ClientSecret: sentWorker}
	err := within(t, 30*time.Second, func() error {
		_, err := api.NewTokenSource(context.Background(), creds, hc).Token()
		return err
	})
	var te *api.TokenError
	if !errors.As(err, &te) || te.StatusCode != 0 {
		t.Fatalf("err = %v, want a *api.TokenError without status", err)
	}
	endpoint := strings.TrimPrefix(srv.URL, "http://") + "/" + workerEnv + "/as/token"
	if msg := te.Error(); !strings.HasPrefix(msg, "get pingone access token from "+endpoint+": ") || !strings.Contains(msg, "did not answer in time") {
		t.Errorf("Error() = %q, want the endpoint and the timeout named", msg)
	}
	if !strings.Contains(te.Hint(), "did not answer in time") {
		t.Errorf("Hint() = %q", te.Hint())
	}
	mu.Lock()
	defer mu.Unlock()
	if requests != 1 {
		t.Errorf("%d token requests, want 1", requests)
	}
}

func TestTokenSourceRefusesWhatMustNotGetTheSecretBeforeSendingIt(t *testing.T) {
	calls := 0
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		calls++
		return nil, errors.New("no network in this test")
	})}
	for authURL, want := range map[string]string{
		"http://192.0.2.2:9000":                       "use https:// for 192.0.2.2:9000",
		"http://auth.pingone.com":                     "use https:// for auth.pingone.com",
		"https://auth.pingone.com/?client_secret=abc": "must not have a query or fragment",
		"https://user:pw@auth.pingone.com":            "must not contain a user name or password",
	} {
		creds := api.Credentials{AuthURL: authURL, WorkerEnvironmentID: workerEnv, ClientID: workerID, ClientSecret: sentWorker}
		_, err := api.NewTokenSource(context.Background(), creds, hc).Token()
		var te *api.TokenError
		if !errors.As(err, &te) || !strings.Contains(err.Error(), "pingone auth url: "+want) {
			t.Errorf("auth url %q: err = %v, want a *api.TokenError containing %q", authURL, err, want)
			continue
		}
		if !strings.Contains(te.Hint(), "https://") || strings.Contains(err.Error(), "client_secret=abc") {
			t.Errorf("auth url %q: Hint() = %q, Error() = %q", authURL, te.Hint(), err)
		}
	}
	creds := api.Credentials{AuthURL: "https://auth.pingone.com", WorkerEnvironmentID: " ", ClientID: workerID, ClientSecret: sentWorker}
	if _, err := api.NewTokenSource(context.Background(), creds, hc).Token(); err == nil || !strings.Contains(err.Error(), "environment ID is empty") {
		t.Errorf("empty worker environment: err = %v", err)
	}
	if calls != 0 {
		t.Errorf("%d token requests sent, want none", calls)
	}
}

func TestNewClientRefusesPlainHTTPToARemoteHostBeforeAnyRequest(t *testing.T) {
	calls := 0
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		calls++
		return nil, errors.New("no network in this test")
	})}
	for _, apiURL := range []string{"http://192.0.2.2:9000", "http://api.pingone.com", "http://localhost.example.com"} {
		c, err := api.NewClient(apiURL, api.WithHTTPClient(hc))
		if err == nil || c != nil || !strings.Contains(err.Error(), "pingone api url: use https://") {
			t.Errorf("NewClient(%q) = %v, %v; want a refusal", apiURL, c, err)
		}
	}
	if calls != 0 {
		t.Errorf("%d requests sent", calls)
	}
}
