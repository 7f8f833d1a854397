package api

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
)

// Plan status values. PingOne documents only INACTIVE (the default); the
// active value is UNCONFIRMED and taken, by analogy with stores, to be
// ACTIVE. Compare with strings.EqualFold.
const (
	PlanStatusActive   = "ACTIVE"
	PlanStatusInactive = "INACTIVE"
)

// Plan is a propagation plan. PingOne allows one plan per environment; it
// owns the rules, and "is recognized by the provisioning engine when it
// has an active status and it defines at least one rule".
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-plans.html
type Plan struct {
	ID            string
	EnvironmentID string
	Name          string
	Status        string // PlanStatusActive or PlanStatusInactive ("" reads as INACTIVE)
	CreatedAt     string // ISO 8601, when PingOne gives it
	UpdatedAt     string
}

// PlanRequest is the body of a plan create or update (a full replace).
// Name is required; an empty Status is left out, which PingOne reads as
// INACTIVE.
type PlanRequest struct {
	Name   string
	Status string
}

// planWire is a plan as PingOne sends and reads it.
type planWire struct {
	ID          string     `json:"id,omitempty"`
	Environment *ObjectRef `json:"environment,omitempty"`
	Name        string     `json:"name"`
	Status      string     `json:"status,omitempty"`
	CreatedAt   string     `json:"createdAt,omitempty"`
	UpdatedAt   string     `json:"updatedAt,omitempty"`
}

func (w *planWire) plan() Plan {
	return Plan{ID: w.ID, EnvironmentID: idOf(w.Environment), Name: w.Name, Status: w.Status,
		CreatedAt: w.CreatedAt, UpdatedAt: w.UpdatedAt}
}

// planBody is the wire body of req.
func planBody(req PlanRequest) planWire {
	return planWire{Name: strings.TrimSpace(req.Name), Status: req.Status}
}

// Request returns the plan as a request, to change one field in a full
// replace.
func (p Plan) Request() PlanRequest { return PlanRequest{Name: p.Name, Status: p.Status} }

// ListPlans returns the propagation plans of environment envID: none, or
// the one PingOne allows. A non-2xx answer is an *Error with Op
// OpListPlans.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-plans/read-all-plans.html
func (c *Client) ListPlans(ctx context.Context, envID string) ([]Plan, error) {
	path, err := propagationPath(envID, "plans")
	if err != nil {
		return nil, opErr(OpListPlans, err)
	}
	return listOf(ctx, c, call{op: OpListPlans, method: http.MethodGet, path: path}, "plans", "plan",
		func(r json.RawMessage) (Plan, error) {
			var w planWire
			err := json.Unmarshal(r, &w)
			return w.plan(), err
		})
}

// CreatePlan creates the propagation plan of environment envID. PingOne
// allows one per environment: list them first and reuse the one there is,
// since a second is refused (or ignored). PingOne answers 201.
//
// A refusal is an *Error with Op OpCreatePlan. When the request may have
// reached PingOne without a usable answer (timeout, reset, 5xx, a 2xx
// without a plan), the error is an *OutcomeUnknownError: list the plans
// with ListPlans before trying again.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-plans/create-plan.html
func (c *Client) CreatePlan(ctx context.Context, envID string, req *PlanRequest) (*Plan, error) {
	k, err := planWrite(envID, false, "", req)
	if err != nil {
		return nil, err
	}
	return planChange(ctx, c, k, change{name: req.Name, resource: "plan",
		readBack: "list the environment's propagation plans and reuse the one there"})
}

// UpdatePlan replaces plan planID of environment envID with req (a full
// replace: send the name too), e.g. to set Status to PlanStatusActive.
// PingOne answers 200 with the plan.
//
// A refusal is an *Error with Op OpUpdatePlan (404: no such plan). When
// the request may have reached PingOne without a usable answer, the error
// is an *OutcomeUnknownError: list the plans again before trying again.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-plans/update-plan.html
func (c *Client) UpdatePlan(ctx context.Context, envID, planID string, req *PlanRequest) (*Plan, error) {
	k, err := planWrite(envID, true, planID, req)
	if err != nil {
		return nil, err
	}
	return planChange(ctx, c, k, change{name: req.Name, id: strings.TrimSpace(planID), resource: "plan",
		readBack: "read the environment's propagation plans again to see whether the change is in"})
}

// planChange makes a plan create or update.
func planChange(ctx context.Context, c *Client, k call, ch change) (*Plan, error) {
	w, err := changeOne(ctx, c, k, ch, func(w *planWire) string { return w.ID })
	if err != nil {
		return nil, err
	}
	p := w.plan()
	return &p, nil
}
