package salesforce_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"sfstore/api/salesforce"
)

// elsewhere is a server no credential may reach; it counts what did.
func elsewhere(t *testing.T) (*httptest.Server, *atomic.Int32) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		_, _ = w.Write([]byte(`{"access_token":"stolen","refresh_token":"stolen","instance_url":"https://x","totalSize":0,"done":true,"records":[]}`))
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

// redirector answers everything with status and a Location on target.
func redirector(t *testing.T, status int, target string) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", target+r.URL.RequestURI())
		w.WriteHeader(status)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestRESTCallsDoNotFollowRedirects(t *testing.T) {
	other, hits := elsewhere(t)
	otherHost := strings.TrimPrefix(other.URL, "http://")
	ctx := context.Background()
	for _, status := range []int{301, 302, 303, 307, 308} {
		srv := redirector(t, status, other.URL)
		caller := &http.Client{Timeout: 10 * time.Second}
		calls := map[string]func() error{
			"Verify": func() error { _, err := salesforce.Verify(ctx, caller, srv.URL, sentAccess); return err },
			"Profiles": func() error {
				_, err := listProfiles(ctx, caller, srv.URL, sentAccess, false)
				return err
			},
			"SearchAccounts": func() error {
				_, err := salesforce.SearchAccounts(ctx, nil, srv.URL, sentAccess, "acme", 0)
				return err
			},
		}
		for name, call := range calls {
			err := call()
			var re *salesforce.RedirectError
			if !errors.As(err, &re) || re.Status != status || re.Host != otherHost {
				t.Errorf("%s answered %d: err = %v, want a *RedirectError naming %s", name, status, err, otherHost)
				continue
			}
			if msg := err.Error(); !strings.Contains(msg, itoa(status)) || !strings.Contains(msg, otherHost) || !strings.Contains(msg, "nothing was sent there") {
				t.Errorf("%s: error %q does not name the status, the host, and that nothing was sent", name, msg)
			}
			assertNoSentinel(t, errorStrings(err)...)
		}
		if caller.CheckRedirect != nil {
			t.Fatal("the caller's *http.Client was changed")
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the redirect target got %d requests, want none", n)
	}
}

func TestTokenRequestDoesNotFollowRedirects(t *testing.T) {
	other, hits := elsewhere(t)
	otherHost := strings.TrimPrefix(other.URL, "http://")
	for _, status := range []int{302, 307, 308} {
		srv := redirector(t, status, other.URL)
		caller := &http.Client{Timeout: 10 * time.Second}
		s := start(t, salesforce.Config{LoginURL: srv.URL, ClientID: testClientID, ClientSecret: testClientSecret,
			CallbackPort: salesforce.AnyPort, HTTPClient: caller})
		get(t, withQuery(s.CallbackURL(), url.Values{"code": {sentCode}, "state": {authParams(t, s).Get("state")}}))
		tok, err := s.Wait(context.Background())
		var ae *salesforce.AuthError
		var re *salesforce.RedirectError
		if tok != nil || !errors.As(err, &ae) || ae.Stage != salesforce.StageToken || ae.StatusCode != status ||
			!errors.As(err, &re) || re.Host != otherHost {
			t.Fatalf("%d: Wait = %v, %v; want a token-stage AuthError wrapping a *RedirectError to %s", status, tok, err, otherHost)
		}
		if !strings.Contains(err.Error(), otherHost) || !strings.Contains(err.Error(), "not sent there") || !strings.Contains(ae.Hint, srv.URL) {
			t.Errorf("%d: error %q / hint %q", status, err, ae.Hint)
		}
		assertNoSentinel(t, errorStrings(err)...)
		if caller.CheckRedirect != nil {
			t.Fatal("Config.HTTPClient was changed")
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the redirect target got %d token requests (with the client secret), want none", n)
	}
}

func TestInstanceURLFromTheTokenAnswerIsChecked(t *testing.T) {
	for instance, want := range map[string]string{
		"http://acme.my.salesforce.com":          "https",
		"http://localhost.attacker.example":      "https",
		"https://user:pw@acme.my.salesforce.com": "user name or password",
		"https://acme.my.salesforce.com/?x=1":    "query",
		"javascript:alert(1)":                    "https",
		"":                                       "no instance_url",
	} {
		ts := newTokenServer(t, func(w http.ResponseWriter, _ url.Values) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"access_token":"` + sentAccess + `","refresh_token":"5Aep861.refresh","instance_url":"` + instance + `","token_type":"Bearer"}`))
		})
		s := start(t, salesforce.Config{LoginURL: ts.URL, ClientID: testClientID, ClientSecret: testClientSecret, CallbackPort: salesforce.AnyPort})
		get(t, withQuery(s.CallbackURL(), url.Values{"code": {sentCode}, "state": {authParams(t, s).Get("state")}}))
		tok, err := s.Wait(context.Background())
		var ae *salesforce.AuthError
		if tok != nil || !errors.As(err, &ae) || ae.Stage != salesforce.StageToken ||
			!strings.Contains(err.Error(), "instance_url") || !strings.Contains(err.Error(), want) {
			t.Errorf("instance_url %q: Wait = %v, %v; want a token-stage AuthError about %q", instance, tok, err, want)
			continue
		}
		assertNoSentinel(t, errorStrings(err)...)
		if strings.Contains(err.Error(), "pw@") {
			t.Errorf("instance_url %q: the error repeats the password: %v", instance, err)
		}
	}
}
