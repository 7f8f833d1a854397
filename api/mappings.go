package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// MappingTypeUser is the attributeMappingType of a user attribute mapping,
// the documented example's value (the data model calls the field a
// Boolean; the examples send this string). The group value is UNCONFIRMED.
const MappingTypeUser = "userAttributeMapping"

// Mapping is an attribute mapping of a rule: TargetAttribute (a Salesforce
// User field) gets SourceAttribute (a PingOne user attribute) or the value
// of Expression (PingOne Expression Language), never both.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-mappings.html
type Mapping struct {
	ID              string
	RuleID          string
	Name            string
	SourceAttribute string
	Expression      string
	TargetAttribute string
	Type            string // attributeMappingType, e.g. MappingTypeUser
	CreatedAt       string
	UpdatedAt       string
}

// MappingRequest is the body of a mapping create or update (a full
// replace). TargetAttribute and exactly one of SourceAttribute and
// Expression are required; Name is documented as required (though the
// documented examples omit it): send one. An empty Type is sent as
// MappingTypeUser.
type MappingRequest struct {
	Name            string
	SourceAttribute string
	Expression      string
	TargetAttribute string
	Type            string
}

// Request returns the mapping as a request, for a full replace.
func (m Mapping) Request() MappingRequest {
	return MappingRequest{Name: m.Name, SourceAttribute: m.SourceAttribute, Expression: m.Expression,
		TargetAttribute: m.TargetAttribute, Type: m.Type}
}

// mappingWire is a mapping as PingOne sends and reads it.
type mappingWire struct {
	ID              string     `json:"id,omitempty"`
	Environment     *ObjectRef `json:"environment,omitempty"`
	Rule            *ObjectRef `json:"rule,omitempty"`
	Name            string     `json:"name,omitempty"`
	SourceAttribute string     `json:"sourceAttribute,omitempty"`
	Expression      string     `json:"expression,omitempty"`
	TargetAttribute string     `json:"targetAttribute"`
	Type            looseText  `json:"attributeMappingType,omitempty"`
	CreatedAt       string     `json:"createdAt,omitempty"`
	UpdatedAt       string     `json:"updatedAt,omitempty"`
}

func (w *mappingWire) mapping() Mapping {
	return Mapping{ID: w.ID, RuleID: idOf(w.Rule), Name: w.Name, SourceAttribute: w.SourceAttribute,
		Expression: w.Expression, TargetAttribute: w.TargetAttribute, Type: string(w.Type),
		CreatedAt: w.CreatedAt, UpdatedAt: w.UpdatedAt}
}

// looseText is a string PingOne documents with two types: a JSON string is
// taken as it is, a boolean or number as its JSON text, anything else as "".
type looseText string

func (t *looseText) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		*t = looseText(s)
		return nil
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	switch v.(type) {
	case bool, float64:
		*t = looseText(string(b))
	default:
		*t = ""
	}
	return nil
}

// mappingBody is the wire body of req. The rule is named on an update
// (rule.id is required there); on a create it is in the path, as in the
// documented example.
func mappingBody(ruleID string, req MappingRequest) mappingWire {
	typ := req.Type
	if typ == "" {
		typ = MappingTypeUser
	}
	return mappingWire{Rule: refTo(ruleID), Name: strings.TrimSpace(req.Name),
		SourceAttribute: strings.TrimSpace(req.SourceAttribute), Expression: req.Expression,
		TargetAttribute: strings.TrimSpace(req.TargetAttribute), Type: looseText(typ)}
}

// checkMapping refuses what PingOne documents as invalid, naming the
// field: no target, or not exactly one of source and expression.
func checkMapping(op string, req *MappingRequest) error {
	if req == nil {
		return errors.New(op + ": request is nil")
	}
	if err := required(op, [2]string{"mapping target attribute", req.TargetAttribute}); err != nil {
		return err
	}
	src, expr := strings.TrimSpace(req.SourceAttribute) != "", strings.TrimSpace(req.Expression) != ""
	switch {
	case src && expr:
		return fmt.Errorf("%s: mapping for %s has both a source attribute and an expression; give one", op, req.TargetAttribute)
	case !src && !expr:
		return fmt.Errorf("%s: mapping for %s has neither a source attribute nor an expression; give one", op, req.TargetAttribute)
	}
	return nil
}

// ListRuleMappings returns the attribute mappings of rule ruleID of
// environment envID. A mapping whose answer names no rule gets ruleID. A
// non-2xx answer is an *Error with Op OpListMappings.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-mappings/read-one-rule-mappings.html
func (c *Client) ListRuleMappings(ctx context.Context, envID, ruleID string) ([]Mapping, error) {
	path, err := itemPath(envID, "rules", "rule ID", ruleID)
	if err != nil {
		return nil, opErr(OpListMappings, err)
	}
	k := call{op: OpListMappings, method: http.MethodGet, path: path + "/mappings"}
	return listOf(ctx, c, k, "mappings", "mapping", func(raw json.RawMessage) (Mapping, error) {
		var w mappingWire
		err := json.Unmarshal(raw, &w)
		m := w.mapping()
		if m.RuleID == "" {
			m.RuleID = strings.TrimSpace(ruleID)
		}
		return m, err
	})
}

// CreateMapping adds an attribute mapping to rule ruleID of environment
// envID; there is one request per mapping (no bulk endpoint). PingOne
// answers 201.
//
// A refused mapping (400 with Details, e.g. a target attribute Salesforce
// does not have) is an *Error with Op OpCreateMapping. When the request
// may have reached PingOne without a usable answer, the error is an
// *OutcomeUnknownError: list the rule's mappings and look for the target
// before trying again.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-mappings/create-rule-mapping.html
func (c *Client) CreateMapping(ctx context.Context, envID, ruleID string, req *MappingRequest) (*Mapping, error) {
	k, err := mappingWrite(envID, false, ruleID, "", req)
	if err != nil {
		return nil, err
	}
	return withRule(mappingResult(changeOne(ctx, c, k, mappingChange(req, ruleID, ""), wireMappingID)))(ruleID)
}

// UpdateMapping replaces mapping mappingID of rule ruleID in environment
// envID with req (a full PUT; rule.id is sent as PingOne requires).
// PingOne answers 200 with the mapping.
//
// A refusal is an *Error with Op OpUpdateMapping. When the request may
// have reached PingOne without a usable answer, the error is an
// *OutcomeUnknownError: list the rule's mappings again.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-mappings/update-mapping.html
func (c *Client) UpdateMapping(ctx context.Context, envID, ruleID, mappingID string, req *MappingRequest) (*Mapping, error) {
	k, err := mappingWrite(envID, true, ruleID, mappingID, req)
	if err != nil {
		return nil, err
	}
	return withRule(mappingResult(changeOne(ctx, c, k, mappingChange(req, ruleID, mappingID), wireMappingID)))(ruleID)
}

// DeleteMapping deletes mapping mappingID of environment envID. PingOne
// answers 204; a mapping that does not exist is an *Error with StatusCode
// 404. When the request may have reached PingOne without a usable answer,
// the error is an *OutcomeUnknownError: list the rule's mappings again.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-mappings/delete-mapping.html
func (c *Client) DeleteMapping(ctx context.Context, envID, mappingID string) error {
	path, err := mappingPath(envID, mappingID)
	if err != nil {
		return opErr(OpDeleteMapping, err)
	}
	id := strings.TrimSpace(mappingID)
	return c.deleteOne(ctx, call{op: OpDeleteMapping, method: http.MethodDelete, path: path},
		change{id: id, resource: "mapping", readBack: "list the rule's mappings and look for mapping " + id})
}

// mappingPath is mapping mappingID of envID, for a read, an update and a
// delete.
//
// The community SDK's OpenAPI spells the delete path singular,
// …/propagation/mapping/{mappingID}, and every other mapping path plural.
// The plural is used for the delete too: PingOne's own Read One and Update
// Mapping pages use …/propagation/mappings/{mappingID}, every other
// PingOne collection deletes at the path it reads, and the same generated
// spec has other slips (it names the rule update's parameter {storeID}).
// UNCONFIRMED against a live tenant; a 404 would show it.
func mappingPath(envID, mappingID string) (string, error) {
	return itemPath(envID, "mappings", "mapping ID", mappingID)
}

// mappingChange describes a mapping create or update, for an unknown
// outcome.
func mappingChange(req *MappingRequest, ruleID, id string) change {
	return change{name: req.Name, id: strings.TrimSpace(id), resource: "mapping",
		readBack: "list the mappings of rule " + strings.TrimSpace(ruleID) + " and look for the one of " + quote(req.TargetAttribute)}
}

func wireMappingID(w *mappingWire) string { return w.ID }

func mappingResult(w *mappingWire, err error) (*Mapping, error) {
	if err != nil {
		return nil, err
	}
	m := w.mapping()
	return &m, nil
}

// withRule gives a mapping whose answer names no rule the rule it was
// sent to.
func withRule(m *Mapping, err error) func(ruleID string) (*Mapping, error) {
	return func(ruleID string) (*Mapping, error) {
		if m != nil && m.RuleID == "" {
			m.RuleID = strings.TrimSpace(ruleID)
		}
		return m, err
	}
}
