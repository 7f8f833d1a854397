package api_test

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"sfstore/api"
	"sfstore/api/demoorg"
	"sfstore/api/simulator"
)

// simClientWith returns a client for a fresh simulator started with opts,
// which accepts a pasted token.
func simClientWith(t *testing.T, opts simulator.Options) (*api.Client, *simulator.Server) {
	t.Helper()
	const token = "pasted-token-0123456789"
	opts.AccessTokens = append(opts.AccessTokens, token)
	sim, err := simulator.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sim.Close)
	c, err := api.NewClient(sim.URL(), api.WithTokenSource(api.NewTokenSource(context.Background(), api.Credentials{AccessToken: token}, nil)))
	if err != nil {
		t.Fatal(err)
	}
	return c, sim
}

func TestListStoresFollowsEveryPageOfTheSimulator(t *testing.T) {
	c, sim := simClientWith(t, simulator.Options{PageSize: 2})
	ctx := context.Background()
	var want []string
	for i := range 7 {
		req := demoRequest(t)
		req.Name = "store " + string(rune('A'+i))
		s, err := c.CreateSalesforceStore(ctx, testEnvID, req)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, s.ID)
	}
	stores, err := c.ListStores(ctx, testEnvID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range stores {
		got = append(got, s.ID)
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("listed %v, want %v", got, want)
	}
	var gets int
	for _, r := range sim.RequestsWith(http.MethodGet) {
		if r.Path == "/v1/environments/"+testEnvID+"/propagation/stores" {
			gets++
		}
	}
	if gets != 4 {
		t.Errorf("%d list requests for 7 stores in pages of 2, want 4", gets)
	}
}

func TestGetUpdateDeleteAgainstTheSimulator(t *testing.T) {
	c, sim := simClientWith(t, simulator.Options{})
	ctx := context.Background()
	created, err := c.CreateSalesforceStore(ctx, testEnvID, demoRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.GetStore(ctx, testEnvID, created.ID)
	if err != nil || !reflect.DeepEqual(got, created) {
		t.Fatalf("GetStore = %+v, %v; want the created store %+v", got, err, created)
	}

	req := got.Request()
	req.Name, req.Status = "Renamed", api.StatusActive
	updated, err := c.UpdateSalesforceStore(ctx, testEnvID, created.ID, &req)
	if err != nil {
		t.Fatal(err)
	}
	if updated.ID != created.ID || updated.Name != "Renamed" || updated.Status != "ACTIVE" || updated.CreatedAt != created.CreatedAt ||
		updated.Configuration != created.Configuration || updated.Image == nil || updated.Image.Href != created.Image.Href {
		t.Errorf("updated = %+v", updated)
	}
	if n := len(sim.RequestsWith(http.MethodPut)); n != 1 {
		t.Errorf("%d PUT requests, want exactly 1", n)
	}

	if err := c.DeleteStore(ctx, testEnvID, created.ID); err != nil {
		t.Fatal(err)
	}
	_, err = c.GetStore(ctx, testEnvID, created.ID)
	var e *api.Error
	if !errors.As(err, &e) || e.StatusCode != 404 || e.Op != api.OpGetStore {
		t.Errorf("GetStore after DeleteStore: %v, want a 404 *api.Error", err)
	}
	if err := c.DeleteStore(ctx, testEnvID, created.ID); !errors.As(err, &e) || e.StatusCode != 404 {
		t.Errorf("DeleteStore twice: %v, want 404", err)
	}
}

func TestAnUpdatePingOneRefusesLeavesTheStoreUnchanged(t *testing.T) {
	c, sim := simClientWith(t, simulator.Options{})
	ctx := context.Background()
	created, err := c.CreateSalesforceStore(ctx, testEnvID, demoRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	before := sim.Stores()
	req := created.Request()
	req.Name = "" // PUT is a full replace: name is required
	req.Configuration.ProfileID = "00e000000000000"
	req.Configuration.OAuthAccessToken = "00D-a-new-token-never-stored"
	_, err = c.UpdateSalesforceStore(ctx, testEnvID, created.ID, &req)
	var e *api.Error
	if !errors.As(err, &e) || e.StatusCode != 400 || e.Op != api.OpUpdateStore {
		t.Fatalf("err = %v, want a 400 *api.Error", err)
	}
	var targets []string
	for _, d := range e.Details {
		targets = append(targets, d.Code+" "+d.Target)
	}
	if got := strings.Join(targets, ","); got != "REQUIRED_VALUE name,INVALID_VALUE configuration.PROFILE_ID" {
		t.Errorf("details = %s", got)
	}
	if strings.Contains(err.Error(), "00D-a-new-token-never-stored") {
		t.Errorf("the error holds a secret of the request: %v", err)
	}
	if after := sim.Stores(); !reflect.DeepEqual(after, before) {
		t.Errorf("the refused update changed the store:\n got %+v\nwant %+v", after, before)
	}
}

func TestMaskedReadsAreNeverSentBack(t *testing.T) {
	c, sim := simClientWith(t, simulator.Options{MaskSecretsOnRead: true})
	ctx := context.Background()
	created, err := c.CreateSalesforceStore(ctx, testEnvID, demoRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.GetStore(ctx, testEnvID, created.ID)
	if err != nil {
		t.Fatal(err)
	}
	listed, err := c.ListStores(ctx, testEnvID)
	if err != nil || len(listed) != 1 {
		t.Fatalf("ListStores = %v, %v", listed, err)
	}
	for _, s := range []api.Store{*got, listed[0]} {
		if keys := s.Configuration.MaskedSecrets(); len(keys) != 3 {
			t.Errorf("masked keys %v, want all three secrets", keys)
		}
	}
	req := got.Request()
	req.Name = "Renamed"
	if _, err := c.UpdateSalesforceStore(ctx, testEnvID, created.ID, &req); !errors.Is(err, api.ErrMaskedSecret) {
		t.Errorf("update with the secrets read back: %v, want ErrMaskedSecret", err)
	}
	if _, err := c.TestConnection(ctx, testEnvID, &req); !errors.Is(err, api.ErrMaskedSecret) {
		t.Errorf("test with the secrets read back: %v, want ErrMaskedSecret", err)
	}
	if n := len(sim.RequestsWith(http.MethodPut)); n != 0 {
		t.Errorf("%d PUT requests, want none", n)
	}
	// Secrets entered again: the update goes through.
	req.Configuration = demoRequest(t).Configuration
	if _, err := c.UpdateSalesforceStore(ctx, testEnvID, created.ID, &req); err != nil {
		t.Fatal(err)
	}
	if s := sim.Stores()[0]; s.Name != "Renamed" || s.Configuration.ClientSecret != created.Configuration.ClientSecret {
		t.Errorf("stored %+v", s.Configuration)
	}
}

func TestDemoSeedsThroughTheClient(t *testing.T) {
	opts := simulator.DemoOptions()
	c, _ := simClientWith(t, opts)
	ctx := context.Background()
	stores, err := c.ListStores(ctx, simulator.DemoEnvironmentID)
	if err != nil {
		t.Fatal(err)
	}
	if len(stores) != 2 || stores[0].ID != simulator.DemoStoreProductionID || stores[1].ID != simulator.DemoStoreCommunityID {
		t.Fatalf("demo stores = %+v", stores)
	}
	prod, failed := stores[0], stores[1]
	if s := prod.SyncStatus; prod.Name != "Salesforce production" || prod.Status != "ACTIVE" || s == nil ||
		s.SyncState != "SYNCING" || s.SuccessCount != 1204 || s.UserTotal != 1204 || s.FailedCount != 0 {
		t.Errorf("production = %+v %+v", prod, prod.SyncStatus)
	}
	if s := failed.SyncStatus; s == nil || s.SyncState != "FAILED" || !strings.Contains(s.Details, "INVALID_SESSION_ID") {
		t.Errorf("failed = %+v", failed.SyncStatus)
	}
	if _, err := time.Parse("2006-01-02T15:04:05.000Z", failed.SyncStatus.LastSyncAt); err != nil {
		t.Errorf("lastSyncAt: %v", err)
	}
	for _, s := range stores {
		if s.Configuration.SalesforceDomain != demoorg.Domain || s.Configuration.ClientID != demoorg.ClientID {
			t.Errorf("%s points at %s / %s, not the demo org", s.Name, s.Configuration.SalesforceDomain, s.Configuration.ClientID)
		}
	}
}

func TestConnectionTestOfStoredStores(t *testing.T) {
	c, _ := simClientWith(t, simulator.DemoOptions())
	ctx := context.Background()
	for id, wantOK := range map[string]bool{simulator.DemoStoreProductionID: true, simulator.DemoStoreCommunityID: false} {
		s, err := c.GetStore(ctx, simulator.DemoEnvironmentID, id)
		if err != nil {
			t.Fatal(err)
		}
		req := s.Request()
		res, err := c.TestConnection(ctx, simulator.DemoEnvironmentID, &req)
		var e *api.Error
		switch {
		case wantOK && (err != nil || !res.OK):
			t.Errorf("%s: %v %+v", s.Name, err, res)
		case !wantOK && (!errors.As(err, &e) || e.Code != "REQUEST_FAILED" || !strings.Contains(e.Message, "INVALID_SESSION_ID")):
			t.Errorf("%s: err %v, want REQUEST_FAILED INVALID_SESSION_ID", s.Name, err)
		}
	}
}

func TestAmbiguousCallsAgainstTheSimulator(t *testing.T) {
	c, sim := simClientWith(t, simulator.Options{
		CreateFaults: []simulator.Fault{simulator.FaultAppliedThen500},
		UpdateFaults: []simulator.Fault{simulator.FaultAppliedEmptyBody},
	})
	ctx := context.Background()
	_, err := c.CreateSalesforceStore(ctx, testEnvID, demoRequest(t))
	var e *api.Error
	if !errors.As(err, &e) || e.StatusCode != 500 || len(sim.Stores()) != 1 {
		t.Fatalf("ambiguous create: %v, %d stores", err, len(sim.Stores()))
	}
	id := sim.Stores()[0].ID
	req := sim.Stores()[0].Request()
	req.Name = "Renamed"
	if _, err := c.UpdateSalesforceStore(ctx, testEnvID, id, &req); !errors.Is(err, api.ErrEmptyResponse) {
		t.Errorf("empty update answer: %v, want ErrEmptyResponse", err)
	}
	if s, err := c.GetStore(ctx, testEnvID, id); err != nil || s.Name != "Renamed" {
		t.Errorf("the update was made all the same: %+v, %v", s, err)
	}
}
