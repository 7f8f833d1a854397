package api

import (
	"errors"
	"slices"
	"strings"
)

// ErrMaskedSecret is returned, wrapped, when a secret of a request
// LooksMasked: by UpdateSalesforceStore for a secret that is masked or
// empty (sending it would write the mask over the stored secret), and by
// TestConnection for one that is masked (it would test a configuration that
// cannot work; an empty one is left for PingOne to report as required).
// Nothing is sent. errors.Is finds it.
var ErrMaskedSecret = errors.New("a secret is empty or masked")

// maskRunes are the characters consoles and APIs draw masks with.
const maskRunes = "*•●∙·"

// LooksMasked reports whether v is not a usable secret but what an API shows
// in its place: empty, made only of mask characters ("********", "••••"),
// or containing a run of four ("••••abcd", as redact.Mask shows a secret,
// or "****abcd").
//
// Whether PingOne returns a store's CLIENT_SECRET, OAUTH_ACCESS_TOKEN and
// OAUTH_REFRESH_TOKEN on GET in clear, masked or not at all is UNCONFIRMED:
// the documented examples echo them in clear. Either way, a value read back
// must never be sent back when it LooksMasked: ask for the secret again.
func LooksMasked(v string) bool {
	v = strings.TrimSpace(v)
	if v == "" || strings.Contains(v, "••••") || strings.Contains(v, "****") {
		return true
	}
	return strings.Trim(v, maskRunes) == ""
}

// MaskedSecrets returns the configuration keys (CLIENT_SECRET,
// OAUTH_ACCESS_TOKEN, OAUTH_REFRESH_TOKEN) whose value LooksMasked, in that
// order: the secrets to ask for again before an update or a connection test.
func (c SalesforceConfiguration) MaskedSecrets() []string {
	var keys []string
	for _, k := range secretKeys {
		if LooksMasked(c.secret(k)) {
			keys = append(keys, k)
		}
	}
	return keys
}

// secretKeys are the configuration keys of a Salesforce store that hold
// secrets.
var secretKeys = []string{"CLIENT_SECRET", "OAUTH_ACCESS_TOKEN", "OAUTH_REFRESH_TOKEN"}

// SecretKeys returns the configuration keys of a Salesforce store that hold
// secrets, in the order MaskedSecrets reports them: CLIENT_SECRET,
// OAUTH_ACCESS_TOKEN, OAUTH_REFRESH_TOKEN. The simulator masks the same
// keys. It is a copy: the client's own list cannot be changed through it.
func SecretKeys() []string { return slices.Clone(secretKeys) }

// checkSecrets refuses a request whose secrets are masked, or also empty
// when emptyToo; the error names the keys, never the values.
func checkSecrets(op string, req *CreateSalesforceStoreRequest, emptyToo bool) error {
	var keys []string
	for _, k := range req.Configuration.MaskedSecrets() {
		if emptyToo || req.Configuration.secret(k) != "" {
			keys = append(keys, k)
		}
	}
	if len(keys) > 0 {
		return &maskedSecretError{op: op, keys: keys}
	}
	return nil
}

// secret returns the value of a secret key.
func (c SalesforceConfiguration) secret(key string) string {
	switch key {
	case "CLIENT_SECRET":
		return strings.TrimSpace(c.ClientSecret)
	case "OAUTH_ACCESS_TOKEN":
		return strings.TrimSpace(c.OAuthAccessToken)
	case "OAUTH_REFRESH_TOKEN":
		return strings.TrimSpace(c.OAuthRefreshToken)
	}
	return ""
}

// maskedSecretError is ErrMaskedSecret naming the keys.
type maskedSecretError struct {
	op   string
	keys []string
}

func (e *maskedSecretError) Error() string {
	return e.op + ": configuration." + strings.Join(e.keys, ", configuration.") +
		" empty or masked; not sent (enter the secret again)"
}

func (e *maskedSecretError) Unwrap() error { return ErrMaskedSecret }

// Request returns the writable fields of s as a request body: the whole
// store, as Update Store (a full replace) and Test Connection Configuration
// want it. Read-only fields (id, environment, createdAt, updatedAt,
// syncStatus, _links) and image.id are left out.
//
// Configuration keys SalesforceConfiguration does not model, such as the
// deprecated CREATE_NEW_USERS, were dropped when s was decoded, so an update
// built from it does not send them back. Secrets are copied as read: check
// MaskedSecrets before sending.
func (s Store) Request() UpdateSalesforceStoreRequest {
	r := UpdateSalesforceStoreRequest{
		Type: s.Type, Name: s.Name, Description: s.Description,
		Status: s.Status, Configuration: s.Configuration,
	}
	if s.Managed != nil {
		m := *s.Managed
		r.Managed = &m
	}
	if s.Image != nil && s.Image.Href != "" {
		r.Image = &Image{Href: s.Image.Href}
	}
	return r
}
