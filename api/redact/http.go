package redact

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
)

// Masking of the HTTP parts of an exchange: form fields, URLs and headers.

// formSecrets returns the values of sensitive fields of a form-encoded
// string (a body or a query), decoded.
func formSecrets(s string) []string {
	var out []string
	for _, pair := range strings.Split(s, "&") {
		k, v, ok := strings.Cut(pair, "=")
		if ok && sensitiveField(unescape(k)) {
			out = append(out, unescape(v))
		}
	}
	return out
}

// oauthFormFields are form and query fields that hold a secret without a
// sensitive word in their name: an OAuth authorization code, which with the
// PKCE verifier buys tokens. They are masked only in forms and queries,
// since in JSON "code" is PingOne's harmless error code.
var oauthFormFields = map[string]bool{"code": true}

// sensitiveField reports whether a form or query field holds a secret.
func sensitiveField(k string) bool {
	return SensitiveKey(k) || oauthFormFields[normKey(k)]
}

// maskForm masks the values of sensitive fields of a form-encoded string,
// keeping the field order; the mask is written unescaped, for people.
func maskForm(s string) string {
	pairs := strings.Split(s, "&")
	for i, pair := range pairs {
		k, v, ok := strings.Cut(pair, "=")
		if ok && sensitiveField(unescape(k)) {
			pairs[i] = k + "=" + maskOrPrefix(unescape(v))
		}
	}
	return strings.Join(pairs, "&")
}

// maskOrPrefix is Mask, but never empty: an empty secret is shown as such
// only where that helps (a review), not in traces.
func maskOrPrefix(s string) string {
	if s == "" {
		return ""
	}
	return Mask(s)
}

// unescape decodes a form-encoded key or value, or returns it as is.
func unescape(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}

// authSecrets returns the credentials of an Authorization header value: the
// bearer token, or the Basic blob with its decoded password (whose parts
// x/oauth2 form-encodes, RFC 6749 §2.3.1).
func authSecrets(v string) []string {
	scheme, cred, ok := strings.Cut(strings.TrimSpace(v), " ")
	if !ok {
		return []string{v}
	}
	out := []string{cred}
	if strings.EqualFold(scheme, "Basic") {
		if dec, err := base64.StdEncoding.DecodeString(cred); err == nil {
			if _, pass, ok := strings.Cut(string(dec), ":"); ok {
				out = append(out, pass, unescape(pass))
			}
		}
	}
	return out
}

// maskAuthorization shows the scheme and, for a bearer token, its Mask;
// other credentials (Basic holds the secret, merely encoded) are hidden whole.
func maskAuthorization(v string) string {
	scheme, cred, ok := strings.Cut(strings.TrimSpace(v), " ")
	switch {
	case !ok:
		return MaskPrefix
	case strings.EqualFold(scheme, "Bearer"):
		return scheme + " " + Mask(cred)
	}
	return scheme + " " + MaskPrefix
}

// IsAuthHeader reports whether a header carries credentials as a whole.
func IsAuthHeader(name string) bool {
	switch http.CanonicalHeaderKey(name) {
	case "Authorization", "Proxy-Authorization":
		return true
	}
	return false
}

// HeaderSecrets returns the credentials carried by h.
func HeaderSecrets(h http.Header) []string {
	var out []string
	for name, vs := range h {
		for _, v := range vs {
			switch {
			case IsAuthHeader(name):
				out = append(out, authSecrets(v)...)
			case SensitiveKey(name):
				out = append(out, v)
			}
		}
	}
	return out
}

// Header returns a copy of h with credentials masked and the secrets
// redacted from every other value.
func Header(h http.Header, secrets []string) http.Header {
	out := make(http.Header, len(h))
	for name, vs := range h {
		masked := make([]string, len(vs))
		for i, v := range vs {
			switch {
			case IsAuthHeader(name):
				masked[i] = maskAuthorization(v)
			case SensitiveKey(name): // Cookie, Set-Cookie, X-Api-Key, ...
				masked[i] = MaskPrefix
			default:
				masked[i] = Redact(v, secrets...)
			}
		}
		out[name] = masked
	}
	return out
}

// URL masks user info and sensitive query parameters of rawURL, then
// redacts the secrets from the rest.
func URL(rawURL string, secrets []string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return Redact(rawURL, secrets...)
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), MaskPrefix)
	}
	u.RawQuery = maskForm(u.RawQuery)
	return Redact(u.String(), secrets...)
}

// URLSecrets returns the password and sensitive query values of rawURL.
func URLSecrets(rawURL string) []string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil
	}
	out := formSecrets(u.RawQuery)
	if p, ok := u.User.Password(); ok {
		out = append(out, p)
	}
	return out
}
