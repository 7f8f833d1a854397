package api

import (
	"fmt"
	"net/http"
	"sfstore/api/endpoint"
	"sfstore/api/redact"
)

// OpGetToken is the Op of a *RedirectError met by a token request.
const OpGetToken = "get access token"

// RedirectError is a 3xx answer, from the PingOne API or its token endpoint.
//
// sfstore never follows redirects. net/http would re-send the request, body
// included, to wherever Location points, and the auth transport would add
// the bearer token again on the way: a redirect could carry every secret of
// a create to another host. So the request goes no further than the host
// that answered, and the redirect is reported instead.
type RedirectError struct {
	Op           string // the call, e.g. OpCreateStore, or OpGetToken
	StatusCode   int    // e.g. 307
	Status       string // e.g. "307 Temporary Redirect"
	LocationHost string // host[:port] that Location points to; "" without one
}

// Error reads like "pingone answered 307 Temporary Redirect, pointing to
// evil.example:8443; sfstore does not follow redirects, so nothing was sent
// there".
func (e *RedirectError) Error() string {
	status := e.Status
	if status == "" {
		status = fmt.Sprint(e.StatusCode)
	}
	if e.LocationHost == "" {
		return "pingone answered " + status + ", a redirect without a location; sfstore does not follow redirects"
	}
	return "pingone answered " + status + ", pointing to " + e.LocationHost +
		"; sfstore does not follow redirects, so nothing was sent there"
}

// Hint says what to check.
func (e *RedirectError) Hint() string {
	return "Something between sfstore and PingOne redirected the request: use PingOne's own address (for example https://api.pingone.com and https://auth.pingone.com, or the region's), and check HTTPS_PROXY. Nothing was sent to the redirect's target."
}

// newRedirectError describes a 3xx answer to a request for op by its
// status and the host of its Location (see endpoint.LocationHost).
func newRedirectError(op string, resp *http.Response, secrets []string) *RedirectError {
	return &RedirectError{Op: op, StatusCode: resp.StatusCode, Status: redact.Redact(resp.Status, secrets...),
		LocationHost: redact.Redact(endpoint.LocationHost(resp), secrets...)}
}
