package salesforce

import (
	"fmt"
	"net/url"
	"sfstore/api/redact"
	"strings"
)

// Tokens are what Salesforce's token endpoint returned for a sign-in.
//
// String and GoString mask the tokens, so printing a Tokens by mistake
// does not leak them.
type Tokens struct {
	AccessToken  string // OAUTH_ACCESS_TOKEN
	RefreshToken string // OAUTH_REFRESH_TOKEN; never empty from Wait
	InstanceURL  string // instance_url: the base of REST calls, e.g. https://acme.my.salesforce.com
	ID           string // id: identity URL, https://login.salesforce.com/id/{orgID}/{userID}
	IssuedAt     string // issued_at: milliseconds since the epoch
	Scope        string // scope: the scopes granted, space separated
}

// Domain returns the host of InstanceURL, e.g. "acme.my.salesforce.com":
// the org's domain, which is what SALESFORCE_DOMAIN wants even when the
// user signed in at login.salesforce.com or test.salesforce.com.
func (t *Tokens) Domain() string {
	u, err := url.Parse(t.InstanceURL)
	if err != nil {
		return ""
	}
	return u.Host
}

// OrgID returns the organization ID from the identity URL, or "".
func (t *Tokens) OrgID() string { return idPart(t.ID, 0) }

// UserID returns the signed-in user's ID from the identity URL, or "".
func (t *Tokens) UserID() string { return idPart(t.ID, 1) }

// idPart returns the i-th segment after "/id/" of an identity URL.
func idPart(idURL string, i int) string {
	_, rest, ok := strings.Cut(idURL, "/id/")
	if !ok {
		return ""
	}
	parts := strings.Split(rest, "/")
	if len(parts) < 2 || i >= len(parts) {
		return ""
	}
	return parts[i]
}

// String shows the tokens masked.
func (t Tokens) String() string {
	return fmt.Sprintf("{AccessToken:%s RefreshToken:%s InstanceURL:%s ID:%s IssuedAt:%s Scope:%s}",
		redact.Mask(t.AccessToken), redact.Mask(t.RefreshToken), t.InstanceURL, t.ID, t.IssuedAt, t.Scope)
}

// GoString shows the tokens masked, for %#v.
func (t Tokens) GoString() string { return "salesforce.Tokens" + t.String() }
