package api

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"sfstore/api/redact"
	"strconv"
	"strings"
	"time"
)

// pingOneError is the documented PingOne error body.
type pingOneError struct {
	ID      string        `json:"id"`
	Code    string        `json:"code"`
	Message string        `json:"message"`
	Details []ErrorDetail `json:"details"`
}

// newError turns a non-2xx response into an *Error with every string
// redacted. The body is read up to maxErrorBody only.
func newError(resp *http.Response, secrets []string) *Error {
	// An answer may echo the request form-, URL- or JSON-encoded.
	secrets = redact.Variants(secrets)
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody+1))
	truncated := len(body) > maxErrorBody
	if truncated {
		body = body[:maxErrorBody]
	}
	e := &Error{
		StatusCode:    resp.StatusCode,
		Status:        redact.Redact(resp.Status, secrets...),
		CorrelationID: redact.Redact(resp.Header.Get("Correlation-Id"), secrets...),
		ContentType:   redact.Redact(resp.Header.Get("Content-Type"), secrets...),
		RetryAfter:    retryAfter(resp.Header.Get("Retry-After")),
	}
	var p pingOneError
	if !truncated && json.Unmarshal(body, &p) == nil && (p.Code != "" || p.Message != "") {
		e.fill(p, secrets)
		return e
	}
	e.HTML = isHTML(e.ContentType, body)
	e.Body = redact.Excerpt(body, truncated, secrets...)
	return e
}

// fill copies a PingOne error body into e, redacting every string.
func (e *Error) fill(p pingOneError, secrets []string) {
	e.ID = redact.Redact(p.ID, secrets...)
	e.Code = redact.Redact(p.Code, secrets...)
	e.Message = redact.Redact(p.Message, secrets...)
	for _, d := range p.Details {
		e.Details = append(e.Details, ErrorDetail{
			Code:       redact.Redact(d.Code, secrets...),
			Target:     redact.Redact(d.Target, secrets...),
			Message:    redact.Redact(d.Message, secrets...),
			InnerError: redactAny(d.InnerError, secrets).(map[string]any),
		})
	}
}

// redactAny redacts every string inside a decoded JSON value: innerError can
// list values (allowedValues, referencedValues) that echo the request.
func redactAny(v any, secrets []string) any {
	switch t := v.(type) {
	case string:
		return redact.Redact(t, secrets...)
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = redactAny(x, secrets)
		}
		return out
	case map[string]any:
		if t == nil {
			return t
		}
		out := make(map[string]any, len(t))
		for k, x := range t {
			out[redact.Redact(k, secrets...)] = redactAny(x, secrets)
		}
		return out
	}
	return v
}

// retryAfter parses the seconds form of Retry-After, the form PingOne
// documents; anything else gives 0 (unknown).
func retryAfter(v string) time.Duration {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 {
		return 0
	}
	return time.Duration(n) * time.Second
}

// isHTML reports whether a body is an HTML page, by header or by sniffing,
// since proxies do not always label their pages.
func isHTML(contentType string, body []byte) bool {
	if mt, _, err := mime.ParseMediaType(contentType); err == nil && strings.Contains(mt, "html") {
		return true
	}
	head := bytes.ToLower(bytes.TrimSpace(body[:min(len(body), 512)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}
