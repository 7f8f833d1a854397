package simulator_test

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"sfstore/api"
	"sfstore/api/simulator"
)

const propURL = "/v1/environments/" + simulator.DemoEnvironmentID + "/propagation"

// decode decodes a JSON answer into a map.
func decode(t *testing.T, w *httptest.ResponseRecorder) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil {
		t.Fatalf("%d %q: %v", w.Code, w.Body, err)
	}
	return m
}

// embedded is the _embedded.{key} of a list answer.
func embedded(t *testing.T, w *httptest.ResponseRecorder, key string) []any {
	t.Helper()
	items, _ := decode(t, w)["_embedded"].(map[string]any)[key].([]any)
	return items
}

// wired is a demo simulator with a directory store, an ACTIVE plan and an
// inactive rule targeting the production store.
func wired(t *testing.T) (sim *simulator.Server, dirID, planID, ruleID string) {
	t.Helper()
	opts := simulator.DemoOptions()
	opts.AccessTokens, opts.SyncPace = []string{goodToken}, 0 // every user at once
	sim = simulator.New(opts)
	w := send(t, sim, "POST", propURL+"/stores", map[string]any{"type": "directory", "name": "PingOne Directory"})
	if w.Code != 201 {
		t.Fatalf("directory store: %d %s", w.Code, w.Body)
	}
	dirID = decode(t, w)["id"].(string)
	w = send(t, sim, "POST", propURL+"/plans", map[string]any{"name": "sfstore", "status": "ACTIVE"})
	if w.Code != 201 {
		t.Fatalf("plan: %d %s", w.Code, w.Body)
	}
	planID = decode(t, w)["id"].(string)
	w = send(t, sim, "POST", propURL+"/plans/"+planID+"/rules", map[string]any{"name": "r",
		"sourceStore": map[string]any{"id": dirID}, "targetStore": map[string]any{"id": simulator.DemoStoreProductionID}})
	if w.Code != 201 || decode(t, w)["plan"].(map[string]any)["id"] != planID {
		t.Fatalf("plan-scoped rule create: %d %s", w.Code, w.Body)
	}
	return sim, dirID, planID, decode(t, w)["id"].(string)
}

func TestPopulationsListTheDefaultFirstWithTheirUserCounts(t *testing.T) {
	w := send(t, demoSim(), "GET", "/v1/environments/"+simulator.DemoEnvironmentID+"/populations", nil)
	pops := embedded(t, w, "populations")
	if w.Code != 200 || len(pops) != 3 {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	first := pops[0].(map[string]any)
	if first["id"] != simulator.DemoPopulationEveryoneID || first["default"] != true || first["userCount"] != float64(4) {
		t.Errorf("first population %v", first)
	}
	if pops[1].(map[string]any)["default"] != false {
		t.Errorf("second population %v", pops[1])
	}
}

func TestTheDirectoryStoreIsListedWithAnEmptyConfiguration(t *testing.T) {
	sim, dirID, _, _ := wired(t)
	var found bool
	for _, st := range sim.Stores() {
		if st.ID == dirID {
			found = st.Type == api.StoreTypeDirectory && st.Configuration == (api.SalesforceConfiguration{})
		}
	}
	if !found {
		t.Errorf("stores %+v", sim.Stores())
	}
	w := send(t, sim, "POST", propURL+"/stores", map[string]any{"type": "directory", "name": "x", "configuration": "no"})
	if w.Code != 400 || decodeError(t, w).Details[0].Target != "configuration" {
		t.Errorf("a configuration that is not an object: %d %s", w.Code, w.Body)
	}
	// The connection check stays Salesforce's.
	b, _ := json.Marshal(map[string]any{"type": "directory", "name": "x"})
	w = call(sim, "POST", propURL+"/stores/connection/status", "Bearer "+goodToken, api.ConnectionCheckContentType, string(b))
	if w.Code != 400 {
		t.Errorf("connection check of a directory store: %d %s", w.Code, w.Body)
	}
}

func TestOnePlanPerEnvironmentAndItsDeletionTakesItsRules(t *testing.T) {
	sim, _, planID, ruleID := wired(t)
	w := send(t, sim, "POST", propURL+"/plans", map[string]any{"name": "second"})
	if w.Code != 400 || decodeError(t, w).Details[0].Code != "UNIQUENESS_VIOLATION" {
		t.Errorf("second plan: %d %s", w.Code, w.Body)
	}
	if w := send(t, sim, "PUT", propURL+"/plans/"+planID, map[string]any{"name": "sfstore", "status": "ON"}); w.Code != 400 {
		t.Errorf("bad status: %d", w.Code)
	}
	send(t, sim, "POST", propURL+"/rules/"+ruleID+"/mappings", map[string]any{"targetAttribute": "Email", "sourceAttribute": "email"})
	if w := send(t, sim, "DELETE", propURL+"/plans/"+planID, nil); w.Code != 204 {
		t.Fatalf("delete plan: %d", w.Code)
	}
	if w := send(t, sim, "GET", propURL+"/rules", nil); len(embedded(t, w, "rules")) != 0 {
		t.Errorf("rules after the plan's deletion: %s", w.Body)
	}
	if w := send(t, sim, "GET", propURL+"/rules/"+ruleID+"/mappings", nil); w.Code != 404 {
		t.Errorf("mappings of a deleted rule: %d", w.Code)
	}
}

func TestRulePlanScopedCreateChecksThePlanAndAPutIsAFullReplace(t *testing.T) {
	sim, dirID, planID, ruleID := wired(t)
	w := send(t, sim, "POST", propURL+"/plans/"+planID+"/rules", map[string]any{"name": "r", "plan": map[string]any{"id": "other"},
		"sourceStore": map[string]any{"id": dirID}, "targetStore": map[string]any{"id": simulator.DemoStoreProductionID}})
	if w.Code != 400 || decodeError(t, w).Details[0].Target != "plan.id" {
		t.Errorf("plan mismatch: %d %s", w.Code, w.Body)
	}
	w = send(t, sim, "POST", propURL+"/rules", map[string]any{})
	if got := strings.Join(detailKeys(decodeError(t, w)), ","); w.Code != 400 ||
		got != "REQUIRED_VALUE name,REQUIRED_VALUE plan.id,REQUIRED_VALUE sourceStore.id,REQUIRED_VALUE targetStore.id" {
		t.Errorf("empty rule: %d %s", w.Code, got)
	}
	before := decode(t, send(t, sim, "GET", propURL+"/rules/"+ruleID, nil))
	w = send(t, sim, "PUT", propURL+"/rules/"+ruleID, map[string]any{"name": "renamed", "active": true, "description": "d",
		"plan": map[string]any{"id": planID}, "sourceStore": map[string]any{"id": dirID}, "targetStore": map[string]any{"id": simulator.DemoStoreProductionID}})
	after := decode(t, w)
	if w.Code != 200 || after["name"] != "renamed" || after["active"] != true || after["createdAt"] != before["createdAt"] {
		t.Errorf("PUT: %d %v", w.Code, after)
	}
	// Left out, active goes back to false.
	w = send(t, sim, "PUT", propURL+"/rules/"+ruleID, map[string]any{"name": "renamed",
		"plan": map[string]any{"id": planID}, "sourceStore": map[string]any{"id": dirID}, "targetStore": map[string]any{"id": simulator.DemoStoreProductionID}})
	if decode(t, w)["active"] != false || decode(t, w)["description"] != nil {
		t.Errorf("second PUT: %s", w.Body)
	}
}

func TestMappingsAreValidatedAndDeletedAtEitherSpelling(t *testing.T) {
	sim, _, _, ruleID := wired(t)
	w := send(t, sim, "POST", propURL+"/rules/"+ruleID+"/mappings", map[string]any{"targetAttribute": "Email", "sourceAttribute": "email", "expression": "x"})
	if w.Code != 400 || decodeError(t, w).Details[0].Target != "expression" {
		t.Errorf("both: %d %s", w.Code, w.Body)
	}
	w = send(t, sim, "POST", propURL+"/rules/"+ruleID+"/mappings", map[string]any{"targetAttribute": "Email", "sourceAttribute": "mail"})
	if w.Code != 400 || decodeError(t, w).Details[0].Target != "sourceAttribute" {
		t.Errorf("unknown source: %d %s", w.Code, w.Body)
	}
	w = send(t, sim, "POST", propURL+"/rules/"+ruleID+"/mappings", map[string]any{"targetAttribute": "Email", "sourceAttribute": "email"})
	m := decode(t, w)
	if w.Code != 201 || m["name"] != "Email" || m["attributeMappingType"] != "userAttributeMapping" {
		t.Fatalf("create: %d %s", w.Code, w.Body)
	}
	id := m["id"].(string)
	w = send(t, sim, "PUT", propURL+"/mappings/"+id, map[string]any{"rule": map[string]any{"id": "other"}, "targetAttribute": "Email", "sourceAttribute": "email"})
	if w.Code != 400 || decodeError(t, w).Details[0].Target != "rule.id" {
		t.Errorf("PUT to another rule: %d %s", w.Code, w.Body)
	}
	if w := send(t, sim, "DELETE", propURL+"/mapping/"+id, nil); w.Code != 204 {
		t.Errorf("singular delete: %d", w.Code)
	}
	if w := send(t, sim, "DELETE", propURL+"/mappings/"+id, nil); w.Code != 404 {
		t.Errorf("second delete: %d", w.Code)
	}
}

func TestRevisionsAreReadByIDAndByIDLatest(t *testing.T) {
	sim := demoSim()
	latest := propURL + "/revisions/id%3Alatest"
	if w := send(t, sim, "GET", latest, nil); w.Code != 404 {
		t.Fatalf("latest before any: %d", w.Code)
	}
	first := decode(t, send(t, sim, "POST", propURL+"/revisions", nil))
	second := decode(t, send(t, sim, "POST", propURL+"/revisions", nil))
	w := send(t, sim, "GET", latest, nil)
	got := decode(t, w)
	if w.Code != 200 || got["id"] != second["id"] || got["previousRevision"].(map[string]any)["id"] != first["id"] || got["createdBy"] == "" {
		t.Errorf("latest %v", got)
	}
	if w := send(t, sim, "GET", propURL+"/revisions/"+first["id"].(string), nil); w.Code != 200 || decode(t, w)["id"] != first["id"] {
		t.Errorf("by id: %d %s", w.Code, w.Body)
	}
}

func TestSalesforceMetadataListsTheUserFieldsAndNeverTheSecrets(t *testing.T) {
	sim := demoSim()
	w := send(t, sim, "POST", propURL+"/storeMetadata/Salesforce", map[string]any{})
	users := decode(t, w)["attributeMetadata"].(map[string]any)["userAttributes"].(map[string]any)
	for _, name := range []string{"Username", "Email", "FirstName", "LastName", "Alias", "TimeZoneSidKey", "LocaleSidKey",
		"EmailEncodingKey", "LanguageLocaleKey", "ProfileId", "AccountId", "IsActive", "FederationIdentifier", "CommunityNickname"} {
		if users[name] == nil {
			t.Errorf("no %s in %v", name, users)
		}
	}
	if users["Username"].(map[string]any)["required"] != true || users["FirstName"].(map[string]any)["required"] != false || users["Acme_Badge_Id__c"] != nil {
		t.Errorf("static metadata %v", users)
	}
	cfg := simulator.DemoStores(time.Now())[0].Configuration
	w = send(t, sim, "POST", propURL+"/storeMetadata/Salesforce", cfg)
	if w.Code != 200 || !strings.Contains(w.Body.String(), "Acme_Badge_Id__c") {
		t.Errorf("dynamic metadata: %d %s", w.Code, w.Body)
	}
	for _, secret := range cfg.Secrets() {
		if strings.Contains(w.Body.String(), secret) {
			t.Errorf("the answer echoes a secret")
		}
	}
	expired := simulator.DemoStores(time.Now())[1].Configuration
	if w := send(t, sim, "POST", propURL+"/storeMetadata/Salesforce", expired); w.Code != 400 || decodeError(t, w).Code != "REQUEST_FAILED" {
		t.Errorf("expired session: %d %s", w.Code, w.Body)
	}
}

func TestTheDemoSyncsAtAHumanPace(t *testing.T) {
	if p := simulator.DemoOptions().SyncPace; p != simulator.DemoSyncPace || p <= 0 || p > 3*time.Second {
		t.Errorf("demo pace %v: the first user must show within about 3 s", p)
	}
}

func TestCallFaultsCountMatchingCallsOnly(t *testing.T) {
	sim := simulator.New(simulator.Options{AccessTokens: []string{goodToken}, CallFaults: []simulator.CallFault{
		{Method: "POST", Path: "/v1/environments/*/propagation/stores", N: 2, Answer: simulator.Answer503},
		{Method: "GET", Path: "/v1/environments/*/propagation/stores", Answer: simulator.Answer429, RetryAfter: 9},
		{Method: "POST", Path: "/v1/environments/*/propagation/plans", N: 1, Answer: simulator.Answer500, Applied: true},
	}})
	if w := createStore(t, sim, validBody()); w.Code != 201 {
		t.Errorf("first create: %d", w.Code)
	}
	if w := createStore(t, sim, validBody()); w.Code != 503 || len(sim.Stores()) != 1 {
		t.Errorf("second create: %d, %d stores; want 503 and nothing made", w.Code, len(sim.Stores()))
	}
	for range 2 {
		if w := send(t, sim, "GET", storesURL, nil); w.Code != 429 || w.Header().Get("Retry-After") != "9" {
			t.Errorf("list: %d %v", w.Code, w.Header())
		}
	}
	if w := send(t, sim, "POST", "/v1/environments/"+envID+"/propagation/plans", map[string]any{"name": "p"}); w.Code != 500 {
		t.Errorf("plan: %d", w.Code)
	}
	// Applied: the plan was made before the answer was lost.
	if w := send(t, sim, "POST", "/v1/environments/"+envID+"/propagation/plans", map[string]any{"name": "p"}); w.Code != 400 {
		t.Errorf("second plan: %d %s", w.Code, w.Body)
	}
	sim.FailCall(simulator.CallFault{Path: "/v1/environments/*/propagation/revisions/id:latest", N: 1, Answer: simulator.Answer502})
	if w := send(t, sim, "GET", "/v1/environments/"+envID+"/propagation/revisions/id%3Alatest", nil); w.Code != 502 ||
		!strings.Contains(w.Header().Get("Content-Type"), "html") {
		t.Errorf("latest revision: %d %v", w.Code, w.Header())
	}
}
