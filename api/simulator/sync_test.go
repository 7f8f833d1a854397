package simulator_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"sfstore/api"
	"sfstore/api/simulator"
)

// allMappings map every field a Salesforce User needs; username and
// alias choose the sources of Username and Alias.
func allMappings(username, alias string) []map[string]any {
	lit := func(t, v string) map[string]any {
		return map[string]any{"targetAttribute": t, "expression": `"` + v + `"`}
	}
	return []map[string]any{
		{"targetAttribute": "Username", "sourceAttribute": username},
		{"targetAttribute": "Email", "sourceAttribute": "email"},
		{"targetAttribute": "LastName", "sourceAttribute": "name.family"},
		{"targetAttribute": "Alias", "expression": alias},
		lit("TimeZoneSidKey", "America/Los_Angeles"), lit("LocaleSidKey", "en_US"),
		lit("EmailEncodingKey", "UTF-8"), lit("LanguageLocaleKey", "en_US"),
	}
}

// activate maps the rule, makes it active on population pop and
// publishes; it returns the production store's syncStatus after.
func activate(t *testing.T, sim *simulator.Server, dirID, planID, ruleID, pop string, mappings []map[string]any) api.SyncStatus {
	t.Helper()
	for _, m := range mappings {
		if w := send(t, sim, "POST", propURL+"/rules/"+ruleID+"/mappings", m); w.Code != 201 {
			t.Fatalf("mapping %v: %d %s", m, w.Code, w.Body)
		}
	}
	w := send(t, sim, "PUT", propURL+"/rules/"+ruleID, map[string]any{"name": "r", "active": true,
		"populationExpression": `population.id eq "` + pop + `"`, "plan": map[string]any{"id": planID},
		"sourceStore": map[string]any{"id": dirID}, "targetStore": map[string]any{"id": simulator.DemoStoreProductionID}})
	if w.Code != 200 {
		t.Fatalf("activate: %d %s", w.Code, w.Body)
	}
	return publish(t, sim)
}

func publish(t *testing.T, sim *simulator.Server) api.SyncStatus {
	t.Helper()
	if w := send(t, sim, "POST", propURL+"/revisions", nil); w.Code != 201 {
		t.Fatalf("revision: %d", w.Code)
	}
	return productionSync(t, send(t, sim, "GET", propURL+"/stores/"+simulator.DemoStoreProductionID, nil))
}

func productionSync(t *testing.T, w *httptest.ResponseRecorder) api.SyncStatus {
	t.Helper()
	ss, _ := decode(t, w)["syncStatus"].(map[string]any)
	n := func(k string) int { f, _ := ss[k].(float64); return int(f) }
	s := func(k string) string { v, _ := ss[k].(string); return v }
	return api.SyncStatus{SyncState: s("syncState"), Details: s("details"), SuccessCount: n("successCount"),
		FailedCount: n("failedCount"), UserTotal: n("userTotal"), LastSyncAt: s("lastSyncAt")}
}

func TestEachUserSyncsOrFailsAsSalesforceWouldTakeIt(t *testing.T) {
	sim, dir, plan, rule := wired(t)
	ss := activate(t, sim, dir, plan, rule, simulator.DemoPopulationContractorsID,
		allMappings("email", "${user.name.given.substring(0,1)}${user.name.family.substring(0,4)}"))
	if ss.SyncState != api.SyncStateSyncing || ss.SuccessCount != 2 || ss.FailedCount != 0 || ss.UserTotal != 2 {
		t.Errorf("contractors: %+v", ss)
	}
}

func TestUsernamesThatAreNotEmailsFailEveryUser(t *testing.T) {
	sim, dir, plan, rule := wired(t)
	ss := activate(t, sim, dir, plan, rule, simulator.DemoPopulationEveryoneID, allMappings("username", `"alias"`))
	if ss.SyncState != api.SyncStateFailed || ss.FailedCount != 4 || !strings.Contains(ss.Details, "INVALID_EMAIL_ADDRESS") ||
		!strings.Contains(ss.Details, "ada.lovelace") {
		t.Errorf("sync %+v", ss)
	}
}

func TestAnAliasOverEightCharactersFailsThatUserOnly(t *testing.T) {
	sim, dir, plan, rule := wired(t)
	// name.given: Ada, Grace, Alan, Katherine: one is over 8.
	ss := activate(t, sim, dir, plan, rule, simulator.DemoPopulationEveryoneID, allMappings("email", "${user.name.given}"))
	if ss.SyncState != api.SyncStateSyncing || ss.SuccessCount != 3 || ss.FailedCount != 1 || !strings.Contains(ss.Details, "STRING_TOO_LONG") {
		t.Errorf("sync %+v", ss)
	}
}

func TestNothingSyncsWithoutAnActivePlanAndRule(t *testing.T) {
	sim, dir, plan, rule := wired(t)
	before := productionSync(t, send(t, sim, "GET", propURL+"/stores/"+simulator.DemoStoreProductionID, nil))
	// The rule is inactive: a publish leaves the store as it was.
	if ss := publish(t, sim); ss != before {
		t.Errorf("inactive rule: %+v, was %+v", ss, before)
	}
	send(t, sim, "PUT", propURL+"/plans/"+plan, map[string]any{"name": "sfstore"}) // INACTIVE
	if ss := activate(t, sim, dir, plan, rule, simulator.DemoPopulationEveryoneID, allMappings("email", `"a"`)); ss != before {
		t.Errorf("inactive plan: %+v, was %+v", ss, before)
	}
	send(t, sim, "PUT", propURL+"/plans/"+plan, map[string]any{"name": "sfstore", "status": "ACTIVE"})
	if ss := publish(t, sim); ss.SuccessCount != 4 {
		t.Errorf("active plan: %+v", ss)
	}
}
