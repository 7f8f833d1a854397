package api

import (
	"fmt"
	"strings"
	"time"
)

// Error is a non-2xx answer from the PingOne API.
//
// When PingOne itself answered, ID, Code, Message and Details hold its error
// body. When something else answered (an HTML page from a proxy, plain text,
// nothing), those are empty and Body holds a short excerpt instead.
//
// All string fields are redacted: they never contain a value the client was
// told to keep secret.
//
// https://developer.pingidentity.com/pingone-api/platform/reference/error-codes.html
type Error struct {
	// Op is the call that failed, one of the Op* constants, e.g.
	// OpCreateStore. It tunes Hint; "" reads as OpCreateStore.
	Op            string
	StatusCode    int           // HTTP status code, e.g. 400
	Status        string        // HTTP status line, e.g. "400 Bad Request"
	ID            string        // PingOne error id: quote it to Ping support
	Code          string        // PingOne error code, e.g. "INVALID_DATA"
	Message       string        // PingOne error message (English, for humans)
	Details       []ErrorDetail // one entry per rejected field, when given
	CorrelationID string        // Correlation-Id response header
	RetryAfter    time.Duration // from Retry-After (seconds form), on 429
	ContentType   string        // Content-Type response header
	// Body is a short, tag-stripped excerpt of a body that was not a
	// PingOne error, or empty when it was one.
	Body string
	// HTML reports that the body was an HTML page: someone other than the
	// PingOne API answered, usually a proxy or gateway.
	HTML bool
}

// Operations, as in *Error.Op and in the prefix of every error a call
// returns ("list environments: pingone returned 403 Forbidden: ...").
const (
	OpCreateStore      = "create store"
	OpListStores       = "list stores"
	OpTestConnection   = "test connection"
	OpCreateRevision   = "create revision"
	OpListEnvironments = "list environments"
	OpGetEnvironment   = "get environment"
)

// ErrorDetail is one entry of a PingOne error's details array.
type ErrorDetail struct {
	Code       string         `json:"code"`   // e.g. "INVALID_VALUE", "REQUIRED_VALUE"
	Target     string         `json:"target"` // the field, e.g. "configuration.PROFILE_ID"
	Message    string         `json:"message"`
	InnerError map[string]any `json:"innerError,omitempty"` // e.g. allowedValues
}

// Error describes the failure in one lowercase line.
func (e *Error) Error() string {
	head := "pingone returned " + e.status()
	switch {
	case e.Code != "" || e.Message != "":
		return head + ": " + e.summary()
	case e.HTML:
		return head + " with an HTML page instead of a PingOne error (a proxy or gateway answered?)"
	case e.Body == "":
		return head + " with an empty body"
	default:
		return head + " with a body that is not a PingOne error: " + e.Body
	}
}

// summary is "CODE: message (target: detail; …)".
func (e *Error) summary() string {
	s := strings.TrimPrefix(e.Code+": "+e.Message, ": ")
	s = strings.TrimSuffix(s, ": ")
	var parts []string
	for _, d := range e.Details {
		parts = append(parts, strings.TrimPrefix(d.Target+": "+d.Message, ": "))
	}
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, "; ") + ")"
	}
	return s
}

// status is the HTTP status line, built from the code when the line is empty.
func (e *Error) status() string {
	if e.Status != "" {
		return e.Status
	}
	return fmt.Sprint(e.StatusCode)
}
