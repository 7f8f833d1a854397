package salesforce

import (
	"fmt"
	"net/http"
)

// RedirectError is a 3xx answer to a request that carried a credential: a
// REST call (the access token) or the code exchange (the client secret,
// the code and the PKCE verifier). Salesforce's API and token endpoint do
// not redirect, so the answer came from the wrong address or from something
// in between, and the redirect was not followed: nothing was sent to Host.
//
// The browser's authorize step is not affected: that redirect is the
// browser's to follow.
type RedirectError struct {
	Status int    // HTTP status, e.g. 302
	Host   string // host the Location header pointed to; "" when it gave none
}

// Error reads like "salesforce answered 302 Found with a redirect to
// evil.example; it was not followed, so nothing was sent there".
func (e *RedirectError) Error() string {
	return fmt.Sprintf("salesforce answered %d %s with a redirect %s; it was not followed, so nothing was sent there",
		e.Status, http.StatusText(e.Status), e.where())
}

func (e *RedirectError) where() string {
	if e.Host == "" {
		return "without a location"
	}
	return "to " + e.Host
}

// Hint says in one plain sentence what the user can do about e.
func (e *RedirectError) Hint() string {
	return "Salesforce's API does not redirect: use the org's own domain (its My Domain, such as acme.my.salesforce.com) and check HTTPS_PROXY."
}

// noRedirects returns a copy of hc (nil means the default client) that
// hands back a 3xx answer instead of following it. Go drops the
// Authorization header on a redirect to another host, but a 307 or 308
// resends a POST body, which for the token request holds the client
// secret, the code and the verifier; and a same-host redirect would keep
// the bearer token. The caller's client is copied, never changed, since it
// may be shared.
func noRedirects(hc *http.Client) *http.Client {
	if hc == nil {
		hc = defaultHTTPClient
	}
	c := *hc
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &c
}

// isRedirect reports whether status is a 3xx answer.
func isRedirect(status int) bool { return status >= 300 && status <= 399 }

// redirectError describes a 3xx answer by its status and the host of its
// Location: never the whole location, whose query may hold anything.
func redirectError(resp *http.Response) *RedirectError {
	e := &RedirectError{Status: resp.StatusCode}
	if loc, err := resp.Location(); err == nil {
		e.Host = loc.Host
	}
	return e
}
