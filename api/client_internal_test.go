package api

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

// Without an http.Client of the caller's, every request must still be
// bounded: http.DefaultClient has none, and the documented usage passes nil.
func TestDefaultClientHasATimeoutAndRefusesRedirects(t *testing.T) {
	for name, opts := range map[string][]Option{"no option": nil, "nil client": {WithHTTPClient(nil)}} {
		c, err := NewClient("https://api.pingone.eu", opts...)
		if err != nil {
			t.Fatal(err)
		}
		if c.hc.Timeout != DefaultHTTPTimeout || c.hc.CheckRedirect == nil {
			t.Errorf("%s: timeout %v, redirects refused %v; want %v and refused", name, c.hc.Timeout, c.hc.CheckRedirect != nil, DefaultHTTPTimeout)
		}
	}
	if DefaultHTTPTimeout <= 0 || defaultHTTPClient.Timeout != DefaultHTTPTimeout {
		t.Errorf("default client timeout %v, want %v", defaultHTTPClient.Timeout, DefaultHTTPTimeout)
	}
}

// With the default client's timeout shortened, a server that never answers
// fails both the token request and an API call, instead of hanging them.
func TestWithoutAClientASilentServerTimesOut(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) }) // runs first: frees the handlers
	saved := defaultHTTPClient
	defaultHTTPClient = &http.Client{Timeout: 50 * time.Millisecond}
	t.Cleanup(func() { defaultHTTPClient = saved })

	// A backstop, so that a client without a timeout fails the test
	// instead of hanging it: the client's timeout must fire long before.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	creds := Credentials{AuthURL: srv.URL, WorkerEnvironmentID: "env", ClientID: "id", ClientSecret: "worker-secret-0042"}
	_, err := NewTokenSource(ctx, creds, nil).Token()
	var te *TokenError
	if !errors.As(err, &te) || !isTimeout(te.Err) || ctx.Err() != nil {
		t.Fatalf("token: err = %v, want a *TokenError for the client's timeout", err)
	}
	c, err := NewClient(srv.URL, WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "t"})))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListStores(ctx, "env"); !isTimeout(err) || ctx.Err() != nil {
		t.Errorf("list stores: err = %v, want the client's timeout", err)
	}
}
