package simulator_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"sfstore/api"
	"sfstore/api/demoorg"
	"sfstore/api/simulator"
)

// demoSim is a simulator with the demo's options that accepts goodToken.
func demoSim() *simulator.Server {
	opts := simulator.DemoOptions()
	opts.AccessTokens = []string{goodToken}
	return simulator.New(opts)
}

const demoStoresURL = "/v1/environments/" + simulator.DemoEnvironmentID + "/propagation/stores"

func TestDemoSeedsAHealthyAndAFailedStoreOfTheDemoOrg(t *testing.T) {
	sim := demoSim()
	w := send(t, sim, "GET", demoStoresURL+"/"+simulator.DemoStoreProductionID, nil)
	var prod map[string]any
	_ = json.Unmarshal(w.Body.Bytes(), &prod)
	ss, _ := prod["syncStatus"].(map[string]any)
	if w.Code != 200 || prod["name"] != "Salesforce production" || prod["status"] != "ACTIVE" || ss["syncState"] != "SYNCING" ||
		ss["successCount"] != 1204.0 || ss["failedCount"] != 0.0 || ss["userTotal"] != 1204.0 || ss["lastSyncAt"] == nil {
		t.Errorf("production store: %d %s", w.Code, w.Body)
	}
	var failed api.Store
	_ = json.Unmarshal(send(t, sim, "GET", demoStoresURL+"/"+simulator.DemoStoreCommunityID, nil).Body.Bytes(), &failed)
	fs := failed.SyncStatus
	if fs == nil || fs.SyncState != "FAILED" || !strings.Contains(fs.Details, "INVALID_SESSION_ID") ||
		!strings.Contains(fs.Details, "Session expired or invalid") || fs.FailedCount == 0 || fs.SuccessCount == 0 || fs.LastSyncAt == "" {
		t.Errorf("failed store syncStatus = %+v", fs)
	}
	c := failed.Configuration
	if c.SalesforceDomain != demoorg.Domain || c.ClientID != demoorg.ClientID || c.OAuthAccessToken != demoorg.ExpiredAccessToken || !c.EnableCommunities {
		t.Errorf("failed store configuration = %+v", c.Masked())
	}
}

func TestDemoListSpansTwoPages(t *testing.T) {
	sim := demoSim()
	first := readPage(t, send(t, sim, "GET", demoStoresURL, nil))
	if first.Count != 2 || first.Size != 1 || first.Links.Next.Href == "" {
		t.Fatalf("first page: %+v", first)
	}
	second := readPage(t, send(t, sim, "GET", nextPath(t, first.Links.Next.Href), nil))
	if second.Size != 1 || second.Links.Next.Href != "" || second.Embedded.Stores[0].ID != simulator.DemoStoreCommunityID {
		t.Errorf("second page: %+v", second)
	}
}

func TestDemoStoresPassTheSimulatorsOwnChecks(t *testing.T) {
	for _, st := range simulator.DemoStores(time.Now()) {
		req := st.Request()
		w := send(t, demoSim(), "PUT", demoStoresURL+"/"+st.ID, req)
		if w.Code != 200 {
			t.Errorf("%s sent back as read: %d %s", st.Name, w.Code, w.Body)
		}
	}
}

func TestDemoStoresWithAFixedNowAreStable(t *testing.T) {
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	a, b := simulator.DemoStores(now), simulator.DemoStores(now)
	if a[0].SyncStatus.LastSyncAt != "2026-03-02T09:56:00.000Z" || a[1].SyncStatus.LastSyncAt != b[1].SyncStatus.LastSyncAt {
		t.Errorf("lastSyncAt %q, %q", a[0].SyncStatus.LastSyncAt, a[1].SyncStatus.LastSyncAt)
	}
	a[0].Configuration.ClientSecret = "changed"
	if b[0].Configuration.ClientSecret == "changed" {
		t.Error("DemoStores shares state between calls")
	}
}

func TestConnectionCheckOfTheExpiredSeedFailsAndAReconnectAndPublishRecover(t *testing.T) {
	sim := demoSim()
	failed := simulator.DemoStores(time.Now())[1]
	check := func(req any) *httptest.ResponseRecorder {
		b, _ := json.Marshal(req)
		return call(sim, http.MethodPost, demoStoresURL+"/connection/status", "Bearer "+goodToken, api.ConnectionCheckContentType, string(b))
	}
	if w := check(failed.Request()); w.Code != 400 || decodeError(t, w).Code != "REQUEST_FAILED" || !strings.Contains(w.Body.String(), "INVALID_SESSION_ID") {
		t.Errorf("check of the expired seed: %d %s", w.Code, w.Body)
	}
	masked := failed.Request()
	masked.Configuration.OAuthAccessToken = simulator.MaskedSecret
	if w := check(masked); w.Code != 400 || decodeError(t, w).Code != "REQUEST_FAILED" {
		t.Errorf("check with a masked token: %d %s", w.Code, w.Body)
	}

	// Reconnect: new tokens from a sign-in, then publish.
	fixed := failed.Request()
	fixed.Configuration.OAuthAccessToken, fixed.Configuration.OAuthRefreshToken = demoorg.ActiveAccessToken, demoorg.ActiveRefreshToken
	if w := check(fixed); w.Code != 200 {
		t.Fatalf("check with a live session: %d %s", w.Code, w.Body)
	}
	if w := send(t, sim, "PUT", demoStoresURL+"/"+failed.ID, fixed); w.Code != 200 || !strings.Contains(w.Body.String(), `"syncState":"FAILED"`) {
		t.Fatalf("reconnect PUT: %d %s (the sync state is PingOne's until a revision)", w.Code, w.Body)
	}
	if w := send(t, sim, "POST", "/v1/environments/"+simulator.DemoEnvironmentID+"/propagation/revisions", nil); w.Code != 201 {
		t.Fatalf("revision: %d", w.Code)
	}
	for _, st := range sim.Stores() {
		if ss := st.SyncStatus; ss == nil || ss.SyncState != "SYNCING" || ss.Details != "" || ss.FailedCount != 0 || ss.SuccessCount != ss.UserTotal {
			t.Errorf("%s after the revision: %+v", st.Name, ss)
		}
	}
}

func TestARevisionFailsAStoreWhoseSessionExpired(t *testing.T) {
	sim := demoSim()
	send(t, sim, "POST", "/v1/environments/"+simulator.DemoEnvironmentID+"/propagation/revisions", nil)
	for _, st := range sim.Stores() {
		want := map[string]string{simulator.DemoStoreProductionID: "SYNCING", simulator.DemoStoreCommunityID: "FAILED"}[st.ID]
		if st.SyncStatus == nil || st.SyncStatus.SyncState != want {
			t.Errorf("%s: %+v, want %s", st.Name, st.SyncStatus, want)
		}
	}
}

func TestMaskedSecretLooksMaskedToTheClient(t *testing.T) {
	if !api.LooksMasked(simulator.MaskedSecret) {
		t.Errorf("api.LooksMasked(%q) = false", simulator.MaskedSecret)
	}
}
