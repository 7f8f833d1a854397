package sfsim_test

import (
	"net/url"
	"testing"

	"sfstore/api/demoorg"
	"sfstore/api/salesforce/sfsim"
)

// The demo's healthy seeded PingOne store must hold a session this org
// accepts, and the failed one a session it rejects.
func TestDemoSeedTokensLiveAndExpired(t *testing.T) {
	s := start(t, sfsim.Options{})
	if status, body := getREST(t, s, "/services/data/v62.0/", demoorg.ActiveAccessToken); status != 200 {
		t.Errorf("active seed access token: %d %s", status, body)
	}
	if status, _ := getREST(t, s, "/services/data/v62.0/", demoorg.ExpiredAccessToken); status != 401 {
		t.Errorf("expired seed access token: %d, want 401 INVALID_SESSION_ID", status)
	}
	refresh := func(tok string) int {
		status, _ := post(t, s, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {tok}, "client_id": {clientID}, "client_secret": {secret}})
		return status
	}
	if got := refresh(demoorg.ActiveRefreshToken); got != 200 {
		t.Errorf("active seed refresh token: %d", got)
	}
	if got := refresh(demoorg.ExpiredRefreshToken); got != 400 {
		t.Errorf("expired seed refresh token: %d, want 400 invalid_grant", got)
	}
}
