package stores

import (
	"context"
	"errors"
	"strings"
	"testing"

	"sfstore/api/simulator"
	"sfstore/ui"
	"sfstore/ui/settings"
	"sfstore/ui/settings/settingstest"
)

// withTokens is a run given new tokens, as from SALESFORCE_ACCESS_TOKEN
// and SALESFORCE_REFRESH_TOKEN.
func withTokens(access, refresh string) func(*settings.Answers, *ui.Options) {
	return func(a *settings.Answers, _ *ui.Options) {
		a.SalesforceAccessToken, a.SalesforceRefreshToken = access, refresh
	}
}

// New tokens the org accepts go to PingOne in one PUT that changes only
// them.
func TestReconnectChecksTheNewTokensThenSendsOnlyThem(t *testing.T) {
	b := newBench(t, simulator.Options{})
	before, _ := b.stored(t, failedID)
	r := b.session(t, withTokens(newAccess, newRefresh))
	st, err := Reconnect(context.Background(), r.s, NewScript(r.s, false), failedName)
	if err != nil || st == nil {
		t.Fatalf("reconnect: %v\n%s", err, r.err.String())
	}
	want := before.Request()
	want.Configuration.OAuthAccessToken, want.Configuration.OAuthRefreshToken = newAccess, newRefresh
	if got := b.onePUT(t); got.Configuration != want.Configuration || got.Name != want.Name {
		t.Errorf("PUT configuration:\n got %+v\nwant %+v", got.Configuration.Masked(), want.Configuration.Masked())
	}
	for _, want := range []string{"Reconnect Salesforce partner community", "✓ Salesforce accepts the new access token", "Changes to the store"} {
		if !strings.Contains(flat(r.err.String()), want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.err.String())
		}
	}
}

// A token the org refuses is never sent: the store would stay broken.
func TestReconnectWithATokenSalesforceRefusesSendsNothing(t *testing.T) {
	b := newBench(t, simulator.Options{})
	r := b.session(t, withTokens(settingstest.AccessToken, newRefresh))
	_, err := Reconnect(context.Background(), r.s, NewScript(r.s, false), failedID)
	var shown *ui.ShownError
	if !errors.As(err, &shown) || !strings.Contains(r.err.String(), "Salesforce refused the new access token") {
		t.Fatalf("reconnect with a refused token = %v:\n%s", err, r.err.String())
	}
	if !strings.Contains(flat(r.err.String()), "Nothing was sent to PingOne") {
		t.Errorf("the failure does not say nothing was sent:\n%s", r.err.String())
	}
	if n := len(b.apiRequests("PUT")); n != 0 {
		t.Errorf("%d PUTs", n)
	}
}

// A script needs both tokens, or a sign-in.
func TestReconnectInAScriptNeedsBothTokens(t *testing.T) {
	b := newBench(t, simulator.Options{})
	for _, tt := range []struct {
		access, refresh string
		want            error
	}{{newAccess, "", errOneToken}, {"", newRefresh, errOneToken}, {"", "", ErrNoTokens}} {
		r := b.session(t, withTokens(tt.access, tt.refresh))
		if _, err := Reconnect(context.Background(), r.s, NewScript(r.s, false), failedID); !errors.Is(err, tt.want) {
			t.Errorf("reconnect with access %v, refresh %v = %v, want %v", tt.access != "", tt.refresh != "", err, tt.want)
		}
	}
	if n := len(b.apiRequests("PUT")); n != 0 {
		t.Errorf("%d PUTs", n)
	}
}

// When PingOne hides the client secret and the keyring holds none, a
// script names the variable that supplies it.
func TestReconnectOfAMaskedStoreNamesTheMissingClientSecret(t *testing.T) {
	b := newBench(t, simulator.Options{MaskSecretsOnRead: true})
	r := b.session(t, withTokens(newAccess, newRefresh))
	_, err := Reconnect(context.Background(), r.s, NewScript(r.s, false), failedID)
	if !strings.Contains(err.Error(), "SALESFORCE_CLIENT_SECRET") {
		t.Fatalf("reconnect of a masked store = %v", err)
	}
	b.saveApp(t, failedID)
	r = b.session(t, withTokens(newAccess, newRefresh))
	if _, err := Reconnect(context.Background(), r.s, NewScript(r.s, false), failedID); err != nil {
		t.Fatalf("reconnect with the keyring's client secret: %v\n%s", err, r.err.String())
	}
	if c := b.onePUT(t).Configuration; c.ClientSecret != settingstest.ClientSecret || c.OAuthAccessToken != newAccess {
		t.Errorf("PUT configuration = %+v", c.Masked())
	}
}
