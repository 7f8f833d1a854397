package api

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"sfstore/api/endpoint"
	"sfstore/api/redact"
	"strings"
	"sync"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// Credentials says how to get a PingOne access token: either a worker app's
// client credentials or a ready token.
//
// https://developer.pingidentity.com/pingone-api/auth/openid-connect-oauth-2/token-admin-app-client_credentials.html
type Credentials struct {
	AuthURL             string // e.g. Region.AuthURL, "https://auth.pingone.com"
	WorkerEnvironmentID string // the environment the worker app lives in
	ClientID            string // worker app client ID
	ClientSecret        string // worker app client secret
	AccessToken         string // a ready token; when set, the others are unused
}

// TokenURL returns the worker environment's token endpoint,
// "{AuthURL}/{WorkerEnvironmentID}/as/token", with the environment ID
// trimmed and path-escaped. It only builds the address: NewTokenSource
// refuses an empty environment ID, "." and "..".
func (c Credentials) TokenURL() string {
	env, _ := c.tokenPath()
	return strings.TrimRight(strings.TrimSpace(c.AuthURL), "/") + "/" + env + "/as/token"
}

// tokenPath is the worker environment ID as a path segment, or an error
// naming it (see segment).
func (c Credentials) tokenPath() (string, error) {
	return segment("worker environment ID", c.WorkerEnvironmentID)
}

// NewTokenSource returns a token source for c. With AccessToken set it
// always returns that token. Otherwise it runs the client credentials grant
// against TokenURL through hc (nil means a client with DefaultHTTPTimeout),
// and caches the token until it expires.
//
// Each token request is one request. It authenticates the worker app with
// HTTP Basic (CLIENT_SECRET_BASIC, PingOne's default), and sends the
// credentials as form fields (CLIENT_SECRET_POST) instead only when PingOne
// answers invalid_client "Unsupported authentication method", which it
// gives an app set to another method; from then on it sends form fields
// first. Any other failure (a wrong secret, a timeout, a 5xx) ends there:
// x/oauth2's auto-detection would send every failing request twice, and a
// slow endpoint would take twice the timeout to fail.
//
// Nothing is sent unless AuthURL passes endpoint.Check (https, or plain
// http only for this machine, no user info, query or fragment) and the
// worker environment ID is set; redirects are never followed (see
// RedirectError), whatever hc's CheckRedirect, and hc is not modified.
//
// ctx is used for every token request the source makes, not only the first:
// pass a context that lives as long as the source.
//
// Failures are *TokenError values naming the token endpoint, with the
// client secret masked.
func NewTokenSource(ctx context.Context, c Credentials, hc *http.Client) oauth2.TokenSource {
	if c.AccessToken != "" {
		return oauth2.StaticTokenSource(&oauth2.Token{AccessToken: c.AccessToken, TokenType: "Bearer"})
	}
	tokenURL := c.TokenURL()
	src := errorSource{secrets: c.secrets()}
	if err := c.check(); err != nil {
		// No endpoint to name: the URL is what was refused.
		src.src = refused{err}
		return src
	}
	src.endpoint = endpointOf(tokenURL)
	cc := &clientCredentials{ctx: ctx, hc: endpoint.NoRedirects(hc, defaultHTTPClient), id: c.ClientID, secret: c.ClientSecret, tokenURL: tokenURL}
	src.src = oauth2.ReuseTokenSource(nil, cc)
	return src
}

// check refuses credentials no token request may be sent with.
func (c Credentials) check() error {
	if _, err := endpoint.Check("pingone auth url", c.AuthURL); err != nil {
		return err
	}
	_, err := c.tokenPath()
	return err
}

// secrets lists the forms in which a token endpoint's answer may echo the
// client secret: as is, encoded in a form field, and inside the Basic
// credentials, where it is only base64-encoded beside the client ID.
func (c Credentials) secrets() []string {
	if c.ClientSecret == "" {
		return nil
	}
	// x/oauth2 form-encodes both parts before Basic encoding (RFC 6749 §2.3.1).
	basic := base64.StdEncoding.EncodeToString([]byte(url.QueryEscape(c.ClientID) + ":" + url.QueryEscape(c.ClientSecret)))
	return append(redact.Variants([]string{c.ClientSecret}), basic)
}

// refused is a token source that fails without sending anything.
type refused struct{ err error }

// Token implements oauth2.TokenSource.
func (r refused) Token() (*oauth2.Token, error) { return nil, errRefused(r) }

// errRefused marks a token request refused before sending.
type errRefused struct{ err error }

func (e errRefused) Error() string { return e.err.Error() }
func (e errRefused) Unwrap() error { return e.err }

// clientCredentials is one worker app's client credentials grant, with the
// client authentication it learnt PingOne wants.
type clientCredentials struct {
	ctx                  context.Context
	hc                   *http.Client // never follows redirects
	id, secret, tokenURL string

	mu    sync.Mutex
	style oauth2.AuthStyle // the zero value, AuthStyleAutoDetect, reads as Basic
}

// Token implements oauth2.TokenSource.
func (s *clientCredentials) Token() (*oauth2.Token, error) {
	s.mu.Lock()
	style := s.style
	s.mu.Unlock()
	if style != oauth2.AuthStyleInParams {
		style = oauth2.AuthStyleInHeader
	}
	tok, err := s.fetch(style)
	if err == nil || !wrongAuthMethod(err) {
		return tok, err
	}
	other := oauth2.AuthStyleInParams
	if style == oauth2.AuthStyleInParams {
		other = oauth2.AuthStyleInHeader
	}
	tok, err = s.fetch(other)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.style = other
	s.mu.Unlock()
	return tok, nil
}

// fetch makes one token request with the given client authentication.
func (s *clientCredentials) fetch(style oauth2.AuthStyle) (*oauth2.Token, error) {
	cfg := clientcredentials.Config{ClientID: s.id, ClientSecret: s.secret, TokenURL: s.tokenURL, AuthStyle: style}
	return cfg.Token(context.WithValue(s.ctx, oauth2.HTTPClient, s.hc))
}

// wrongAuthMethod reports whether the token endpoint refused the way the
// client authenticated rather than the credentials.
//
// PingOne answers error "invalid_client" with the description "Request
// denied: Unsupported authentication method (Correlation ID: …)" when the
// request authenticates in a way the app is not set to: pingidentity/pingcli
// expected exactly that, in cmd/platform/export_test.go, from a request
// with form fields to a worker app set to Basic, and third-party notes
// report it for any client authentication to an app set to NONE. That an
// app set to CLIENT_SECRET_POST answers Basic the same way is UNCONFIRMED
// (it is the same check, the other way round). The HTTP status is not
// relied on. RFC 6749 §5.2 lists "unsupported authentication method" among
// the causes of invalid_client.
func wrongAuthMethod(err error) bool {
	var re *oauth2.RetrieveError
	return errors.As(err, &re) && re.ErrorCode == "invalid_client" &&
		strings.Contains(strings.ToLower(re.ErrorDescription), "unsupported authentication method")
}

// endpointOf is the host and path of a URL, for messages: enough to tell
// which endpoint failed, without a query.
func endpointOf(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return ""
	}
	return u.Host + u.EscapedPath()
}
