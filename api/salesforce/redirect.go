package salesforce

import (
	"fmt"
	"net/http"
	"sfstore/api/endpoint"
)

// RedirectError is a 3xx answer to a request that carried a credential: a
// REST call (the access token) or the code exchange (the client secret,
// the code and the PKCE verifier). Salesforce's API and token endpoint do
// not redirect, so the answer came from the wrong address or from something
// in between, and the redirect was not followed: nothing was sent to Host.
//
// The browser's authorize step is not affected: that redirect is the
// browser's to follow.
//
// It is a type of its own rather than api.RedirectError: Salesforce calls
// have no PingOne operation to name, and the message and hint point at the
// org's domain instead of PingOne's regions. What both share, refusing the
// redirect and naming its host, is in package endpoint.
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

// redirectError describes a 3xx answer by its status and the host of its
// Location (see endpoint.LocationHost).
func redirectError(resp *http.Response) *RedirectError {
	return &RedirectError{Status: resp.StatusCode, Host: endpoint.LocationHost(resp)}
}
