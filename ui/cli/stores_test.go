package cli_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"sfstore/api"
	"sfstore/api/salesforce/sfsim"
	"sfstore/api/simulator"
	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/cli"
	"sfstore/ui/settings"
	"sfstore/ui/settings/settingstest"
)

// The store commands run here as a script would run them: through
// cli.Execute, without a terminal, against the PingOne simulator and a
// simulated Salesforce org on loopback. Every secret is a sentinel, which
// runCLI checks never shows.

const (
	failedName  = simulator.DemoStoreCommunityName // its sync FAILED: INVALID_SESSION_ID
	healthyName = simulator.DemoStoreProductionName
	failedID    = simulator.DemoStoreCommunityID
	healthyID   = simulator.DemoStoreProductionID

	oldAccess  = "SENTINEL-OLD-ACCESS-TOKEN-5e11aa" // the failed store's dead session
	oldRefresh = "SENTINEL-OLD-REFRESH-TOKEN-9b20cc"
	newAccess  = "SENTINEL-NEW-ACCESS-TOKEN-c0ffee" // what a reconnect brings
	newRefresh = "SENTINEL-NEW-REFRESH-TOKEN-beef01"
)

// seededStores are the demo's two stores with sentinel secrets; the
// failed one holds a session Salesforce no longer accepts.
func seededStores() []api.Store {
	stores := simulator.DemoStores(time.Now())
	for i := range stores {
		c := &stores[i].Configuration
		c.ClientSecret, c.OAuthAccessToken, c.OAuthRefreshToken = settingstest.ClientSecret, settingstest.AccessToken, settingstest.RefreshToken
	}
	stores[1].Configuration.OAuthAccessToken, stores[1].Configuration.OAuthRefreshToken = oldAccess, oldRefresh
	return stores
}

// world is a PingOne simulator, a Salesforce org that accepts newAccess,
// a keyring, and the environment of a worker app.
type world struct {
	sim *simulator.Server
	org *sfsim.Server
	kr  *secrets.Keyring
	env map[string]string
}

func newWorld(t *testing.T, opts simulator.Options) *world {
	t.Helper()
	if opts.SeedStores == nil {
		opts.SeedStores = seededStores()
	}
	opts.ExpiredAccessTokens = append(opts.ExpiredAccessTokens, oldAccess)
	sim, err := simulator.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sim.Close)
	org, err := sfsim.Start(sfsim.Options{AccessTokens: []string{newAccess}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = org.Close() })
	return &world{sim: sim, org: org, kr: secrets.NewMemory(), env: map[string]string{
		"PINGONE_ENVIRONMENT_ID": simulator.DemoEnvironmentID,
		"PINGONE_CLIENT_ID":      "6a4e7e1c-5d0f-4f3e-9a51-2b8f0c7d9e10",
		"PINGONE_CLIENT_SECRET":  settingstest.WorkerSecret,
	}}
}

// run runs sfstore args against the world, with extra variables.
func (w *world) run(t *testing.T, extra map[string]string, args ...string) (string, string, error) {
	t.Helper()
	env := map[string]string{}
	for _, m := range []map[string]string{w.env, extra} {
		for k, v := range m {
			env[k] = v
		}
	}
	deps := cli.Deps{Keyring: func() *secrets.Keyring { return w.kr }}
	return runCLI(t, deps, env, append([]string{"--api-url", w.sim.URL(), "--auth-url", w.sim.URL()}, args...)...)
}

// stored returns the simulator's copy of store id.
func (w *world) stored(t *testing.T, id string) api.Store {
	t.Helper()
	for _, st := range w.sim.Stores() {
		if st.ID == id {
			return st
		}
	}
	t.Fatalf("the simulator holds no store %s", id)
	return api.Store{}
}

// exitCode is main's mapping of what a command returns.
func exitCode(err error) int {
	var shown *ui.ShownError
	var input *settings.InputError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, ui.ErrCancelled):
		return 130
	case errors.As(err, &shown):
		return 1
	case errors.As(err, &input):
		return 2
	}
	return 1
}

func requireExit(t *testing.T, err error, want int, stderr string) {
	t.Helper()
	if got := exitCode(err); got != want {
		t.Fatalf("exit %d (%v), want %d; stderr:\n%s", got, err, want, stderr)
	}
}

func TestListNamesEveryStoreOnEveryPageWithItsSyncState(t *testing.T) {
	third := api.Store{ID: "5b0c8f2e-7d41-4c59-a0d3-2f6e9b1c4a88", Type: api.StoreTypeSalesforce, Name: "Salesforce sandbox"}
	other := api.Store{ID: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", Type: "Workday", Name: "HR"}
	w := newWorld(t, simulator.Options{SeedStores: append(seededStores(), third, other), PageSize: 1})
	out, errOut, err := w.run(t, nil, "list")
	requireExit(t, err, 0, errOut)
	for _, want := range []string{"3 Salesforce stores", failedName, failedID, "✗ FAILED", "25 failed", healthyName, "✓ SYNCING", "Salesforce sandbox", "NOT SYNCED"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "HR") {
		t.Errorf("list shows a Workday store:\n%s", out)
	}
	if pages := len(w.sim.RequestsWith("GET")); pages != 4 {
		t.Errorf("%d GETs, want 4 pages of one store", pages)
	}

	out, errOut, err = w.run(t, nil, "list", "--json")
	requireExit(t, err, 0, errOut)
	var listed []api.Store
	if err := json.Unmarshal([]byte(out), &listed); err != nil || len(listed) != 3 {
		t.Fatalf("list --json = %v, %d stores:\n%s", err, len(listed), out)
	}
	if listed[1].ID != failedID || listed[1].SyncStatus.SyncState != api.SyncStateFailed || !api.LooksMasked(listed[1].Configuration.ClientSecret) {
		t.Errorf("list --json holds %+v", listed[1])
	}
}

func TestShowByNameGivesTheIDDomainReasonAndCountsAndPointsToReconnect(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	for _, args := range [][]string{{"show", failedName}, {"show", strings.ToUpper(failedName)}, {"show", failedID}} {
		out, errOut, err := w.run(t, nil, args...)
		requireExit(t, err, 0, errOut)
		for _, want := range []string{failedID, "acme-demo.my.salesforce.com", "Session expired or invalid (INVALID_SESSION_ID)",
			"287 synced, 25 failed of 312", "Why provisioning stopped", `sfstore reconnect "Salesforce partner community"`} {
			if !strings.Contains(out, want) {
				t.Errorf("show %s lacks %q:\n%s", args[1], want, out)
			}
		}
	}
	out, _, _ := w.run(t, nil, "show", healthyName)
	if strings.Contains(out, "Why provisioning stopped") || !strings.Contains(out, "SYNCING") {
		t.Errorf("the healthy store reads:\n%s", out)
	}
}

func TestShowJSONByIDParsesWithTheDiagnosis(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	for _, args := range [][]string{{"show", failedID, "--json"}, {"--json", "show", failedID}} {
		out, errOut, err := w.run(t, nil, args...)
		requireExit(t, err, 0, errOut)
		var got struct {
			api.Store
			Diagnosis struct{ State, Cause, Command string } `json:"diagnosis"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("show --json: %v\n%s", err, out)
		}
		if got.ID != failedID || got.Configuration.SalesforceDomain == "" || got.SyncStatus.FailedCount != 25 {
			t.Errorf("show --json store = %+v", got.Store)
		}
		if got.Diagnosis.State != "FAILED" || got.Diagnosis.Cause != "session" || got.Diagnosis.Command != `sfstore reconnect "Salesforce partner community"` {
			t.Errorf("diagnosis = %+v", got.Diagnosis)
		}
	}
}

func TestANameSeveralStoresShareListsThemAndAsksForTheID(t *testing.T) {
	twin := seededStores()[1]
	twin.ID = "7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"
	w := newWorld(t, simulator.Options{SeedStores: append(seededStores(), twin)})
	for _, cmd := range []string{"show", "reconnect", "delete"} {
		_, errOut, err := w.run(t, nil, cmd, failedName, "--yes")
		if cmd != "delete" {
			_, errOut, err = w.run(t, nil, cmd, failedName)
		}
		requireExit(t, err, 2, errOut)
		for _, want := range []string{"2 Salesforce stores are named", "give the ID", failedID, twin.ID} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%s: the error lacks %q: %v", cmd, want, err)
			}
		}
	}
	if n := len(w.sim.RequestsWith("PUT")) + len(w.sim.RequestsWith("DELETE")); n != 0 {
		t.Errorf("%d changes sent for an ambiguous name", n)
	}
	out, errOut, err := w.run(t, nil, "show", twin.ID)
	requireExit(t, err, 0, errOut)
	if !strings.Contains(out, twin.ID) {
		t.Errorf("show by ID:\n%s", out)
	}
}

func TestAStoreNotFoundSaysSoWithAHint(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	_, errOut, err := w.run(t, nil, "show", "Salesforce nowhere")
	requireExit(t, err, 1, errOut)
	if !strings.Contains(errOut, "No such store") || !strings.Contains(errOut, "sfstore list") {
		t.Errorf("stderr:\n%s", errOut)
	}
	out, _, _ := w.run(t, nil, "show", "Salesforce nowhere", "--json")
	var e struct{ Error struct{ Message string } }
	if json.Unmarshal([]byte(out), &e) != nil || !strings.Contains(e.Error.Message, "no Salesforce store") {
		t.Errorf("--json error = %q", out)
	}
}

func TestTestSaysWhatFailedAndWhatToDo(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	_, errOut, err := w.run(t, nil, "test", failedName)
	requireExit(t, err, 1, errOut)
	for _, want := range []string{"The connection test failed", "OAuth access token", "INVALID_SESSION_ID",
		"Error ID", "Correlation-Id", `sfstore reconnect "Salesforce partner community"`} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	out, errOut, err := w.run(t, nil, "test", healthyName, "--json")
	requireExit(t, err, 0, errOut)
	var ok struct{ OK bool }
	if json.Unmarshal([]byte(out), &ok) != nil || !ok.OK {
		t.Errorf("test --json = %q", out)
	}
	if n := len(w.sim.RequestsWith("PUT")); n != 0 {
		t.Errorf("a test sent %d PUTs", n)
	}
}

func TestTestOfAMaskedStoreTakesTheSecretsFromTheKeyringOrSaysWhichAreMissing(t *testing.T) {
	w := newWorld(t, simulator.Options{MaskSecretsOnRead: true})
	_, errOut, err := w.run(t, nil, "test", healthyName)
	requireExit(t, err, 2, errOut)
	for _, want := range []string{"SALESFORCE_CLIENT_SECRET", "SALESFORCE_ACCESS_TOKEN", "SALESFORCE_REFRESH_TOKEN"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error lacks %q: %v", want, err)
		}
	}
	saveAppSecrets(t, w.kr, settingstest.ClientSecret, settingstest.AccessToken, settingstest.RefreshToken)
	_, errOut, err = w.run(t, nil, "test", healthyName)
	requireExit(t, err, 0, errOut)
	checks := w.sim.RequestsWith("POST")
	last := checks[len(checks)-1]
	if !strings.Contains(string(last.Body), settingstest.ClientSecret) || strings.Contains(string(last.Body), simulator.MaskedSecret) {
		t.Errorf("the connection check did not carry the keyring's secrets")
	}
}

func TestPublishCreatesOneRevision(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	out, errOut, err := w.run(t, nil, "publish", "--json")
	requireExit(t, err, 0, errOut)
	var rev struct{ ID string }
	if json.Unmarshal([]byte(out), &rev) != nil || rev.ID == "" {
		t.Fatalf("publish --json = %q", out)
	}
	if n := len(w.sim.RequestsWith("POST")); n != 2 { // the token, the revision
		t.Errorf("%d POSTs, want the token and one revision", n)
	}
}

func TestStoreCommandsNeedThePingOneSignIn(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	w.env = nil
	_, errOut, err := w.run(t, nil, "list")
	requireExit(t, err, 2, errOut)
	if !strings.Contains(err.Error(), "PINGONE_CLIENT_SECRET") {
		t.Errorf("err = %v", err)
	}
	for _, args := range [][]string{{"show"}, {"show", "a", "b"}} {
		_, errOut, err := w.run(t, nil, args...)
		requireExit(t, err, 2, errOut)
	}
}

// saveAppSecrets saves secrets in kr for the demo app, as create does.
func saveAppSecrets(t *testing.T, kr *secrets.Keyring, client, access, refresh string) {
	t.Helper()
	seed := seededStores()[0].Configuration
	for name, v := range map[secrets.SalesforceSecret]string{secrets.ClientSecret: client, secrets.AccessToken: access, secrets.RefreshToken: refresh} {
		if v == "" {
			continue
		}
		if err := kr.Set(context.Background(), secrets.SalesforceAccount(seed.SalesforceDomain, seed.ClientID, name), v); err != nil {
			t.Fatal(err)
		}
	}
}
