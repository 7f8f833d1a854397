package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sfstore/api/redact"
	"slices"
	"strings"
)

// Operations on plans, rules, mappings, populations, revisions and store
// metadata, as in *Error.Op, *OutcomeUnknownError.Op and the prefix of
// every error these calls return.
const (
	OpListPlans            = "list plans"
	OpCreatePlan           = "create plan"
	OpUpdatePlan           = "update plan"
	OpListRules            = "list rules"
	OpGetRule              = "get rule"
	OpCreateRule           = "create rule"
	OpUpdateRule           = "update rule"
	OpListMappings         = "list mappings"
	OpCreateMapping        = "create mapping"
	OpUpdateMapping        = "update mapping"
	OpDeleteMapping        = "delete mapping"
	OpListPopulations      = "list populations"
	OpGetLatestRevision    = "get latest revision"
	OpStoreMetadata        = "get store metadata"
	OpCreateDirectoryStore = "create directory store"
)

// propagationPath is collection (e.g. "rules") under envID's propagation
// API, relative to "/v1/", or an error naming the environment ID.
func propagationPath(envID, collection string) (string, error) {
	p, err := envPath(envID)
	return p + "/propagation/" + collection, err
}

// itemPath is item id of collection under envID's propagation API; field
// names the ID in an error, e.g. "rule ID".
func itemPath(envID, collection, field, id string) (string, error) {
	p, err := propagationPath(envID, collection)
	seg, idErr := segment(field, id)
	if err == nil {
		err = idErr
	}
	return p + "/" + seg, err
}

// answer says which 2xx statuses carry a call's resource and how the call
// fails otherwise; see storeAnswer, which it generalises to any resource
// with an id (what names it in messages: "rule", "mapping").
type answer struct {
	storeAnswer
	what string
}

// readOne decodes the 2xx answer to a call answered by one resource into
// a new T, whose id is given by id. Like readStore: anything but one of
// a.statuses with a JSON object that has an id is a.fail.
func readOne[T any](resp *http.Response, body []byte, secrets []string, a answer, id func(*T) string) (*T, error) {
	answered := "pingone answered " + resp.Status
	if !slices.Contains(a.statuses, resp.StatusCode) {
		return nil, a.fail(answered+a.wrongStatus, nil)
	}
	if t := bytes.TrimSpace(body); len(t) == 0 || string(t) == "null" {
		return nil, a.fail(answered+" "+a.missing, ErrEmptyResponse)
	}
	v := new(T)
	if err := json.Unmarshal(body, v); err != nil {
		// An HTML page from a proxy lands here: quote a masked excerpt.
		return nil, a.fail(answered+" with a body that does not decode",
			redact.Err(fmt.Errorf("decode pingone response: %w: %s", err, redact.Excerpt(body, false, secrets...)), secrets))
	}
	if strings.TrimSpace(id(v)) == "" {
		return nil, a.fail(answered+" with a "+a.what+" that has no id", nil)
	}
	return v, nil
}

// getOne makes call k, which changes nothing and is answered 200 by one
// resource (see readOne).
func getOne[T any](ctx context.Context, c *Client, k call, what string, id func(*T) string) (*T, error) {
	var raw []byte
	resp, err := c.send(ctx, k, &raw)
	if err != nil {
		return nil, err
	}
	return readOne(resp, raw, c.secretsOf(resp, k), answer{what: what, storeAnswer: storeAnswer{
		statuses: []int{http.StatusOK}, wrongStatus: ", want 200 OK", missing: "without the " + what,
		fail: plainFail(k.op)}}, id)
}

// changeOne makes call k, a create (want 201) or an update (want 200)
// answered by one resource. Any failure after the request may have gone
// out, a 2xx without a usable resource included, is an
// *OutcomeUnknownError about ch.
func changeOne[T any](ctx context.Context, c *Client, k call, ch change, id func(*T) string) (*T, error) {
	var raw []byte
	resp, secrets, err := c.sendChange(ctx, k, ch, &raw)
	if err != nil {
		return nil, err
	}
	a := answer{what: ch.resource, storeAnswer: storeAnswer{
		statuses: []int{http.StatusOK}, wrongStatus: ", want 200 OK", missing: "without the " + ch.resource,
		fail: ch.failUnknown(k)}}
	if k.method == http.MethodPost {
		// PingOne documents 201 for its creates; 200 carries the resource
		// as well.
		a.statuses, a.wrongStatus = []int{http.StatusCreated, http.StatusOK}, " instead of 201 Created"
	}
	return readOne(resp, raw, secrets, a, id)
}

// deleteOne makes call k, a DELETE PingOne answers 204 (200 accepted).
// A failure after the request may have gone out is an
// *OutcomeUnknownError about ch.
func (c *Client) deleteOne(ctx context.Context, k call, ch change) error {
	var raw []byte
	resp, _, err := c.sendChange(ctx, k, ch, &raw)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusNoContent && resp.StatusCode != http.StatusOK {
		return ch.unknown(k, "pingone answered "+resp.Status+" instead of 204 No Content", nil)
	}
	return nil
}

// listOf gets every item of a collection (c.list) and decodes each into a
// T with decode, naming the item by index in an error.
func listOf[T any](ctx context.Context, c *Client, k call, key, what string, decode func(json.RawMessage) (T, error)) ([]T, error) {
	var out []T
	err := c.list(ctx, k, key, func(next func(any) error) error {
		var r json.RawMessage
		if err := next(&r); err != nil {
			return fmt.Errorf("decode %s %d: %w", what, len(out), err)
		}
		v, err := decode(r)
		if err != nil {
			// The message of a type error names fields, never values.
			return fmt.Errorf("%s: decode %s %d: %w", k.op, what, len(out), err)
		}
		out = append(out, v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// secretsOf is every value to redact from the answer to k.
func (c *Client) secretsOf(resp *http.Response, k call) []string {
	return redact.List(append(append(append([]string(nil), c.redactions...), k.secrets...), bearerOf(resp))...)
}

// plainFail is a storeAnswer's fail for a call that changes nothing.
func plainFail(op string) func(reason string, err error) error {
	return func(reason string, err error) error {
		if err == nil {
			return fmt.Errorf("%s: %s", op, reason)
		}
		return fmt.Errorf("%s: %s: %w", op, reason, err)
	}
}

// idOf returns the ID of an optional reference.
func idOf(r *ObjectRef) string {
	if r == nil {
		return ""
	}
	return r.ID
}

// refTo is a reference to id, or nil for an empty id (left out).
func refTo(id string) *ObjectRef {
	if strings.TrimSpace(id) == "" {
		return nil
	}
	return &ObjectRef{ID: strings.TrimSpace(id)}
}

// required refuses an empty value of a request, naming its field.
func required(op string, fields ...[2]string) error {
	for _, f := range fields {
		if strings.TrimSpace(f[1]) == "" {
			return fmt.Errorf("%s: %s is empty", op, f[0])
		}
	}
	return nil
}

// notFound names what a 404 of each propagation call did not find.
var notFound = map[string]string{
	OpUpdatePlan:    "no such plan",
	OpGetRule:       "no such rule",
	OpUpdateRule:    "no such rule",
	OpListMappings:  "no such rule",
	OpCreateMapping: "no such rule",
	OpUpdateMapping: "no such mapping",
	OpDeleteMapping: "no such mapping",
}

// propagationHint is Hint for the plan, rule and mapping calls, or "" to
// fall back on the general hints.
func (e *Error) propagationHint() string {
	if e.HTML {
		return ""
	}
	switch {
	case e.StatusCode == 404 && notFound[e.Op] != "":
		return "PingOne found " + notFound[e.Op] + " in this environment (deleted?): read the rules and mappings again and start from what is there."
	case e.StatusCode == 400 && (e.Op == OpCreateMapping || e.Op == OpUpdateMapping):
		return "PingOne refused the mapping: check that the target attribute exists in Salesforce (the store metadata lists them) and that the mapping has either a source attribute or an expression."
	case e.StatusCode == 400 && e.Op == OpCreatePlan:
		return "PingOne refused the plan: an environment has only one plan; list the plans and reuse it."
	case e.StatusCode == 400 && (e.Op == OpCreateRule || e.Op == OpUpdateRule):
		return "PingOne refused the rule: fix the fields listed; an active rule needs its target store enabled (ACTIVE) first."
	}
	return ""
}
