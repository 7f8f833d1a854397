package endpoint

import (
	"net/http"
	"net/url"
)

// Redirects are where a checked address stops being enough: net/http would
// re-send a request, body included, to wherever Location points, and a
// transport adding a bearer token would add it again on the way. Neither
// the PingOne nor the Salesforce API redirects, so sfstore never follows a
// redirect: it reports the 3xx, naming only the Location's host.

// NoRedirects returns a shallow copy of hc, or of fallback when hc is nil,
// that hands back a 3xx answer instead of following it. Go drops the
// Authorization header on a redirect to another host, but a 307 or 308
// resends a POST body (a client secret, a store's secrets) and a
// same-host redirect keeps the token. The caller's client is copied, never
// changed, since it may be shared.
func NoRedirects(hc, fallback *http.Client) *http.Client {
	if hc == nil {
		hc = fallback
	}
	c := *hc
	c.CheckRedirect = refuseRedirects
	return &c
}

// refuseRedirects is the CheckRedirect of NoRedirects: the 3xx comes back
// as it is, body unclosed.
func refuseRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// IsRedirect reports whether status is a 3xx answer.
func IsRedirect(status int) bool { return status >= 300 && status <= 399 }

// LocationHost returns the host[:port] that resp's Location points to,
// resolved against the request URL, or "" without one. Only the host is
// kept: the path or query of a redirect could echo anything.
func LocationHost(resp *http.Response) string {
	if loc, err := resp.Location(); err == nil {
		return loc.Host
	}
	return ""
}

// HostOf returns the host[:port] of rawURL, for a message that must not
// show a path or query; rawURL itself if it has no host.
func HostOf(rawURL string) string {
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		return u.Host
	}
	return rawURL
}
