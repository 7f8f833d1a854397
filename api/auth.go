package api

import (
	"net/http"

	"golang.org/x/oauth2"
)

// authTransport adds the bearer token to each request, so API methods stay
// free of auth code (the decorator pattern of cli/cli's AddAuthTokenHeader).
type authTransport struct {
	base http.RoundTripper
	ts   oauth2.TokenSource
}

// RoundTrip implements http.RoundTripper. A token failure comes back as a
// *TokenError, which http.Client wraps in a *url.Error.
func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
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

// errorSource makes every failure of src a *TokenError with secrets masked,
// for callers that use the token source directly.
type errorSource struct {
	src     oauth2.TokenSource
	secrets []string
}

// Token implements oauth2.TokenSource.
func (s errorSource) Token() (*oauth2.Token, error) {
	tok, err := s.src.Token()
	if err != nil {
		return nil, newTokenError(err, s.secrets)
	}
	return tok, nil
}
