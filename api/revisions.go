package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sfstore/api/redact"
	"time"
)

// OpGetLatestRevision's special ID: "The string id:latest is a special
// identifier", sent with the colon escaped as Ping's own curl does.
const latestRevisionSegment = "id%3Alatest"

// Revision is a propagation revision: a snapshot of the environment's
// plans, stores, rules and mappings. Creating one makes API changes show in
// the PingOne admin console and starts a resynchronisation.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-revisions.html
type Revision struct {
	ID                 string         // "id"
	CreatedAt          string         // "createdAt", ISO 8601
	CreatedBy          string         // "createdBy": the actor, when given as a string or {"id":…}
	EnvironmentID      string         // "environment.id"
	PreviousRevisionID string         // "previousRevision.id"
	Raw                map[string]any // the whole answer, secrets redacted
	// None is set by GetLatestRevision when the environment has no
	// revision yet (PingOne answered 404): nothing was ever published.
	None bool
}

// Covers reports whether the revision was created at or after every one
// of updatedAt (ISO 8601 times, e.g. the UpdatedAt of a store, a rule and
// its mappings): whether it publishes them. Empty times are skipped; a
// revision that is None, or a time that does not parse, is not covered,
// so that doubt reads as "not published".
func (r *Revision) Covers(updatedAt ...string) bool {
	if r == nil || r.None {
		return false
	}
	created, err := ParseTime(r.CreatedAt)
	if err != nil {
		return false
	}
	for _, u := range updatedAt {
		if u == "" {
			continue
		}
		t, err := ParseTime(u)
		if err != nil || t.After(created) {
			return false
		}
	}
	return true
}

// ParseTime parses a PingOne timestamp (RFC 3339, e.g.
// "2024-01-02T03:04:05.006Z").
func ParseTime(s string) (time.Time, error) {
	return time.Parse(time.RFC3339Nano, s)
}

// CreateRevision creates a propagation revision in environment envID
// ("publish"): API changes then show in the admin console, and PingOne
// starts a resynchronisation of the environment's stores. It sends no
// body. PingOne documents 201; 200 is accepted too.
//
// The answer is decoded leniently (see GetLatestRevision): an empty body
// gives an empty Revision, and a body that is not a JSON object is an
// error. A non-2xx answer is an *Error with Op OpCreateRevision; the
// worker app needs the Environment Admin role. When the request may have
// reached PingOne without an answer (timeout, reset, 5xx), the error is an
// *OutcomeUnknownError: read GetLatestRevision before publishing again.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-revisions/create-revision-1.html
func (c *Client) CreateRevision(ctx context.Context, envID string) (*Revision, error) {
	path, err := revisionsPath(envID)
	if err != nil {
		return nil, opErr(OpCreateRevision, err)
	}
	k := call{op: OpCreateRevision, method: http.MethodPost, path: path}
	ch := change{resource: "revision",
		readBack: "read the environment's latest revision and compare its time with the time of the request"}
	var raw []byte
	resp, secrets, err := c.sendChange(ctx, k, ch, &raw)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: pingone answered %s, want 201 Created", OpCreateRevision, resp.Status)
	}
	return decodeRevision(OpCreateRevision, resp.Status, raw, secrets)
}

// GetLatestRevision returns the latest propagation revision of environment
// envID (revisions/id:latest), to tell whether changes are published
// (Revision.Covers). When there is none yet, PingOne's 404 gives a
// Revision with None set, not an error (a 404 for an environment that
// does not exist reads the same: check the environment first).
//
// A 200 is decoded leniently: ID, CreatedAt and the others are taken when
// they are strings, an empty body gives an empty Revision, and a body that
// is not a JSON object (an HTML page from a proxy) is an error. Another
// non-2xx answer is an *Error with Op OpGetLatestRevision.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-revisions/read-latest-revision.html
func (c *Client) GetLatestRevision(ctx context.Context, envID string) (*Revision, error) {
	path, err := revisionsPath(envID)
	if err != nil {
		return nil, opErr(OpGetLatestRevision, err)
	}
	k := call{op: OpGetLatestRevision, method: http.MethodGet, path: path + "/" + latestRevisionSegment}
	var raw []byte
	resp, err := c.send(ctx, k, &raw)
	var apiErr *Error
	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound && !apiErr.HTML {
		return &Revision{None: true}, nil
	}
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: pingone answered %s, want 200 OK", OpGetLatestRevision, resp.Status)
	}
	return decodeRevision(OpGetLatestRevision, resp.Status, raw, c.secretsOf(resp, k))
}

// decodeRevision reads a revision leniently, every string redacted.
func decodeRevision(op, status string, raw []byte, secrets []string) (*Revision, error) {
	rev := &Revision{}
	if len(bytes.TrimSpace(raw)) == 0 {
		return rev, nil
	}
	if err := json.Unmarshal(raw, &rev.Raw); err != nil || rev.Raw == nil {
		return nil, fmt.Errorf("%s: pingone answered %s with a body that is not a JSON object: %s",
			op, status, redact.Excerpt(raw, false, secrets...))
	}
	rev.Raw = redactAny(rev.Raw, secrets).(map[string]any)
	rev.ID, _ = rev.Raw["id"].(string)
	rev.CreatedAt, _ = rev.Raw["createdAt"].(string)
	rev.CreatedBy = refString(rev.Raw["createdBy"])
	rev.EnvironmentID = refString(rev.Raw["environment"])
	rev.PreviousRevisionID = refString(rev.Raw["previousRevision"])
	return rev, nil
}

// refString is a reference given as a string or as {"id": "…"}.
func refString(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case map[string]any:
		s, _ := t["id"].(string)
		return s
	}
	return ""
}
