package simulator

import (
	"net/http"
	"strconv"
)

// RetryAfterSeconds is the Retry-After a canned 429 carries.
const RetryAfterSeconds = 30

// Failure is a canned answer that replaces the next API response.
type Failure struct {
	Status      int
	ContentType string
	Body        string
}

// Failures are canned failures for tests and the demo, by name:
// "429" rate limited, "500" PingOne error, "502-html" a proxy's HTML page,
// "503-empty" an empty body.
var Failures = map[string]Failure{
	"429": {http.StatusTooManyRequests, "application/json",
		`{"id":"1b5b4bb6-2f0a-4c43-9d4b-3f0d0c7c2e61","code":"REQUEST_LIMITED","message":"The request could not be completed. The request was rate limited.","details":[{"code":"LIMIT_EXCEEDED","message":"Too many requests. Retry after the time given in the Retry-After header."}]}`},
	"500": {http.StatusInternalServerError, "application/json",
		`{"id":"7e3c9a52-8d21-4f6b-b0a4-5c2e9f1d8a37","code":"UNEXPECTED_ERROR","message":"An unexpected error occurred."}`},
	"502-html": {http.StatusBadGateway, "text/html",
		"<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title><style>body{font-family:sans-serif}</style></head>\n<body><h1>Bad Gateway</h1><p>The proxy server received an invalid response from an upstream server.</p><hr><address>corp-proxy/2.4</address></body></html>\n"},
	"503-empty": {http.StatusServiceUnavailable, "", ""},
}

// FailWith makes the next API response (any path under /v1/, not the token
// endpoint) the given canned answer instead of the real one. A 429 also
// carries Retry-After: RetryAfterSeconds.
func (s *Server) FailWith(status int, contentType, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failNext = &Failure{Status: status, ContentType: contentType, Body: body}
}

// serveFailure writes and clears the pending canned failure, if any.
func (s *Server) serveFailure(w http.ResponseWriter) bool {
	s.mu.Lock()
	f := s.failNext
	s.failNext = nil
	s.mu.Unlock()
	if f == nil {
		return false
	}
	if f.ContentType != "" {
		w.Header().Set("Content-Type", f.ContentType)
	}
	if f.Status == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", strconv.Itoa(RetryAfterSeconds))
	}
	w.WriteHeader(f.Status)
	_, _ = w.Write([]byte(f.Body))
	return true
}
