package api

import (
	"net/http"
	"sfstore/api/redact"
)

// PreparedRequest is an API request exactly as the client would send it,
// for a dry run: what to show, log or replay with curl. Nothing is fetched
// to build one, so the Authorization header holds the placeholder
// "Bearer ••••" instead of a token.
//
// Body holds the secrets in clear, as the real request does: show Masked,
// or replay with Curl, never the Body itself.
type PreparedRequest struct {
	Method string
	URL    string
	Header http.Header
	Body   []byte
}

// bearerPlaceholder stands in for the access token of a dry run.
const bearerPlaceholder = "Bearer " + redact.MaskPrefix

// DescribeCreate returns the request CreateSalesforceStore would send for
// envID and req, built by the same code, without sending it or getting a
// token. Unlike CreateSalesforceStore it does not refuse an empty envID or
// a nil req (a nil req reads as an empty one): it only describes.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-stores/create-store-salesforce.html
func (c *Client) DescribeCreate(envID string, req *CreateSalesforceStoreRequest) PreparedRequest {
	// Only describes: the request is shown even for an envID that
	// CreateSalesforceStore would refuse.
	k, _ := createCall(envID, req)
	// Encoding cannot fail: the request holds only strings, booleans and
	// structs and maps of them.
	p, _ := c.prepare(k.method, k.path, k.contentType, k.body)
	p.Header.Set("Authorization", bearerPlaceholder)
	return p
}

// Masked returns a copy fit to show: the Authorization header as
// "Bearer ••••" plus, for a real token of 12 characters or more, its last
// four; Cookie and other credential headers as "••••"; and in the body
// every value under a secret key (CLIENT_SECRET, OAUTH_ACCESS_TOKEN,
// OAUTH_REFRESH_TOKEN, client_secret, ... at any depth) replaced by its
// Mask, found by parsing the body, not by searching for the values. On top
// of that, each of secrets, and each value so found, is masked by Redact
// wherever else it appears (URL, headers, other fields).
//
// A JSON body keeps its key order and compact layout.
func (p PreparedRequest) Masked(secrets ...string) PreparedRequest {
	ct := p.Header.Get("Content-Type")
	all := append(append(append([]string(nil), secrets...), redact.HeaderSecrets(p.Header)...), redact.BodySecrets(ct, p.Body)...)
	all = redact.Variants(append(all, redact.URLSecrets(p.URL)...))
	out := PreparedRequest{Method: p.Method, URL: redact.URL(p.URL, all), Header: redact.Header(p.Header, all)}
	if p.Body != nil {
		masked, _ := redact.Body(ct, p.Body, all, false, -1)
		out.Body = []byte(masked)
	}
	return out
}
