package cli_test

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"sfstore/api"
	"sfstore/api/simulator"
	"sfstore/secrets"
	"sfstore/ui/settings/settingstest"
)

// newTokens is the environment of a scripted reconnect.
var newTokens = map[string]string{"SALESFORCE_ACCESS_TOKEN": newAccess, "SALESFORCE_REFRESH_TOKEN": newRefresh}

// reconnect runs a scripted reconnect of the failed store, checking the
// new access token against the world's org.
func (w *world) reconnect(t *testing.T, extra map[string]string, args ...string) (string, string, error) {
	t.Helper()
	env := map[string]string{}
	for _, m := range []map[string]string{newTokens, extra} {
		for k, v := range m {
			env[k] = v
		}
	}
	return w.run(t, env, append([]string{"reconnect", failedName, "--no-input", "--salesforce-instance-url", w.org.URL()}, args...)...)
}

// onePUT returns the body of the one PUT the run sent.
func (w *world) onePUT(t *testing.T) api.UpdateSalesforceStoreRequest {
	t.Helper()
	puts := w.sim.RequestsWith("PUT")
	if len(puts) != 1 {
		t.Fatalf("%d PUTs sent, want exactly one", len(puts))
	}
	if !strings.HasSuffix(puts[0].Path, "/propagation/stores/"+failedID) {
		t.Errorf("PUT %s, want the failed store", puts[0].Path)
	}
	var sent api.UpdateSalesforceStoreRequest
	if err := json.Unmarshal(puts[0].Body, &sent); err != nil {
		t.Fatalf("PUT body: %v", err)
	}
	return sent
}

func TestReconnectWithTokensFromTheEnvironmentSendsOnePUTChangingOnlyThem(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	before := w.stored(t, failedID)
	out, errOut, err := w.reconnect(t, nil, "--json")
	requireExit(t, err, 0, errOut)
	want := before.Request()
	want.Configuration.OAuthAccessToken, want.Configuration.OAuthRefreshToken = newAccess, newRefresh
	if got := w.onePUT(t); !reflect.DeepEqual(got, want) {
		t.Errorf("PUT body differs beyond the tokens:\n got %+v\nwant %+v", got.Masked(), want.Masked())
	}
	after := w.stored(t, failedID)
	if after.Configuration.ClientSecret != settingstest.ClientSecret || after.Configuration.OAuthAccessToken != newAccess {
		t.Errorf("the store does not hold the stored client secret and the new token")
	}
	var printed api.Store
	if err := json.Unmarshal([]byte(out), &printed); err != nil || printed.ID != failedID {
		t.Errorf("stdout is not the updated store: %v\n%s", err, out)
	}
	for _, want := range []string{"Salesforce accepts the new access token", "OAuth access token", "→"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if n := len(w.sim.RequestsWith("POST")); n != 1 { // the token only: no revision without --publish
		t.Errorf("%d POSTs", n)
	}
}

func TestReconnectOfAMaskedStoreTakesTheClientSecretFromTheKeyringOrTheEnvironment(t *testing.T) {
	t.Run("keyring", func(t *testing.T) {
		w := newWorld(t, simulator.Options{MaskSecretsOnRead: true})
		saveAppSecrets(t, w.kr, settingstest.ClientSecret, "", "")
		_, errOut, err := w.reconnect(t, nil, "--publish")
		requireExit(t, err, 0, errOut)
		if got := w.onePUT(t).Configuration; got.ClientSecret != settingstest.ClientSecret || got.OAuthAccessToken != newAccess {
			t.Errorf("PUT carried client secret %q, want the keyring's", got.Masked().ClientSecret)
		}
		if !strings.Contains(errOut, "Revision created") {
			t.Errorf("--publish: no revision:\n%s", errOut)
		}
	})
	t.Run("environment", func(t *testing.T) {
		w := newWorld(t, simulator.Options{MaskSecretsOnRead: true})
		_, errOut, err := w.reconnect(t, map[string]string{"SALESFORCE_CLIENT_SECRET": settingstest.ClientSecret})
		requireExit(t, err, 0, errOut)
		if got := w.onePUT(t).Configuration; got.ClientSecret != settingstest.ClientSecret {
			t.Errorf("PUT carried client secret %q, want the environment's", got.Masked().ClientSecret)
		}
	})
	t.Run("neither", func(t *testing.T) {
		w := newWorld(t, simulator.Options{MaskSecretsOnRead: true})
		_, errOut, err := w.reconnect(t, nil)
		requireExit(t, err, 2, errOut)
		if !strings.Contains(err.Error(), "SALESFORCE_CLIENT_SECRET") || strings.Contains(err.Error(), "--from") {
			t.Errorf("err = %v", err)
		}
		if n := len(w.sim.RequestsWith("PUT")); n != 0 {
			t.Errorf("%d PUTs sent without the client secret", n)
		}
	})
}

func TestReconnectThatPingOneRefusesNamesTheFieldAndLeavesTheStore(t *testing.T) {
	seeds := seededStores()
	seeds[1].Configuration.ProfileID = "00e5g000004ZZZZ" // well formed, deleted from the org
	w := newWorld(t, simulator.Options{SeedStores: seeds})
	out, errOut, err := w.reconnect(t, nil, "--json")
	requireExit(t, err, 1, errOut)
	for _, want := range []string{"PingOne did not update the store", "Profile ID", "INVALID_DATA", "Error ID", "Correlation-Id", "kept the store as it was"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	var e struct {
		Error struct{ Details []api.ErrorDetail }
	}
	if json.Unmarshal([]byte(out), &e) != nil || len(e.Error.Details) != 1 || e.Error.Details[0].Target != "configuration.PROFILE_ID" {
		t.Errorf("--json error = %s", out)
	}
	if got := w.stored(t, failedID).Configuration; got.OAuthAccessToken != oldAccess {
		t.Error("a refused update changed the store")
	}
}

func TestReconnectStopsWhenSalesforceRefusesTheNewToken(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	_, errOut, err := w.reconnect(t, map[string]string{"SALESFORCE_ACCESS_TOKEN": "SENTINEL-UNKNOWN-TOKEN-000000"})
	requireExit(t, err, 1, errOut)
	if !strings.Contains(errOut, "Salesforce refused the new access token") {
		t.Errorf("stderr:\n%s", errOut)
	}
	if n := len(w.sim.RequestsWith("PUT")); n != 0 {
		t.Errorf("%d PUTs sent with a refused token", n)
	}
}

func TestReconnectNeedsBothTokensOrASignIn(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	for _, env := range []map[string]string{{"SALESFORCE_ACCESS_TOKEN": ""}, {"SALESFORCE_REFRESH_TOKEN": ""}} {
		_, errOut, err := w.reconnect(t, env)
		requireExit(t, err, 2, errOut)
	}
	_, errOut, err := w.run(t, nil, "reconnect", failedName, "--no-input")
	requireExit(t, err, 2, errOut)
	if !strings.Contains(err.Error(), "--salesforce-login") {
		t.Errorf("err = %v", err)
	}
	if n := len(w.sim.RequestsWith("PUT")); n != 0 {
		t.Errorf("%d PUTs sent", n)
	}
}

func TestReconnectReplacesTheTokensTheKeyringHeld(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	saveAppSecrets(t, w.kr, settingstest.ClientSecret, oldAccess, oldRefresh)
	_, errOut, err := w.reconnect(t, nil)
	requireExit(t, err, 0, errOut)
	seed := seededStores()[1].Configuration
	got, _ := w.kr.Get(context.Background(), secrets.SalesforceAccount(seed.SalesforceDomain, seed.ClientID, secrets.RefreshToken))
	if got != newRefresh {
		t.Errorf("the keyring still holds the old refresh token")
	}
}

func TestEditSendsTheFlagsChangesInOnePUTAndNothingWhenNothingChanges(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	before := w.stored(t, failedID)
	_, errOut, err := w.run(t, nil, "edit", failedName, "--no-input", "--description", "Partners", "--freeze-users")
	requireExit(t, err, 0, errOut)
	want := before.Request()
	want.Description, want.Configuration.FreezeUserFlag = "Partners", true
	if got := w.onePUT(t); !reflect.DeepEqual(got, want) {
		t.Errorf("PUT body:\n got %+v\nwant %+v", got.Masked(), want.Masked())
	}
	if !strings.Contains(errOut, "Description") || !strings.Contains(errOut, "Partners") {
		t.Errorf("stderr lacks the change:\n%s", errOut)
	}
	_, errOut, err = w.run(t, nil, "edit", failedName, "--no-input", "--description", "Partners")
	requireExit(t, err, 0, errOut)
	if n := len(w.sim.RequestsWith("PUT")); n != 1 || !strings.Contains(errOut, "Nothing to change") {
		t.Errorf("an edit that changes nothing sent a PUT (%d in all):\n%s", n, errOut)
	}
}

// TestEditOfTheAppNeedsItsOwnSecrets: a new Salesforce domain or client ID
// never goes to PingOne with the old app's secret and tokens.
func TestEditOfTheAppNeedsItsOwnSecrets(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	_, errOut, err := w.run(t, nil, "edit", failedID, "--no-input", "--salesforce-domain", "other.my.salesforce.com")
	requireExit(t, err, 2, errOut)
	if n := len(w.sim.RequestsWith("PUT")); n != 0 || !strings.Contains(err.Error(), "SALESFORCE_ACCESS_TOKEN") {
		t.Fatalf("%d PUTs; err = %v", n, err)
	}
	env := map[string]string{"SALESFORCE_CLIENT_SECRET": settingstest.ClientSecret,
		"SALESFORCE_ACCESS_TOKEN": settingstest.AccessToken, "SALESFORCE_REFRESH_TOKEN": settingstest.RefreshToken}
	_, errOut, err = w.run(t, env, "edit", failedID, "--no-input", "--salesforce-domain", "other.my.salesforce.com")
	requireExit(t, err, 0, errOut)
	c := w.onePUT(t).Configuration
	if c.SalesforceDomain != "other.my.salesforce.com" || c.OAuthAccessToken != settingstest.AccessToken || c.ClientSecret != settingstest.ClientSecret {
		t.Fatalf("PUT configuration = %+v", c.Masked())
	}
}

func TestEditThatPingOneRefusesNamesTheFieldAndLeavesTheStore(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	_, errOut, err := w.run(t, nil, "edit", healthyID, "--no-input", "--profile-id", "00e5g000004ZZZZ")
	requireExit(t, err, 1, errOut)
	if !strings.Contains(errOut, "Profile ID") || !strings.Contains(errOut, "PingOne did not update the store") {
		t.Errorf("stderr:\n%s", errOut)
	}
	if got := w.stored(t, healthyID).Configuration.ProfileID; got != seededStores()[0].Configuration.ProfileID {
		t.Errorf("profile is now %s", got)
	}
}

func TestDeleteInAScriptNeedsYes(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	_, errOut, err := w.run(t, nil, "delete", healthyName, "--no-input")
	requireExit(t, err, 2, errOut)
	if !strings.Contains(err.Error(), "--yes") || len(w.sim.Requests()) != 0 {
		t.Fatalf("err = %v after %d requests", err, len(w.sim.Requests()))
	}
	saveAppSecrets(t, w.kr, settingstest.ClientSecret, settingstest.AccessToken, settingstest.RefreshToken)
	out, errOut, err := w.run(t, nil, "delete", healthyName, "--no-input", "--yes", "--json")
	requireExit(t, err, 0, errOut)
	if dels := w.sim.RequestsWith("DELETE"); len(dels) != 1 || !strings.HasSuffix(dels[0].Path, healthyID) {
		t.Fatalf("DELETEs: %+v", dels)
	}
	var gone struct{ Deleted bool }
	if json.Unmarshal([]byte(out), &gone) != nil || !gone.Deleted || len(w.sim.Stores()) != 1 {
		t.Errorf("delete --json = %q; %d stores left", out, len(w.sim.Stores()))
	}
	if entries, _ := w.kr.List(context.Background()); len(entries) != 3 {
		t.Errorf("the saved secrets went without --forget-secrets: %d left", len(entries))
	}

	_, errOut, err = w.run(t, nil, "delete", failedID, "--no-input", "--yes", "--forget-secrets")
	requireExit(t, err, 0, errOut)
	if entries, _ := w.kr.List(context.Background()); len(entries) != 0 {
		t.Errorf("--forget-secrets left %d saved secrets", len(entries))
	}
	_, errOut, err = w.run(t, nil, "delete", failedID, "--no-input", "--yes")
	requireExit(t, err, 1, errOut)
	if errors.Is(err, context.Canceled) || !strings.Contains(errOut, "No such store") {
		t.Errorf("deleting it again:\n%s", errOut)
	}
}

func TestReconnectRefusesPlainHTTPForTheSalesforceAddressesBeforeAnything(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	for _, flag := range []string{"--salesforce-login-url", "--salesforce-instance-url"} {
		_, errOut, err := w.run(t, newTokens, "reconnect", failedName, "--no-input", flag, "http://192.0.2.7")
		requireExit(t, err, 2, errOut)
	}
	if n := len(w.sim.Requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}
