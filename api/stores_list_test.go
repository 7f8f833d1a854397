package api_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"sfstore/api"
	"sfstore/api/simulator"
)

func TestListStoresDecodesEveryTypeAndKeepsTheType(t *testing.T) {
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || r.URL.Path != "/v1/environments/"+testEnvID+"/propagation/stores" {
			t.Errorf("got %s %s", r.Method, r.URL.Path)
		}
		respond(200, `{"_embedded":{"stores":[
			{"id":"s1","type":"Salesforce","name":"Acme SF","configuration":{"CLIENT_SECRET":"x","ENABLE_COMMUNITIES":true}},
			{"id":"s2","type":"scim","name":"SCIM","configuration":{"SCIM_URL":"https://scim","BASIC_AUTH_PASSWORD":"pw"}},
			{"id":"s3","type":"Workday","name":"WD","configuration":{"CREATE_USERS":"yes","CLIENT_SECRET":{"nested":1}}}
		]},"count":3,"size":3}`, "Content-Type", "application/json")(w, r)
	})
	stores, err := c.ListStores(context.Background(), testEnvID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range stores {
		got = append(got, s.ID+" "+s.Type+" "+s.Name)
	}
	if strings.Join(got, ",") != "s1 Salesforce Acme SF,s2 scim SCIM,s3 Workday WD" {
		t.Errorf("stores = %v", got)
	}
	if !stores[0].Configuration.EnableCommunities || stores[0].Configuration.ClientSecret != "x" {
		t.Errorf("salesforce configuration = %+v", stores[0].Configuration)
	}
	if stores[2].Configuration != (api.SalesforceConfiguration{}) {
		t.Errorf("a configuration that does not fit should be dropped, got %+v", stores[2].Configuration)
	}
}

func TestListStoresOfAnEmptyEnvironment(t *testing.T) {
	for _, body := range []string{`{}`, `{"_embedded":{}}`, `{"_embedded":{"stores":[]}}`, `{"_embedded":{"stores":null}}`} {
		c := setup(t, respond(200, body))
		stores, err := c.ListStores(context.Background(), testEnvID)
		if err != nil || len(stores) != 0 {
			t.Errorf("%s: %v, %v", body, stores, err)
		}
	}
}

func TestListFollowsNextLinksThroughItsOwnBaseURL(t *testing.T) {
	var queries []string
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		queries = append(queries, r.URL.RawQuery)
		switch r.URL.Query().Get("cursor") {
		case "":
			// PingOne names its own host; the client keeps its base URL.
			respond(200, `{"_embedded":{"environments":[{"id":"e1"}]},"_links":{"next":{"href":"https://api.pingone.com/v1/environments?cursor=2&limit=1"}}}`)(w, r)
		case "2":
			respond(200, `{"_embedded":{"environments":[{"id":"e2"}]},"_links":{"next":{"href":"https://elsewhere.example/v1/environments?cursor=3"}}}`)(w, r)
		default:
			respond(200, `{"_embedded":{"environments":[{"id":"e3"}]},"_links":{"self":{"href":"x"}}}`)(w, r)
		}
	})
	envs, err := c.ListEnvironments(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(envs) != 3 || envs[2].ID != "e3" || strings.Join(queries, ",") != ",cursor=2&limit=1,cursor=3" {
		t.Errorf("envs %v after queries %q", envs, queries)
	}
}

func TestListStopsOnARepeatingNextLink(t *testing.T) {
	c := setup(t, respond(200, `{"_embedded":{"stores":[{"id":"s"}]},"_links":{"next":{"href":"https://api.pingone.com/v1/environments/`+testEnvID+`/propagation/stores"}}}`))
	if _, err := c.ListStores(context.Background(), testEnvID); err == nil || !strings.Contains(err.Error(), "list stores: ") {
		t.Errorf("err = %v, want a list stores error", err)
	}
}

func TestListStoresAgainstTheSimulatorIncludesSeeds(t *testing.T) {
	sim, err := simulator.Start(simulator.Options{AccessTokens: []string{"pasted-token-0123456789"},
		SeedStores: []api.Store{{Name: "Salesforce (existing)"}, {Name: "HR", Type: "Workday"}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sim.Close)
	c, err := api.NewClient(sim.URL(), api.WithTokenSource(api.NewTokenSource(context.Background(), api.Credentials{AccessToken: "pasted-token-0123456789"}, nil)))
	if err != nil {
		t.Fatal(err)
	}
	created, err := c.CreateSalesforceStore(context.Background(), simulator.DemoEnvironmentID, demoRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	stores, err := c.ListStores(context.Background(), simulator.DemoEnvironmentID)
	if err != nil {
		t.Fatal(err)
	}
	if len(stores) != 3 || stores[0].Name != "Salesforce (existing)" || stores[1].Type != "Workday" || stores[2].ID != created.ID {
		t.Fatalf("stores = %+v", stores)
	}
	if !strings.HasSuffix(stores[0].Links["self"].Href, "/propagation/stores/"+stores[0].ID) {
		t.Errorf("seeded store links = %v", stores[0].Links)
	}
	other, err := c.ListStores(context.Background(), simulator.DemoEnvironments[1].ID)
	if err != nil || len(other) != 0 {
		t.Errorf("another environment: %v, %v", other, err)
	}
}

func TestListStoresForbiddenHintsAtEnvironmentAdmin(t *testing.T) {
	sim, err := simulator.Start(simulator.Options{AccessTokens: []string{"pasted-token-0123456789"}, DenyStores: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sim.Close)
	c, _ := api.NewClient(sim.URL(), api.WithTokenSource(api.NewTokenSource(context.Background(), api.Credentials{AccessToken: "pasted-token-0123456789"}, nil)))
	_, err = c.ListStores(context.Background(), testEnvID)
	var e *api.Error
	if !errors.As(err, &e) || e.StatusCode != 403 || e.Op != api.OpListStores || !strings.HasPrefix(err.Error(), "list stores: pingone returned 403") {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(e.Hint(), "Environment Admin") || e.Details[0].Code != "INSUFFICIENT_PERMISSIONS" {
		t.Errorf("hint %q details %+v", e.Hint(), e.Details)
	}
}
