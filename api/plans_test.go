package api_test

import (
	"context"
	"net/http"
	"reflect"
	"testing"

	"sfstore/api"
)

func TestPlansAreListedCreatedAndUpdated(t *testing.T) {
	var got capture
	c := setup(t, got.handler(200, `{"_embedded":{"plans":[{"id":"`+testPlanID+`","environment":{"id":"`+testEnvID+`"},"name":"Default","status":"INACTIVE"}]}}`))
	plans, err := c.ListPlans(context.Background(), testEnvID)
	want := []api.Plan{{ID: testPlanID, EnvironmentID: testEnvID, Name: "Default", Status: api.PlanStatusInactive}}
	if err != nil || !reflect.DeepEqual(plans, want) || got.path != envPath("/propagation/plans") {
		t.Fatalf("plans %+v, err %v, path %s", plans, err, got.path)
	}

	c = setup(t, got.handler(201, `{"id":"`+testPlanID+`","name":"sfstore"}`))
	p, err := c.CreatePlan(context.Background(), testEnvID, &api.PlanRequest{Name: " sfstore "})
	if err != nil || p.ID != testPlanID || got.method != http.MethodPost || !jsonEqual(t, got.body, []byte(`{"name":"sfstore"}`)) {
		t.Errorf("plan %+v, err %v, sent %s %s", p, err, got.method, got.body)
	}

	c = setup(t, got.handler(200, `{"id":"`+testPlanID+`","name":"Default","status":"ACTIVE"}`))
	req := plans[0].Request()
	req.Status = api.PlanStatusActive
	p, err = c.UpdatePlan(context.Background(), testEnvID, testPlanID, &req)
	if err != nil || p.Status != api.PlanStatusActive || got.method != http.MethodPut ||
		got.path != envPath("/propagation/plans/"+testPlanID) || !jsonEqual(t, got.body, []byte(`{"name":"Default","status":"ACTIVE"}`)) {
		t.Errorf("plan %+v, err %v, sent %s %s %s", p, err, got.method, got.path, got.body)
	}
	if _, err := c.CreatePlan(context.Background(), testEnvID, &api.PlanRequest{}); err == nil || err.Error() != "create plan: plan name is empty" {
		t.Errorf("err = %v", err)
	}
}
