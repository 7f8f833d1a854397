package api_test

import (
	"context"
	"io"
	"net/http"
	"reflect"
	"testing"

	"sfstore/api"
)

const (
	testPlanID = "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b"
	testDirID  = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d"
	testRuleID = "a1b2c3d4-e5f6-4789-8abc-def012345678"
	testMapID  = "12345678-9abc-4def-8123-456789abcdef"
	testPopID  = "fedcba98-7654-4321-8fed-cba987654321"
)

// capture answers every request with status and body, and keeps the
// last request's method, escaped path and body.
type capture struct {
	method, path string
	body         []byte
	n            int
}

func (c *capture) handler(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c.n++
		c.method, c.path = r.Method, r.URL.EscapedPath()
		c.body, _ = io.ReadAll(r.Body)
		respond(status, body, "Content-Type", "application/json")(w, r)
	}
}

func envPath(rest string) string { return "/v1/environments/" + testEnvID + rest }

// realisticRule is a rule as PingOne answers it, nested references and
// HAL links included.
const realisticRule = `{"_links":{"self":{"href":"https://api.pingone.com/v1/environments/` + testEnvID + `/propagation/rules/` + testRuleID + `"}},
"id":"` + testRuleID + `","environment":{"id":"` + testEnvID + `"},"plan":{"id":"` + testPlanID + `"},
"sourceStore":{"id":"` + testDirID + `"},"targetStore":{"id":"` + testStoreID + `"},
"name":"PingOne to Salesforce production","description":"created by sfstore","active":false,
"populationExpression":"population.id eq \"` + testPopID + `\"","deprovision":true,
"createdAt":"2024-05-01T10:00:00.000Z","updatedAt":"2024-05-01T10:00:01.000Z"}`

func testRuleRequest() *api.RuleRequest {
	return &api.RuleRequest{Name: "PingOne to Salesforce production", Description: "created by sfstore",
		PlanID: testPlanID, SourceStoreID: testDirID, TargetStoreID: testStoreID,
		PopulationExpression: api.PopulationExpression(testPopID)}
}

func TestCreateRulePostsTheFlatFormWithPlanIDInTheBody(t *testing.T) {
	var got capture
	c := setup(t, got.handler(201, realisticRule))
	rule, err := c.CreateRule(context.Background(), testEnvID, testRuleRequest())
	if err != nil {
		t.Fatal(err)
	}
	want := `{"environment":{"id":"` + testEnvID + `"},"name":"PingOne to Salesforce production","description":"created by sfstore",
	"active":false,"plan":{"id":"` + testPlanID + `"},"sourceStore":{"id":"` + testDirID + `"},"targetStore":{"id":"` + testStoreID + `"},
	"populationExpression":"population.id eq \"` + testPopID + `\""}`
	if got.method != http.MethodPost || got.path != envPath("/propagation/rules") || !jsonEqual(t, got.body, []byte(want)) {
		t.Errorf("sent %s %s %s", got.method, got.path, got.body)
	}
	yes := true
	wantRule := &api.Rule{ID: testRuleID, EnvironmentID: testEnvID, Name: "PingOne to Salesforce production",
		Description: "created by sfstore", PlanID: testPlanID, SourceStoreID: testDirID, TargetStoreID: testStoreID,
		PopulationExpression: `population.id eq "` + testPopID + `"`, Deprovision: &yes,
		CreatedAt: "2024-05-01T10:00:00.000Z", UpdatedAt: "2024-05-01T10:00:01.000Z"}
	if !reflect.DeepEqual(rule, wantRule) {
		t.Errorf("rule = %+v\nwant   %+v", rule, wantRule)
	}
}

func TestUpdateRuleIsAFullPutOfTheRuleAsRead(t *testing.T) {
	var got capture
	c := setup(t, got.handler(200, realisticRule))
	rule, err := c.GetRule(context.Background(), testEnvID, testRuleID)
	if err != nil || got.method != http.MethodGet || got.path != envPath("/propagation/rules/"+testRuleID) {
		t.Fatalf("get: %v, sent %s %s", err, got.method, got.path)
	}
	req := rule.Request()
	req.Active = true
	if _, err := c.UpdateRule(context.Background(), testEnvID, testRuleID, &req); err != nil {
		t.Fatal(err)
	}
	want := `{"environment":{"id":"` + testEnvID + `"},"name":"PingOne to Salesforce production","description":"created by sfstore",
	"active":true,"plan":{"id":"` + testPlanID + `"},"sourceStore":{"id":"` + testDirID + `"},"targetStore":{"id":"` + testStoreID + `"},
	"populationExpression":"population.id eq \"` + testPopID + `\"","deprovision":true}`
	if got.method != http.MethodPut || got.path != envPath("/propagation/rules/"+testRuleID) || !jsonEqual(t, got.body, []byte(want)) {
		t.Errorf("sent %s %s %s", got.method, got.path, got.body)
	}
}

func TestARuleMadeInTheConsoleKeepsItsDeprecatedPopulationsOnAFullPut(t *testing.T) {
	var got capture
	c := setup(t, got.handler(200, `{"_embedded":{"rules":[{"id":"r1","name":"console","active":true,
	"plan":{"id":"p"},"sourceStore":{"id":"d"},"targetStore":{"id":"s"},"populations":[{"id":"pop1"}]}]}}`))
	rules, err := c.ListRules(context.Background(), testEnvID)
	if err != nil || len(rules) != 1 || !reflect.DeepEqual(rules[0].PopulationIDs, []string{"pop1"}) || !rules[0].Active {
		t.Fatalf("rules %+v, err %v", rules, err)
	}
	req := rules[0].Request()
	if _, err := c.UpdateRule(context.Background(), testEnvID, "r1", &req); err == nil {
		t.Fatal("a list answered to a PUT was taken as a rule")
	}
	if jsonField(t, got.body, "name") != "console" || !jsonEqual(t, got.body, []byte(`{"environment":{"id":"`+testEnvID+`"},"name":"console","active":true,
	"plan":{"id":"p"},"sourceStore":{"id":"d"},"targetStore":{"id":"s"},"populations":[{"id":"pop1"}]}`)) {
		t.Errorf("sent %s", got.body)
	}
}

func TestRuleRequestsMissingARequiredFieldAreRefusedBeforeSending(t *testing.T) {
	c := setup(t, func(w http.ResponseWriter, r *http.Request) { t.Errorf("unexpected %s %s", r.Method, r.URL.Path) })
	for field, blank := range map[string]func(*api.RuleRequest){
		"rule name":       func(r *api.RuleRequest) { r.Name = " " },
		"plan ID":         func(r *api.RuleRequest) { r.PlanID = "" },
		"source store ID": func(r *api.RuleRequest) { r.SourceStoreID = "" },
		"target store ID": func(r *api.RuleRequest) { r.TargetStoreID = "" },
	} {
		req := testRuleRequest()
		blank(req)
		_, err := c.CreateRule(context.Background(), testEnvID, req)
		if err == nil || err.Error() != "create rule: "+field+" is empty" {
			t.Errorf("%s: err = %v", field, err)
		}
	}
	if _, err := c.UpdateRule(context.Background(), testEnvID, testRuleID, nil); err == nil {
		t.Error("nil request accepted")
	}
}
