package salesforce

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sfstore/api/endpoint"
	"slices"
	"strconv"
	"strings"
	"time"
)

// DefaultCallbackPort is the loopback port the sign-in listens on unless
// Config.CallbackPort says otherwise. It is fixed, because the callback URL
// must be registered on the app beforehand and match exactly, and it is not
// the Salesforce CLI's 1717, so both can be signed in at once.
const DefaultCallbackPort = 7717

// AnyPort as Config.CallbackPort listens on a free port chosen by the
// system. The callback URL is then only known after Start
// (Session.CallbackURL), so it cannot be registered on a real app: use it
// for the demo and tests, against sfsim, which accepts any loopback callback.
const AnyPort = -1

// CallbackPath is the path of the callback URL.
const CallbackPath = "/oauth/callback"

// DefaultTimeout is how long Wait waits for the browser by default.
const DefaultTimeout = 5 * time.Minute

// DefaultScopes are the OAuth scopes asked for by default: "api" to call
// Salesforce and "refresh_token" (also named offline_access) so PingOne can
// keep its access token fresh.
var DefaultScopes = []string{"api", "refresh_token"}

// defaultHTTPClient is used when a caller passes no client.
var defaultHTTPClient = &http.Client{Timeout: 30 * time.Second}

// Config says which org and app to sign in to.
type Config struct {
	// LoginURL is where the user signs in: "https://{SALESFORCE_DOMAIN}"
	// (a My Domain), https://login.salesforce.com, or
	// https://test.salesforce.com for sandboxes. A bare host gets
	// "https://". Plain http is refused except for loopback hosts
	// (127.0.0.1, ::1, localhost), which only a simulator uses.
	LoginURL string
	// ClientID and ClientSecret are the app's consumer key and secret.
	// Both are required: External Client Apps require the secret in the
	// web server flow by default, and PingOne needs it anyway.
	ClientID, ClientSecret string
	// CallbackPort is the loopback port of the callback URL; 0 means
	// DefaultCallbackPort, AnyPort a free port (demo and tests only).
	CallbackPort int
	// Scopes default to DefaultScopes.
	Scopes []string
	// HTTPClient makes the token request; nil means a client with a 30
	// second timeout.
	HTTPClient *http.Client
	// OpenBrowser opens the sign-in URL. nil means: run $BROWSER with the
	// URL as its argument when set, else xdg-open, open or rundll32 by
	// operating system. Its error is not fatal: the URL is always shown.
	OpenBrowser func(url string) error
	// Timeout is how long Wait waits for the browser; 0 means
	// DefaultTimeout.
	Timeout time.Duration
}

// CallbackURL returns the URL the user must register as a callback URL on
// the app, "http://localhost:{port}/oauth/callback". Show it before the
// browser opens. With AnyPort, use Session.CallbackURL instead.
func (c Config) CallbackURL() string {
	return callbackURL(c.port())
}

func (c Config) port() int {
	if c.CallbackPort == 0 {
		return DefaultCallbackPort
	}
	return c.CallbackPort
}

func callbackURL(port int) string {
	return "http://localhost:" + strconv.Itoa(port) + CallbackPath
}

// normalize checks c and fills in the defaults.
func (c Config) normalize() (Config, error) {
	base, err := baseURL(c.LoginURL, "login url")
	if err != nil {
		return c, err
	}
	c.LoginURL = base
	if strings.TrimSpace(c.ClientID) == "" {
		return c, errors.New("salesforce client id (consumer key) is required")
	}
	if strings.TrimSpace(c.ClientSecret) == "" {
		return c, errors.New("salesforce client secret (consumer secret) is required")
	}
	c.CallbackPort = c.port()
	if c.CallbackPort != AnyPort && (c.CallbackPort < 1 || c.CallbackPort > 65535) {
		return c, fmt.Errorf("invalid callback port %d: want 1-65535", c.CallbackPort)
	}
	if len(c.Scopes) == 0 {
		c.Scopes = slices.Clone(DefaultScopes)
	}
	if c.HTTPClient == nil {
		c.HTTPClient = defaultHTTPClient
	}
	if c.OpenBrowser == nil {
		c.OpenBrowser = openSystemBrowser
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	return c, nil
}

// baseURL checks raw with endpoint.Check, the one rule for where
// credentials may go (https; plain http only for a loopback host; no user
// info, query or fragment), and returns it without a trailing "/". A bare
// host such as "acme.my.salesforce.com" gets "https://".
func baseURL(raw, what string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", fmt.Errorf("salesforce %s is required", what)
	}
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	return checkBase(raw, what)
}

// checkBase is baseURL without the "https://" for a bare host: for an
// address Salesforce sent, which must be whole.
func checkBase(raw, what string) (string, error) {
	name := "salesforce " + what
	// endpoint.Check's example address is PingOne's: give a Salesforce one
	// for an address that is not even http(s).
	if u, err := url.Parse(raw); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Hostname() == "" {
		return "", fmt.Errorf("%s: want an https address such as https://login.salesforce.com or https://acme.my.salesforce.com", name)
	}
	u, err := endpoint.Check(name, raw)
	if err != nil {
		return "", err
	}
	return u.Scheme + "://" + u.Host + strings.TrimRight(u.EscapedPath(), "/"), nil
}
