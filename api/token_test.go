package api_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"

	"sfstore/api"
	"sfstore/api/demoorg"
	"sfstore/api/simulator"
)

const (
	workerEnv    = "11111111-2222-4333-8444-555555555555"
	workerID     = "99999999-8888-4777-8666-555555555555"
	workerSecret = "worker-secret-for-tests-0042"
)

// startSim starts a simulator that accepts workerID/workerSecret in
// workerEnv and also knows testEnvID.
func startSim(t *testing.T) *simulator.Server {
	t.Helper()
	sim, err := simulator.Start(simulator.Options{
		ClientID: workerID, ClientSecret: workerSecret, Environments: []string{workerEnv, testEnvID},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sim.Close)
	return sim
}

func TestCredentialsTokenURL(t *testing.T) {
	for _, auth := range []string{"https://auth.pingone.eu", "https://auth.pingone.eu/"} {
		c := api.Credentials{AuthURL: auth, WorkerEnvironmentID: workerEnv}
		if got, want := c.TokenURL(), "https://auth.pingone.eu/"+workerEnv+"/as/token"; got != want {
			t.Errorf("TokenURL() with %q = %q, want %q", auth, got, want)
		}
	}
}

func TestSimulatorAcceptsBasicAndPostClientAuth(t *testing.T) {
	sim := startSim(t)
	for _, style := range []oauth2.AuthStyle{oauth2.AuthStyleInHeader, oauth2.AuthStyleInParams} {
		cfg := clientcredentials.Config{ClientID: workerID, ClientSecret: workerSecret, AuthStyle: style,
			TokenURL: api.Credentials{AuthURL: sim.URL(), WorkerEnvironmentID: workerEnv}.TokenURL()}
		tok, err := cfg.Token(context.Background())
		if err != nil {
			t.Fatalf("auth style %d: %v", style, err)
		}
		if len(tok.AccessToken) < 32 || tok.Type() != "Bearer" {
			t.Errorf("auth style %d: token %q type %q", style, tok.AccessToken, tok.Type())
		}
	}
}

func TestNewTokenSourceGetsATokenTheAPIAccepts(t *testing.T) {
	sim := startSim(t)
	creds := api.Credentials{AuthURL: sim.URL() + "/", WorkerEnvironmentID: workerEnv, ClientID: workerID, ClientSecret: workerSecret}
	c, err := api.NewClient(sim.URL(), api.WithTokenSource(api.NewTokenSource(context.Background(), creds, nil)))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		if _, err := c.CreateSalesforceStore(context.Background(), testEnvID, demoRequest(t)); err != nil {
			t.Fatal(err)
		}
	}
	if n := countPath(sim, "/"+workerEnv+"/as/token"); n != 1 {
		t.Errorf("%d token requests for two API calls, want 1 (token reused)", n)
	}
}

func TestWrongWorkerSecretGivesTokenErrorWithoutTheSecret(t *testing.T) {
	sim := startSim(t)
	const wrong = "wrong-worker-secret-7f3a9c"
	creds := api.Credentials{AuthURL: sim.URL(), WorkerEnvironmentID: workerEnv, ClientID: workerID, ClientSecret: wrong}
	c, _ := api.NewClient(sim.URL(), api.WithTokenSource(api.NewTokenSource(context.Background(), creds, nil)))

	_, err := c.CreateSalesforceStore(context.Background(), testEnvID, demoRequest(t))
	var te *api.TokenError
	if !errors.As(err, &te) {
		t.Fatalf("err = %v (%T), want *api.TokenError", err, err)
	}
	if te.StatusCode != 401 || te.Code != "invalid_client" || te.CorrelationID == "" {
		t.Errorf("TokenError = %+v, want 401 invalid_client with a correlation ID", te)
	}
	if !strings.HasPrefix(te.Error(), "get pingone access token from "+strings.TrimPrefix(sim.URL(), "http://")+"/"+workerEnv+"/as/token: 401 invalid_client: ") {
		t.Errorf("Error() = %q", te.Error())
	}
	if n := countPath(sim, "/"+workerEnv+"/as/token"); n != 1 {
		t.Errorf("%d token requests for a wrong secret, want 1", n)
	}
	if strings.Contains(err.Error(), wrong) || strings.Contains(te.Hint(), wrong) {
		t.Errorf("error or hint contains the secret: %q / %q", err, te.Hint())
	}
	if !strings.Contains(te.Hint(), "PINGONE_ENVIRONMENT_ID") {
		t.Errorf("Hint() = %q, want it to point at the worker environment", te.Hint())
	}
	if n := countPath(sim, "/v1/environments/"+testEnvID+"/propagation/stores"); n != 0 {
		t.Errorf("%d API calls made without a token, want 0", n)
	}
}

func TestTokenSourceUsedDirectlyFailsWithTokenError(t *testing.T) {
	sim := startSim(t)
	creds := api.Credentials{AuthURL: sim.URL(), WorkerEnvironmentID: "00000000-0000-4000-8000-000000000000", ClientID: workerID, ClientSecret: workerSecret}
	_, err := api.NewTokenSource(context.Background(), creds, nil).Token()
	var te *api.TokenError
	if !errors.As(err, &te) || te.Code != "invalid_client" {
		t.Fatalf("err = %v, want *api.TokenError invalid_client for an unknown worker environment", err)
	}
}

func TestStaticTokenIsUsedWithoutCallingTheTokenEndpoint(t *testing.T) {
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		t.Errorf("unexpected token request to %s", r.URL)
		return nil, errors.New("no network")
	})}
	ts := api.NewTokenSource(context.Background(), api.Credentials{AccessToken: "pasted-token", ClientSecret: "unused"}, hc)
	tok, err := ts.Token()
	if err != nil || tok.AccessToken != "pasted-token" || tok.Type() != "Bearer" {
		t.Errorf("Token() = %+v, %v", tok, err)
	}
}

func TestNonOAuthTokenErrorNeverShowsTheBody(t *testing.T) {
	srv := httptest.NewServer(respond(502, "<html>proxy says "+workerSecret+" and more</html>", "Content-Type", "text/html"))
	t.Cleanup(srv.Close)
	creds := api.Credentials{AuthURL: srv.URL, WorkerEnvironmentID: workerEnv, ClientID: workerID, ClientSecret: "other"}
	_, err := api.NewTokenSource(context.Background(), creds, nil).Token()
	var te *api.TokenError
	if !errors.As(err, &te) || te.StatusCode != 502 {
		t.Fatalf("err = %v, want *api.TokenError 502", err)
	}
	if msg := te.Error(); strings.Contains(msg, "proxy says") || !strings.Contains(msg, "502 Bad Gateway") {
		t.Errorf("Error() = %q, want status without the body", msg)
	}
}

func TestUnreachableAuthServerGivesTokenErrorNamingTheHost(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close()
	creds := api.Credentials{AuthURL: srv.URL, WorkerEnvironmentID: workerEnv, ClientID: workerID, ClientSecret: workerSecret}
	_, err := api.NewTokenSource(context.Background(), creds, nil).Token()
	var te *api.TokenError
	if !errors.As(err, &te) || te.StatusCode != 0 {
		t.Fatalf("err = %v, want *api.TokenError without status", err)
	}
	host := strings.TrimPrefix(srv.URL, "http://")
	if !strings.Contains(te.Error(), "could not reach the auth server at "+host) || !strings.Contains(te.Hint(), "could not be reached") {
		t.Errorf("Error() = %q, Hint() = %q", te.Error(), te.Hint())
	}
}

// roundTripFunc adapts a function to http.RoundTripper.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// countPath counts the simulator requests made to path.
func countPath(sim *simulator.Server, path string) int {
	n := 0
	for _, r := range sim.Requests() {
		if r.Path == path {
			n++
		}
	}
	return n
}

// demoRequest is the documented example with IDs the demo org knows.
func demoRequest(t *testing.T) *api.CreateSalesforceStoreRequest {
	t.Helper()
	req := exampleRequest(t)
	req.Configuration.ProfileID = demoorg.Profiles[2].ID
	req.Configuration.AccountID = demoorg.Accounts[0].ID
	return req
}
