package simulator_test

import (
	"context"
	"encoding/json"
	"net/http"
	"runtime"
	"testing"
	"time"

	"sfstore/api"
	"sfstore/api/simulator"
)

func TestDenyStoresForbidsEveryPropagationEndpoint(t *testing.T) {
	sim := simulator.New(simulator.Options{AccessTokens: []string{goodToken}, DenyStores: true})
	body, _ := json.Marshal(validBody())
	for _, tt := range []struct{ method, path, ct string }{
		{"GET", storesURL, ""},
		{"POST", storesURL, "application/json"},
		{"POST", storesURL + "/connection/status", api.ConnectionCheckContentType},
		{"POST", "/v1/environments/" + envID + "/propagation/revisions", ""},
	} {
		w := call(sim, tt.method, tt.path, "Bearer "+goodToken, tt.ct, string(body))
		if e := decodeError(t, w); w.Code != 403 || e.Code != "ACCESS_FAILED" || e.Details[0].Code != "INSUFFICIENT_PERMISSIONS" {
			t.Errorf("%s %s: %d %s", tt.method, tt.path, w.Code, w.Body)
		}
		// 401 and 404 still come first.
		if w := call(sim, tt.method, tt.path, "", tt.ct, string(body)); w.Code != 401 {
			t.Errorf("%s %s without bearer: %d", tt.method, tt.path, w.Code)
		}
	}
	if w := call(sim, "GET", "/v1/environments", "Bearer "+goodToken, "", ""); w.Code != 200 {
		t.Errorf("environments with stores denied: %d", w.Code)
	}
}

func TestRevisionAnswers201(t *testing.T) {
	sim := simulator.New(simulator.Options{AccessTokens: []string{goodToken}, Environments: []string{envID}})
	w := call(sim, "POST", "/v1/environments/"+envID+"/propagation/revisions", "Bearer "+goodToken, "", "")
	var got map[string]any
	_ = json.Unmarshal(w.Body.Bytes(), &got)
	id, _ := got["id"].(string)
	created, _ := got["createdAt"].(string)
	if _, err := time.Parse("2006-01-02T15:04:05.000Z", created); w.Code != 201 || !uuidV4.MatchString(id) || err != nil {
		t.Errorf("%d %s", w.Code, w.Body)
	}
	if w := call(sim, "POST", "/v1/environments/22222222-2222-4222-8222-222222222222/propagation/revisions", "Bearer "+goodToken, "", ""); w.Code != 404 {
		t.Errorf("unknown environment: %d", w.Code)
	}
	if w := call(sim, "GET", "/v1/environments/"+envID+"/propagation/revisions", "Bearer "+goodToken, "", ""); w.Code != 405 {
		t.Errorf("GET: %d", w.Code)
	}
}

func TestSeedStoresAreListedFirstAndFilledIn(t *testing.T) {
	managed := true
	other := "22222222-2222-4222-8222-222222222222"
	sim := simulator.New(simulator.Options{AccessTokens: []string{goodToken}, SeedStores: []api.Store{
		{Name: "Salesforce", Configuration: api.SalesforceConfiguration{ClientSecret: "seeded-secret"}},
		{ID: "fixed-id", Name: "SCIM", Type: "scim", Status: "ACTIVE", Managed: &managed, Environment: &api.ObjectRef{ID: other}},
	}})
	createStore(t, sim, validBody())
	stores := sim.Stores()
	if len(stores) != 3 || stores[0].Name != "Salesforce" || stores[1].ID != "fixed-id" || stores[2].Name != "Acme Salesforce" {
		t.Fatalf("Stores() = %+v", stores)
	}
	s0, s1 := stores[0], stores[1]
	if !uuidV4.MatchString(s0.ID) || s0.Type != "Salesforce" || s0.Status != "INACTIVE" || s0.Environment.ID != simulator.DemoEnvironmentID ||
		s0.CreatedAt == "" || s0.Configuration.ClientSecret != "seeded-secret" {
		t.Errorf("seed 0 = %+v", s0)
	}
	if s1.Type != "scim" || s1.Status != "ACTIVE" || s1.Managed == nil || !*s1.Managed || s1.Environment.ID != other {
		t.Errorf("seed 1 = %+v", s1)
	}
	w := call(sim, "GET", storesURL, "Bearer "+goodToken, "", "")
	var list struct {
		Embedded struct{ Stores []api.Store } `json:"_embedded"`
	}
	_ = json.Unmarshal(w.Body.Bytes(), &list)
	if got := list.Embedded.Stores; len(got) != 2 || got[0].Name != "Salesforce" || got[0].Links["self"].Href != "http://example.com"+storesURL+"/"+s0.ID {
		t.Errorf("list = %+v", got)
	}
	// The seed's environment follows Options.Environments.
	withEnvs := simulator.New(simulator.Options{Environments: []string{other}, SeedStores: []api.Store{{Name: "x"}}})
	if got := withEnvs.Stores()[0].Environment.ID; got != other {
		t.Errorf("seed environment %s, want %s", got, other)
	}
}

func TestCloseReleasesRequestsWaitingOnLatency(t *testing.T) {
	sim, err := simulator.Start(simulator.Options{Latency: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		req, _ := http.NewRequestWithContext(context.Background(), "GET", sim.URL()+"/v1/environments", nil)
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		done <- err
	}()
	// Close once the request is waiting on the latency: it is recorded
	// on arrival.
	for deadline := time.Now().Add(5 * time.Second); len(sim.Requests()) == 0; {
		if time.Now().After(deadline) {
			t.Fatal("the request never reached the simulator")
		}
		runtime.Gosched()
	}
	sim.Close()
	sim.Close() // twice is fine
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("a request waiting on Latency survived Close")
	}
}
