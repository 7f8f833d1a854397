package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sfstore/api/redact"
	"strings"
)

// ConnectionCheckContentType is the custom media type of Test Connection
// Configuration requests.
const ConnectionCheckContentType = "application/vnd.pingidentity.connection.check+json"

// ConnectionResult is PingOne's answer to a connection check that it
// accepted (2xx). Its shape is undocumented ("200, no schema"), so it is read
// leniently; see TestConnection.
type ConnectionResult struct {
	OK      bool           // PingOne accepted the configuration
	Message string         // PingOne's reason or comment, if it gave one
	Raw     map[string]any // the JSON object answered, if any, secrets redacted
}

// TestConnection asks PingOne whether the store req, proposed or already
// stored, would connect to Salesforce; nothing is created or changed. It sends the store as
// CreateSalesforceStore would (Type defaulted to "Salesforce") with the
// Content-Type ConnectionCheckContentType. To test a stored store, pass
// Store.Request of the store GetStore returned: the same body. A secret
// that LooksMasked (not an empty one) is refused before sending, with an
// error wrapping ErrMaskedSecret.
//
// How the answer is read, since PingOne documents no response schema
// (UNCONFIRMED):
//   - a non-2xx answer is a failed check, returned as an *Error with Op
//     OpTestConnection (400 REQUEST_FAILED: could not connect; 400
//     INVALID_DATA: the Details name the fields), and no result;
//   - a 2xx answer means PingOne accepted the configuration: OK is true,
//     unless a "status" (or "result", "connectionStatus") field reads like a
//     failure (FAILED, FAILURE, ERROR, UNSUCCESSFUL, DISCONNECTED, INVALID,
//     or a number ≥ 400) or a "success" (or "connected", "ok") field is
//     false;
//   - Message is the first of "message", "details" (a string, or the message
//     of its first entry) and "status" that is present;
//   - an empty body is a plain OK; a body that is not JSON (an HTML page
//     from a proxy) is an error, not a success.
//
// Message and Raw have every known secret redacted.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-stores/test-connection-configuration.html
func (c *Client) TestConnection(ctx context.Context, envID string, req *CreateSalesforceStoreRequest) (*ConnectionResult, error) {
	path, err := storesPath(envID)
	if err != nil {
		return nil, opErr(OpTestConnection, err)
	}
	if req == nil {
		return nil, errors.New(OpTestConnection + ": request is nil")
	}
	if err := checkSecrets(OpTestConnection, req, false); err != nil {
		return nil, err
	}
	body := proposedStore(req)
	k := call{op: OpTestConnection, method: http.MethodPost, path: path + "/connection/status",
		contentType: ConnectionCheckContentType, body: body, secrets: body.Configuration.Secrets(),
		read: true} // the check changes nothing, so it is retried as a read
	var raw []byte
	resp, err := c.send(ctx, k, &raw)
	if err != nil {
		return nil, err
	}
	secrets := redact.List(append(append([]string(nil), c.redactions...), append(k.secrets, bearerOf(resp))...)...)
	return readConnectionResult(resp.Status, raw, secrets)
}

// readConnectionResult reads a 2xx answer to a connection check.
func readConnectionResult(status string, body []byte, secrets []string) (*ConnectionResult, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return &ConnectionResult{OK: true}, nil
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return nil, fmt.Errorf("%s: pingone answered %s with a body that is not JSON (a proxy or gateway answered?): %s",
			OpTestConnection, status, redact.Excerpt(body, false, secrets...))
	}
	switch t := redactAny(v, secrets).(type) {
	case map[string]any:
		return &ConnectionResult{OK: !reportsFailure(t), Message: firstMessage(t), Raw: t}, nil
	case string:
		return &ConnectionResult{OK: true, Message: t}, nil
	}
	return &ConnectionResult{OK: true}, nil
}

// failureWords are status values that mean the check failed.
var failureWords = []string{"FAILED", "FAILURE", "ERROR", "UNSUCCESSFUL", "DISCONNECTED", "INVALID"}

// reportsFailure reports whether a 2xx body still says the check failed.
func reportsFailure(m map[string]any) bool {
	for _, k := range []string{"status", "result", "connectionStatus"} {
		switch v := m[k].(type) {
		case string:
			for _, w := range failureWords {
				if strings.EqualFold(strings.TrimSpace(v), w) {
					return true
				}
			}
		case float64:
			if v >= 400 {
				return true
			}
		}
	}
	for _, k := range []string{"success", "connected", "ok"} {
		if b, ok := m[k].(bool); ok && !b {
			return true
		}
	}
	return false
}

// firstMessage picks the most telling text of a lenient answer.
func firstMessage(m map[string]any) string {
	if s, ok := m["message"].(string); ok && s != "" {
		return s
	}
	switch d := m["details"].(type) {
	case string:
		if d != "" {
			return d
		}
	case []any:
		if len(d) > 0 {
			if first, ok := d[0].(map[string]any); ok {
				if s, ok := first["message"].(string); ok && s != "" {
					return s
				}
			}
		}
	}
	if s, ok := m["status"].(string); ok {
		return s
	}
	return ""
}
