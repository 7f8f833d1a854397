package endpoint_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"sfstore/api/endpoint"
)

func TestNoRedirectsHandsBackThe3xxAndLeavesTheCallersClientAlone(t *testing.T) {
	var elsewhere atomic.Int32
	target := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { elsewhere.Add(1) }))
	t.Cleanup(target.Close)
	srv := httptest.NewServer(http.RedirectHandler(target.URL+"/x?secret=1", http.StatusTemporaryRedirect))
	t.Cleanup(srv.Close)

	follows := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return nil }}
	fallback := &http.Client{Timeout: 7 * time.Second}
	for name, hc := range map[string]*http.Client{
		"caller's": endpoint.NoRedirects(follows, fallback),
		"fallback": endpoint.NoRedirects(nil, fallback),
	} {
		resp, err := hc.Get(srv.URL + "/start")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		resp.Body.Close()
		if !endpoint.IsRedirect(resp.StatusCode) || endpoint.LocationHost(resp) != strings.TrimPrefix(target.URL, "http://") {
			t.Errorf("%s: %d to %q, want the 307 and the target's host only", name, resp.StatusCode, endpoint.LocationHost(resp))
		}
	}
	if endpoint.NoRedirects(nil, fallback).Timeout != fallback.Timeout {
		t.Error("a nil client did not fall back")
	}
	if follows.CheckRedirect == nil || fallback.CheckRedirect != nil {
		t.Error("the caller's or the fallback client was changed")
	}
	if n := elsewhere.Load(); n != 0 {
		t.Errorf("the redirect was followed %d times", n)
	}
}

func TestLocationHostResolvesARelativeLocationAndKeepsOnlyTheHost(t *testing.T) {
	req, _ := http.NewRequest(http.MethodGet, "https://api.pingone.eu/v1/x", nil)
	for loc, want := range map[string]string{
		"/elsewhere?token=abc":              "api.pingone.eu",
		"https://evil.example:8443/p?q=abc": "evil.example:8443",
		"":                                  "",
	} {
		resp := &http.Response{StatusCode: http.StatusFound, Header: http.Header{}, Request: req}
		if loc != "" {
			resp.Header.Set("Location", loc)
		}
		if got := endpoint.LocationHost(resp); got != want {
			t.Errorf("LocationHost(%q) = %q, want %q", loc, got, want)
		}
	}
	for status, want := range map[int]bool{200: false, 299: false, 300: true, 304: true, 308: true, 399: true, 400: false} {
		if endpoint.IsRedirect(status) != want {
			t.Errorf("IsRedirect(%d) = %v", status, !want)
		}
	}
}

func TestHostOfShowsNoPathOrQuery(t *testing.T) {
	for raw, want := range map[string]string{
		"https://auth.pingone.com/env/as/token?client_secret=x": "auth.pingone.com",
		"http://127.0.0.1:9/services/oauth2/token":              "127.0.0.1:9",
		"not a url": "not a url",
	} {
		if got := endpoint.HostOf(raw); got != want {
			t.Errorf("HostOf(%q) = %q, want %q", raw, got, want)
		}
	}
}
