package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sfstore/api/redact"
)

// Revision is a propagation revision: a snapshot of the environment's
// plans, stores, rules and mappings. Creating one makes API changes show in
// the PingOne admin console and starts a resynchronisation.
type Revision struct {
	ID        string         // "id"
	CreatedAt string         // "createdAt", ISO 8601
	Raw       map[string]any // the whole answer, e.g. createdBy, previousRevision
}

// CreateRevision creates a propagation revision in environment envID, so
// that a store created through the API shows in the admin console. It sends
// no body. PingOne documents 201; 200 is accepted too.
//
// The answer is decoded leniently: ID and CreatedAt are taken when they are
// strings, an empty body gives an empty Revision, and a body that is not a
// JSON object is an error. A non-2xx answer is an *Error with Op
// OpCreateRevision; the worker app needs the Environment Admin role.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-revisions/create-revision-1.html
func (c *Client) CreateRevision(ctx context.Context, envID string) (*Revision, error) {
	path, err := revisionsPath(envID)
	if err != nil {
		return nil, opErr(OpCreateRevision, err)
	}
	k := call{op: OpCreateRevision, method: http.MethodPost, path: path}
	var raw []byte
	resp, err := c.send(ctx, k, &raw)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: pingone answered %s, want 201 Created", OpCreateRevision, resp.Status)
	}
	rev := &Revision{}
	if len(bytes.TrimSpace(raw)) == 0 {
		return rev, nil
	}
	secrets := redact.List(append(append([]string(nil), c.redactions...), bearerOf(resp))...)
	if err := json.Unmarshal(raw, &rev.Raw); err != nil || rev.Raw == nil {
		return nil, fmt.Errorf("%s: pingone answered %s with a body that is not a JSON object: %s",
			OpCreateRevision, resp.Status, redact.Excerpt(raw, false, secrets...))
	}
	rev.Raw = redactAny(rev.Raw, secrets).(map[string]any)
	rev.ID, _ = rev.Raw["id"].(string)
	rev.CreatedAt, _ = rev.Raw["createdAt"].(string)
	return rev, nil
}
