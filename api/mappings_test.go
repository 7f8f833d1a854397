package api_test

import (
	"context"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"sfstore/api"
)

const realisticMapping = `{"_links":{"self":{"href":"https://api.pingone.com/v1/environments/` + testEnvID + `/propagation/mappings/` + testMapID + `"}},
"id":"` + testMapID + `","environment":{"id":"` + testEnvID + `"},"rule":{"id":"` + testRuleID + `"},"name":"Email",
"sourceAttribute":"email","targetAttribute":"Email","attributeMappingType":"userAttributeMapping",
"createdAt":"2024-05-01T10:00:02.000Z","updatedAt":"2024-05-01T10:00:03.000Z"}`

func TestCreateMappingPostsToTheRuleWithTheUserMappingType(t *testing.T) {
	var got capture
	c := setup(t, got.handler(201, realisticMapping))
	m, err := c.CreateMapping(context.Background(), testEnvID, testRuleID,
		&api.MappingRequest{Name: "Email", SourceAttribute: "email", TargetAttribute: "Email"})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"name":"Email","sourceAttribute":"email","targetAttribute":"Email","attributeMappingType":"userAttributeMapping"}`
	if got.method != http.MethodPost || got.path != envPath("/propagation/rules/"+testRuleID+"/mappings") || !jsonEqual(t, got.body, []byte(want)) {
		t.Errorf("sent %s %s %s", got.method, got.path, got.body)
	}
	wantM := &api.Mapping{ID: testMapID, RuleID: testRuleID, Name: "Email", SourceAttribute: "email", TargetAttribute: "Email",
		Type: api.MappingTypeUser, CreatedAt: "2024-05-01T10:00:02.000Z", UpdatedAt: "2024-05-01T10:00:03.000Z"}
	if !reflect.DeepEqual(m, wantM) {
		t.Errorf("mapping = %+v\nwant      %+v", m, wantM)
	}
}

func TestUpdateMappingPutsTheWholeMappingWithItsRule(t *testing.T) {
	var got capture
	c := setup(t, got.handler(200, realisticMapping))
	_, err := c.UpdateMapping(context.Background(), testEnvID, testRuleID, testMapID,
		&api.MappingRequest{Name: "Alias", Expression: `${user.name.given}`, TargetAttribute: "Alias"})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"rule":{"id":"` + testRuleID + `"},"name":"Alias","expression":"${user.name.given}","targetAttribute":"Alias","attributeMappingType":"userAttributeMapping"}`
	if got.method != http.MethodPut || got.path != envPath("/propagation/mappings/"+testMapID) || !jsonEqual(t, got.body, []byte(want)) {
		t.Errorf("sent %s %s %s", got.method, got.path, got.body)
	}
}

func TestDeleteMappingUsesThePluralPath(t *testing.T) {
	var got capture
	c := setup(t, got.handler(204, ""))
	if err := c.DeleteMapping(context.Background(), testEnvID, testMapID); err != nil {
		t.Fatal(err)
	}
	if got.method != http.MethodDelete || got.path != envPath("/propagation/mappings/"+testMapID) || len(got.body) != 0 {
		t.Errorf("sent %s %s %q", got.method, got.path, got.body)
	}
}

func TestListRuleMappingsDecodesTolerantlyAndNamesTheRule(t *testing.T) {
	var got capture
	// The data model calls attributeMappingType a Boolean; the examples
	// send a string. The second entry names no rule.
	c := setup(t, got.handler(200, `{"_embedded":{"mappings":[`+realisticMapping+`,
	{"id":"m2","targetAttribute":"Username","expression":"${user.email}","attributeMappingType":true}]}}`))
	ms, err := c.ListRuleMappings(context.Background(), testEnvID, testRuleID)
	if err != nil || len(ms) != 2 {
		t.Fatalf("mappings %+v, err %v", ms, err)
	}
	if got.path != envPath("/propagation/rules/"+testRuleID+"/mappings") {
		t.Errorf("path %s", got.path)
	}
	if ms[1].RuleID != testRuleID || ms[1].Type != "true" || ms[1].Expression != "${user.email}" || ms[0].SourceAttribute != "email" {
		t.Errorf("mappings %+v", ms)
	}
}

func TestMappingRequestsPingOneWouldRefuseAreRefusedBeforeSending(t *testing.T) {
	c := setup(t, func(w http.ResponseWriter, r *http.Request) { t.Errorf("unexpected %s %s", r.Method, r.URL.Path) })
	for _, tt := range []struct {
		req  api.MappingRequest
		want string
	}{
		{api.MappingRequest{SourceAttribute: "email"}, "create mapping: mapping target attribute is empty"},
		{api.MappingRequest{TargetAttribute: "Email"}, "create mapping: mapping for Email has neither a source attribute nor an expression"},
		{api.MappingRequest{TargetAttribute: "Email", SourceAttribute: "email", Expression: "x"}, "create mapping: mapping for Email has both"},
	} {
		_, err := c.CreateMapping(context.Background(), testEnvID, testRuleID, &tt.req)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%+v: err = %v, want %q", tt.req, err, tt.want)
		}
	}
}
