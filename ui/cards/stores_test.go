package cards

import (
	"strings"
	"testing"
	"time"

	"sfstore/api"
	"sfstore/api/demoorg"
	"sfstore/api/simulator"
	"sfstore/ui/settings/settingstest"
)

// storesNow is the fixed "now" of the store goldens.
var storesNow = time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)

// demoSecrets are the secrets the demo's seeded stores hold in clear.
var demoSecrets = []string{demoorg.ClientSecret, demoorg.ActiveAccessToken, demoorg.ActiveRefreshToken,
	demoorg.ExpiredAccessToken, demoorg.ExpiredRefreshToken}

func demoStores() []api.Store {
	stores := simulator.DemoStores(storesNow)
	for i := range stores {
		stores[i].Links = map[string]api.Link{"self": {Href: "https://api.pingone.eu/v1/environments/" +
			simulator.DemoEnvironmentID + "/propagation/stores/" + stores[i].ID}}
	}
	return stores
}

func TestRenderStoreListAt80Columns(t *testing.T) {
	stores := append(demoStores(), api.Store{
		ID: "5b0c8f2e-7d41-4c59-a0d3-2f6e9b1c4a88", Type: api.StoreTypeSalesforce, Status: api.StatusInactive,
		Name: "A store with a very long name that cannot fit on one line beside its status",
	}, api.Store{
		ID: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", Type: api.StoreTypeSalesforce, Status: api.StatusActive,
		Name:       "Salesforce sandbox",
		SyncStatus: &api.SyncStatus{SyncState: "SYNCING", FailedCount: 3, LastSyncAt: "2026-09-01T10:00:00.000Z"},
	})
	out := RenderStoreList(testStyles(), simulator.DemoEnvironmentID, stores, 80, storesNow)
	requireGolden(t, "store-list", out)
	requireNoSecrets(t, out, demoSecrets...)
	for _, line := range strings.Split(out, "\n") {
		if w := len([]rune(line)); w > 80 {
			t.Errorf("line wider than 80 (%d): %q", w, line)
		}
	}
}

func TestRenderStoreListOfNoStoresSaysHowToCreateOne(t *testing.T) {
	out := RenderStoreList(testStyles(), simulator.DemoEnvironmentID, nil, 80, storesNow)
	if !strings.Contains(out, "No Salesforce stores") || !strings.Contains(out, "sfstore create") {
		t.Fatalf("empty list = %q", out)
	}
}

func TestRenderStoreDetailOfAFailedSync(t *testing.T) {
	store := demoStores()[1]
	advice := Advice{
		Details: "Session expired or invalid (INVALID_SESSION_ID)",
		Reason:  "Salesforce no longer accepts the store's session: its OAuth access or refresh token expired or was revoked.",
		Next:    []Step{{Text: "Get new tokens and put them on the store:", Command: `sfstore reconnect "Salesforce partner community"`}},
	}
	out := RenderStoreDetail(testStyles(), &store, advice, 80, storesNow, true)
	requireGolden(t, "store-show-failed", out)
	requireNoSecrets(t, out, demoSecrets...)
	for _, want := range []string{store.ID, demoorg.Domain, "287 synced, 25 failed of 312", "INVALID_SESSION_ID", "sfstore reconnect"} {
		if !strings.Contains(out, want) {
			t.Errorf("the card lacks %q", want)
		}
	}
}

func TestRenderStoreDetailOfAHealthyStoreWithNoAdvice(t *testing.T) {
	store := demoStores()[0]
	out := RenderStoreDetail(testStyles(), &store, Advice{}, 80, storesNow, false)
	requireGolden(t, "store-show-healthy", out)
	requireNoSecrets(t, out, demoSecrets...)
}

func TestStoreRenderersMakeUntrustedTextInert(t *testing.T) {
	store := demoStores()[1]
	store.Name = "evil\x1b]0;owned\x07 \x1b[2Jname\u202e"
	store.SyncStatus.SyncState = "FAILED\x1b[31m"
	advice := Advice{Details: "bad\x1b[2J details", Reason: "why\u009b2J", Next: []Step{{Text: "do\x1b]8;;http://x\x07 this", Command: "sfstore \x1b[2J"}}}
	for _, out := range []string{
		RenderStoreDetail(testStyles(), &store, advice, 80, storesNow, false),
		RenderStoreList(testStyles(), "env\x1b[2J", []api.Store{store}, 80, storesNow),
	} {
		if strings.ContainsAny(out, "\x1b\x07\u009b\u202e") {
			t.Errorf("an escape sequence or control character got through:\n%q", out)
		}
	}
}

func TestRenderChangesShowsOldAndNewWithSecretsMasked(t *testing.T) {
	old := settingstest.Filled()
	old.ClientSecret = "" // PingOne returned it masked
	changed := old
	changed.ClientSecret = settingstest.ClientSecret
	changed.SalesforceAccessToken = "SENTINEL-NEW-ACCESS-TOKEN-77aa01"
	changed.SalesforceRefreshToken = "SENTINEL-NEW-REFRESH-TOKEN-0c95da" // ends like the old one
	changed.Description = "Employees to Sales Cloud."
	changed.UpdateUsers = false
	out := RenderChanges(testStyles(), old, changed, 80)
	requireGolden(t, "changes", out)
	requireNoSecrets(t, out, settingstest.Marker)
	if same := RenderChanges(testStyles(), old, old, 80); !strings.Contains(same, "No changes") {
		t.Errorf("no change reads %q", same)
	}
}
