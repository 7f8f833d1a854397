package stores

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"sfstore/api/simulator"
	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/settings"
	"sfstore/ui/settings/settingstest"
)

func TestTestOfAHealthyStoreSaysPingOneConnected(t *testing.T) {
	b := newBench(t, simulator.Options{})
	r := b.session(t, nil)
	if err := Test(context.Background(), r.s, NewScript(r.s, false), healthyName); err != nil {
		t.Fatalf("test: %v\n%s", err, r.err.String())
	}
	if out := r.out.String(); !strings.HasPrefix(out, "✓ PingOne connected to Salesforce") || strings.Contains(out, "DEMO") {
		t.Errorf("test printed:\n%s", out)
	}
	if n := len(b.apiRequests("PUT")); n != 0 {
		t.Errorf("a test changed the store: %d PUTs", n)
	}
}

// A failed test says what failed, with PingOne's IDs, and the command
// that fixes it; nothing on stdout but the JSON of the failure.
func TestTestThatFailsSaysWhatFailedAndWhatToDo(t *testing.T) {
	b := newBench(t, simulator.Options{})
	r := b.session(t, func(_ *settings.Answers, o *ui.Options) { o.JSON = true })
	err := Test(context.Background(), r.s, NewScript(r.s, false), failedID)
	var shown *ui.ShownError
	if !errors.As(err, &shown) {
		t.Fatalf("test of the failed store = %v", err)
	}
	for _, want := range []string{"The connection test failed", "INVALID_SESSION_ID", "Correlation-Id", `sfstore reconnect "Salesforce partner community"`} {
		if !strings.Contains(r.err.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.err.String())
		}
	}
	var body map[string]any
	if err := json.Unmarshal(r.out.Bytes(), &body); err != nil || body["error"] == nil {
		t.Errorf("stdout is not the failure's JSON: %v\n%s", err, r.out.String())
	}
}

func TestTestInTheDemoSaysDEMOButNotInItsJSON(t *testing.T) {
	b := newBench(t, simulator.Options{})
	r := b.session(t, func(_ *settings.Answers, o *ui.Options) { o.Demo = true })
	if err := Test(context.Background(), r.s, NewScript(r.s, false), healthyID); err != nil {
		t.Fatal(err)
	}
	if out := r.out.String(); !strings.HasPrefix(out, " DEMO  ✓ PingOne connected") {
		t.Errorf("the demo's test printed:\n%s", out)
	}
	for _, line := range strings.Split(strings.TrimSpace(r.out.String()), "\n") {
		if w := len([]rune(line)); w > 80 {
			t.Errorf("a line of %d cells: %q", w, line)
		}
	}
	r = b.session(t, func(_ *settings.Answers, o *ui.Options) { o.Demo, o.JSON = true, true })
	if err := Test(context.Background(), r.s, NewScript(r.s, false), healthyID); err != nil {
		t.Fatal(err)
	}
	var body struct {
		OK bool   `json:"ok"`
		ID string `json:"id"`
	}
	if err := json.Unmarshal(r.out.Bytes(), &body); err != nil || !body.OK || body.ID != healthyID || strings.Contains(r.out.String(), "DEMO") {
		t.Errorf("the demo's test --json = %+v, %v:\n%s", body, err, r.out.String())
	}
}

// When PingOne hides the secrets, the test takes them from the keyring,
// where sfstore saved them by app; a script without them names each and
// its variable, and sends nothing.
func TestTestOfAMaskedStoreTakesTheKeyringsSecretsOrNamesTheMissing(t *testing.T) {
	b := newBench(t, simulator.Options{MaskSecretsOnRead: true})
	r := b.session(t, nil)
	err := Test(context.Background(), r.s, NewScript(r.s, false), healthyID)
	var input *settings.InputError
	if !errors.As(err, &input) {
		t.Fatalf("a masked store with an empty keyring = %v", err)
	}
	for _, want := range []string{"SALESFORCE_CLIENT_SECRET", "SALESFORCE_ACCESS_TOKEN", "SALESFORCE_REFRESH_TOKEN", "PingOne does not return it"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error lacks %q: %v", want, err)
		}
	}
	if n := len(b.apiRequests("POST")); n != 0 {
		t.Fatalf("%d POSTs without the secrets", n)
	}

	st, _ := b.stored(t, healthyID)
	a := settings.FromStore(st)
	for field, v := range map[secrets.SalesforceSecret]string{secrets.ClientSecret: settingstest.ClientSecret, secrets.AccessToken: settingstest.AccessToken, secrets.RefreshToken: settingstest.RefreshToken} {
		if err := b.kr.Set(context.Background(), secrets.SalesforceAccount(a.SalesforceDomain, a.ClientID, field), v); err != nil {
			t.Fatal(err)
		}
	}
	r = b.session(t, nil)
	if err := Test(context.Background(), r.s, NewScript(r.s, false), healthyID); err != nil {
		t.Fatalf("test with the keyring's secrets: %v\n%s", err, r.err.String())
	}
	posts := b.apiRequests("POST")
	if len(posts) != 1 || !strings.Contains(string(posts[0].Body), settingstest.ClientSecret) {
		t.Errorf("the test did not send the keyring's secret (%d POSTs)", len(posts))
	}
}

// A person is asked for the secrets nothing else supplies.
func TestTestAsksAPersonForTheSecretsPingOneHides(t *testing.T) {
	b := newBench(t, simulator.Options{MaskSecretsOnRead: true})
	r := b.session(t, func(_ *settings.Answers, o *ui.Options) { o.NoInput = false })
	p := newAsker(r)
	p.secrets[settings.FieldClientSecret] = settingstest.ClientSecret
	p.secrets[settings.FieldAccessToken] = settingstest.AccessToken
	p.secrets[settings.FieldRefreshToken] = settingstest.RefreshToken
	if err := Test(context.Background(), r.s, p, healthyID); err != nil {
		t.Fatalf("test: %v\n%s", err, r.err.String())
	}
	if len(p.askedFor) != 3 {
		t.Errorf("asked for %d secrets, want 3", len(p.askedFor))
	}
	// One left empty by the person ends the test, naming it.
	r = b.session(t, func(_ *settings.Answers, o *ui.Options) { o.NoInput = false })
	p = newAsker(r)
	p.secrets[settings.FieldClientSecret] = settingstest.ClientSecret
	if err := Test(context.Background(), r.s, p, healthyID); err == nil || !strings.Contains(err.Error(), "still empty") {
		t.Errorf("test with secrets left empty = %v", err)
	}
}
