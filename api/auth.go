package api

import (
	"errors"
	"net/http"
	"sfstore/api/redact"
	"strings"

	"golang.org/x/oauth2"
)

// authTransport adds the bearer token to each request, so API methods stay
// free of auth code (the decorator pattern of cli/cli's AddAuthTokenHeader).
type authTransport struct {
	base   http.RoundTripper
	ts     oauth2.TokenSource
	origin string // "scheme://host[:port]" of the API: the token goes nowhere else
}

// errWrongOrigin refuses to send the token to a host other than the API's.
// No redirect is followed and list pages are fetched through the base URL,
// so this never happens by design; it guards against a future change.
var errWrongOrigin = errors.New("refusing to send the pingone access token to a host other than the api url's")

// RoundTrip implements http.RoundTripper. A token failure comes back as a
// *TokenError, which http.Client wraps in a *url.Error.
func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if !strings.EqualFold(req.URL.Scheme+"://"+req.URL.Host, t.origin) {
		closeBody(req)
		return nil, errWrongOrigin
	}
	tok, err := t.ts.Token()
	if err != nil {
		closeBody(req)
		return nil, newTokenError(err, nil)
	}
	// RoundTrippers must not modify the caller's request.
	r := req.Clone(req.Context())
	tok.SetAuthHeader(r)
	return t.transport().RoundTrip(r)
}

func (t *authTransport) transport() http.RoundTripper {
	if t.base != nil {
		return t.base
	}
	return http.DefaultTransport
}

// closeBody honours the RoundTripper contract of closing the request body,
// even on error.
func closeBody(req *http.Request) {
	if req.Body != nil {
		req.Body.Close()
	}
}

// errorSource makes every failure of src a *TokenError with secrets masked
// and the token endpoint named, for callers that use the token source
// directly.
type errorSource struct {
	src      oauth2.TokenSource
	secrets  []string
	endpoint string // host and path of the token endpoint
}

// Token implements oauth2.TokenSource.
func (s errorSource) Token() (*oauth2.Token, error) {
	tok, err := s.src.Token()
	if err != nil {
		te := newTokenError(err, s.secrets)
		if te.Endpoint == "" {
			te.Endpoint = redact.Redact(s.endpoint, redact.List(s.secrets...)...)
		}
		return nil, te
	}
	return tok, nil
}
