package api_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/oauth2"

	"sfstore/api"
)

// captor is a stand-in for the host a redirect points to: it counts what
// reaches it, which must be nothing.
func captor(t *testing.T) (srv *httptest.Server, hits *atomic.Int32) {
	t.Helper()
	hits = &atomic.Int32{}
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write([]byte(`{"id":"captured"}`))
	}))
	t.Cleanup(srv.Close)
	return srv, hits
}

// localhostURL names srv as localhost, a host other than the 127.0.0.1 the
// API is reached at, as in the review that found the leak.
func localhostURL(srv *httptest.Server) string {
	return strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
}

func TestCreateNeverFollowsARedirectWithItsSecrets(t *testing.T) {
	target, hits := captor(t)
	loc := localhostURL(target) + "/captured"
	for _, status := range []int{301, 302, 307, 308} {
		t.Run(http.StatusText(status), func(t *testing.T) {
			// The caller's client would follow anything: the API client
			// must not, and must leave the caller's client as it was.
			hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return nil }}
			c := setup(t, respond(status, "", "Location", loc), api.WithHTTPClient(hc),
				api.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: sentPasted})))
			store, err := c.CreateSalesforceStore(context.Background(), testEnvID, sentinelRequest(t))
			var re *api.RedirectError
			if !errors.As(err, &re) || store != nil {
				t.Fatalf("store %+v, err = %v (%T), want *api.RedirectError", store, err, err)
			}
			host := strings.TrimPrefix(localhostURL(target), "http://")
			if re.StatusCode != status || re.LocationHost != host || re.Op != api.OpCreateStore {
				t.Errorf("RedirectError = %+v, want %d to %s", re, status, host)
			}
			for _, want := range []string{"create store: pingone answered " + re.Status, "pointing to " + host, "does not follow redirects, so nothing was sent there"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("err = %q, want it to contain %q", err, want)
				}
			}
			var unknown *api.OutcomeUnknownError
			if errors.As(err, &unknown) {
				t.Errorf("a %d is not an unknown outcome: %v", status, err)
			}
			if hc.CheckRedirect == nil || hc.Transport != nil {
				t.Error("the caller's http.Client was modified")
			}
			assertNoSentinel(t, errorStrings(err)...)
		})
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("%d requests reached the redirect target", n)
	}
}

func TestA303ToACreateLeavesTheOutcomeUnknown(t *testing.T) {
	target, hits := captor(t)
	c := setup(t, respond(http.StatusSeeOther, "", "Location", target.URL+"/stores/1"))
	_, err := c.CreateSalesforceStore(context.Background(), testEnvID, exampleRequest(t))
	var unknown *api.OutcomeUnknownError
	var re *api.RedirectError
	if !errors.As(err, &unknown) || !errors.As(err, &re) || re.StatusCode != 303 {
		t.Fatalf("err = %v, want an unknown outcome wrapping a 303 *api.RedirectError", err)
	}
	if hits.Load() != 0 {
		t.Error("the 303 was followed")
	}
}

func TestOtherCallsReportARedirectToo(t *testing.T) {
	target, hits := captor(t)
	c := setup(t, respond(http.StatusFound, "", "Location", "/elsewhere"))
	_, err := c.ListStores(context.Background(), testEnvID)
	var re *api.RedirectError
	if !errors.As(err, &re) || re.Op != api.OpListStores || !strings.HasPrefix(err.Error(), "list stores: pingone answered 302 Found") {
		t.Fatalf("err = %v, want a *api.RedirectError of list stores", err)
	}
	if re.LocationHost == "" || re.Hint() == "" {
		t.Errorf("a relative Location resolves to the API host: %+v", re)
	}
	c = setup(t, respond(http.StatusTemporaryRedirect, "", "Location", target.URL))
	if _, err := c.TestConnection(context.Background(), testEnvID, sentinelRequest(t)); !errors.As(err, &re) {
		t.Errorf("TestConnection err = %v, want *api.RedirectError", err)
	}
	if hits.Load() != 0 {
		t.Error("a redirect was followed")
	}
}

func TestTokenRequestNeverFollowsARedirectWithTheWorkerSecret(t *testing.T) {
	target, hits := captor(t)
	auth := httptest.NewServer(respond(http.StatusTemporaryRedirect, "", "Location", localhostURL(target)+"/as/token"))
	t.Cleanup(auth.Close)
	creds := api.Credentials{AuthURL: auth.URL, WorkerEnvironmentID: workerEnv, ClientID: workerID, ClientSecret: sentWorker}
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return nil }}
	_, err := api.NewTokenSource(context.Background(), creds, hc).Token()
	var te *api.TokenError
	var re *api.RedirectError
	if !errors.As(err, &te) || !errors.As(err, &re) || re.StatusCode != 307 || re.Op != api.OpGetToken {
		t.Fatalf("err = %v, want a *api.TokenError wrapping a 307 *api.RedirectError", err)
	}
	endpoint := strings.TrimPrefix(auth.URL, "http://") + "/" + workerEnv + "/as/token"
	if !strings.Contains(err.Error(), "from "+endpoint+": ") || !strings.Contains(err.Error(), "nothing was sent there") {
		t.Errorf("err = %q, want the endpoint and the redirect named", err)
	}
	if te.Hint() != re.Hint() {
		t.Errorf("Hint() = %q, want the redirect's", te.Hint())
	}
	if hits.Load() != 0 || hc.CheckRedirect == nil {
		t.Error("the redirect was followed, or the caller's client changed")
	}
	assertNoSentinel(t, errorStrings(err)...)
}
