package api

import (
	"errors"
	"net/http"
	"strings"
)

// The write calls of plans, rules, mappings and the directory store, each
// built in one place for both the real call and its Describe. A builder
// returns the call whole even with an error (a refused ID or request), so
// that a Describe can show what would be sent; whatever sends must check
// the error.

// planWrite is Create Plan, or Update Plan of planID.
func planWrite(envID string, update bool, planID string, req *PlanRequest) (call, error) {
	k := call{op: OpCreatePlan, method: http.MethodPost}
	var err error
	if !update {
		k.path, err = propagationPath(envID, "plans")
	} else {
		k.op, k.method = OpUpdatePlan, http.MethodPut
		k.path, err = itemPath(envID, "plans", "plan ID", planID)
	}
	if err != nil {
		return k, opErr(k.op, err)
	}
	if req == nil {
		return k, errors.New(k.op + ": request is nil")
	}
	k.body = planBody(*req)
	return k, required(k.op, [2]string{"plan name", req.Name})
}

// ruleWrite is Create Rule (at ruleCreatePath), or Update Rule of ruleID.
func ruleWrite(envID string, update bool, ruleID string, req *RuleRequest) (call, error) {
	k := call{op: OpCreateRule, method: http.MethodPost}
	var planID string
	if req != nil {
		planID = req.PlanID
		k.body = ruleBody(envID, *req)
	}
	var err error
	if !update {
		k.path, err = ruleCreatePath(envID, planID)
	} else {
		k.op, k.method = OpUpdateRule, http.MethodPut
		k.path, err = itemPath(envID, "rules", "rule ID", ruleID)
	}
	if err != nil {
		return k, opErr(k.op, err)
	}
	return k, checkRule(k.op, req)
}

// mappingWrite is Create Mapping on rule ruleID, or Update Mapping of
// mappingID, whose body names ruleID.
func mappingWrite(envID string, update bool, ruleID, mappingID string, req *MappingRequest) (call, error) {
	k := call{op: OpCreateMapping, method: http.MethodPost}
	var err error
	rulePath, ruleErr := itemPath(envID, "rules", "rule ID", ruleID)
	bodyRule := ""
	if !update {
		k.path, err = rulePath+"/mappings", ruleErr
	} else {
		k.op, k.method, bodyRule = OpUpdateMapping, http.MethodPut, ruleID
		k.path, err = mappingPath(envID, mappingID)
		if _, idErr := segment("rule ID", ruleID); err == nil {
			err = idErr
		}
	}
	if req != nil {
		k.body = mappingBody(bodyRule, *req)
	}
	if err != nil {
		return k, opErr(k.op, err)
	}
	return k, checkMapping(k.op, req)
}

// directoryWrite is the create of the directory store named name.
func directoryWrite(envID, name string) (call, error) {
	path, err := storesPath(envID)
	k := call{op: OpCreateDirectoryStore, method: http.MethodPost, path: path,
		body: directoryStoreBody{Type: StoreTypeDirectory, Name: strings.TrimSpace(name), Configuration: map[string]any{}}}
	if err != nil {
		return k, opErr(k.op, err)
	}
	return k, required(k.op, [2]string{"store name", name})
}

// describe is the request k would be, with the token's placeholder.
func (c *Client) describe(k call) PreparedRequest {
	// Encoding cannot fail: the bodies hold only strings, booleans and
	// structs, slices and maps of them.
	p, _ := c.prepare(k.method, k.path, k.contentType, k.body)
	p.Header.Set("Authorization", bearerPlaceholder)
	return p
}

// DescribePlan returns the request CreatePlan (planID "") or UpdatePlan
// would send, built by the same code, without sending it; like
// DescribeCreate it does not refuse what the call would.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-plans/create-plan.html
func (c *Client) DescribePlan(envID, planID string, req *PlanRequest) PreparedRequest {
	k, _ := planWrite(envID, planID != "", planID, req)
	return c.describe(k)
}

// DescribeRule returns the request CreateRule (ruleID "") or UpdateRule
// would send, without sending it.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-rules/create-rule.html
func (c *Client) DescribeRule(envID, ruleID string, req *RuleRequest) PreparedRequest {
	k, _ := ruleWrite(envID, ruleID != "", ruleID, req)
	return c.describe(k)
}

// DescribeMapping returns the request CreateMapping (mappingID "") or
// UpdateMapping would send for rule ruleID, without sending it.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-mappings/create-rule-mapping.html
func (c *Client) DescribeMapping(envID, ruleID, mappingID string, req *MappingRequest) PreparedRequest {
	k, _ := mappingWrite(envID, mappingID != "", ruleID, mappingID, req)
	return c.describe(k)
}

// DescribeDirectoryStore returns the request CreateDirectoryStore would
// send, without sending it.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-stores/create-store-directory.html
func (c *Client) DescribeDirectoryStore(envID, name string) PreparedRequest {
	k, _ := directoryWrite(envID, name)
	return c.describe(k)
}

// DescribeRevision returns the request CreateRevision would send (a POST
// without a body), without sending it.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-revisions/create-revision-1.html
func (c *Client) DescribeRevision(envID string) PreparedRequest {
	path, _ := revisionsPath(envID)
	return c.describe(call{op: OpCreateRevision, method: http.MethodPost, path: path})
}
