package api

import (
	"context"
	"net/http"
	"sfstore/api/endpoint"
	"strings"
	"time"

	"golang.org/x/oauth2"
)

// defaultUserAgent identifies the wizard in PingOne's audit logs.
const defaultUserAgent = "sfstore"

// DefaultHTTPTimeout bounds each request, token requests included, when the
// caller gives no http.Client: http.DefaultClient has no timeout, and a
// silent network would hang a call forever. It is the CLI's too.
const DefaultHTTPTimeout = 60 * time.Second

// defaultHTTPClient is the client used when the caller gives none. A
// variable only so that a test can shorten its timeout.
var defaultHTTPClient = &http.Client{Timeout: DefaultHTTPTimeout}

// Client talks to the PingOne Management API of one region.
//
// A Client is safe for concurrent use once built.
type Client struct {
	baseURL    string // scheme://host[/prefix], no trailing "/" and no "/v1"
	host       string // for error messages: where PingOne could not be reached
	hc         *http.Client
	ts         oauth2.TokenSource
	userAgent  string
	redactions []string
	sleep      func(context.Context, time.Duration) error // a read's wait before a retry
	now        func() time.Time                           // to read a Retry-After date
}

// Option configures a Client built by NewClient.
type Option func(*Client)

// WithHTTPClient sets the HTTP client used for API calls; without it (or
// with nil) a client with DefaultHTTPTimeout is used. The client is not
// modified: when a token source is set, a shallow copy gets the auth
// transport.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) {
		if hc != nil {
			c.hc = hc
		}
	}
}

// WithTokenSource makes every request carry "Authorization: Bearer <token>"
// from ts. When ts fails, calls return a *TokenError.
func WithTokenSource(ts oauth2.TokenSource) Option {
	return func(c *Client) { c.ts = ts }
}

// WithUserAgent sets the User-Agent header (default "sfstore").
func WithUserAgent(ua string) Option {
	return func(c *Client) {
		if ua != "" {
			c.userAgent = ua
		}
	}
}

// WithRedactions names values, such as the worker secret or a pasted token,
// that must never appear in an error this client returns. They are replaced
// with their Mask wherever an error would otherwise echo them.
func WithRedactions(secrets ...string) Option {
	return func(c *Client) { c.redactions = append(c.redactions, secrets...) }
}

// NewClient returns a client for the PingOne API at apiURL, for example
// Region.APIURL ("https://api.pingone.com"). A trailing "/" or "/v1" is
// dropped, because the client adds "/v1/..." itself.
//
// apiURL must pass endpoint.Check: https, or plain http only for this
// machine, without user info, query or fragment. Nothing is sent before
// that check, so a bearer token or a store's secrets never travel
// unencrypted over the network.
//
// The client never follows redirects (see RedirectError), whatever the
// CheckRedirect of the http.Client given with WithHTTPClient: it works on a
// copy.
func NewClient(apiURL string, opts ...Option) (*Client, error) {
	u, err := endpoint.Check("pingone api url", apiURL)
	if err != nil {
		return nil, err
	}
	path := strings.TrimSuffix(strings.TrimRight(u.EscapedPath(), "/"), "/v1")
	base := u.Scheme + "://" + u.Host + strings.TrimRight(path, "/")
	c := &Client{baseURL: base, host: u.Host, userAgent: defaultUserAgent, sleep: retrySleep, now: time.Now}
	for _, opt := range opts {
		opt(c)
	}
	c.wrapTransport(u.Scheme + "://" + u.Host)
	return c, nil
}

// wrapTransport adds the bearer token around the HTTP client's transport
// (a debug trace given with WithHTTPClient stays inside, and so shows the
// request as sent), in a shallow copy that never follows redirects: the
// caller's client is not modified. The token is only ever sent to origin.
func (c *Client) wrapTransport(origin string) {
	hc := endpoint.NoRedirects(c.hc, defaultHTTPClient)
	if c.ts != nil {
		hc.Transport = &authTransport{base: hc.Transport, ts: c.ts, origin: origin}
	}
	c.hc = hc
}

// BaseURL returns the API base the client was built with, without "/v1".
func (c *Client) BaseURL() string { return c.baseURL }
