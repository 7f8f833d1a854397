package salesforce

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"sfstore/api/redact"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/oauth2"
)

const (
	// stateBytes is the randomness of the state parameter: 256 bits.
	stateBytes = 32
	// exchangeTimeout bounds the code exchange after the browser came back.
	exchangeTimeout = time.Minute
	// shutdownGrace lets the callback page finish before the listener goes.
	shutdownGrace = time.Second
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

// Session is one sign-in in progress: a loopback listener waiting for the
// browser to come back with an authorization code.
//
// Close it (or let Wait return) to free the port. Its methods are safe for
// concurrent use; Wait is meant to be called once.
type Session struct {
	cfg         Config
	oauth       *oauth2.Config
	state       string
	verifier    string
	authURL     string
	callbackURL string
	port        int

	srv       *http.Server
	listeners []net.Listener
	results   chan result   // capacity 1: at most one result is ever sent
	closed    chan struct{} // closed by Close

	mu   sync.Mutex
	done bool // a result was accepted

	closeOnce sync.Once
	closeErr  error
}

// result is what came back from the browser: a code, or why there is none.
type result struct {
	code string
	err  error
}

// Start checks c, makes a fresh state and PKCE verifier, and starts
// listening for the callback on 127.0.0.1 (and [::1] when it can) at the
// callback port. It returns at once; the sign-in happens in Wait.
//
// A port already in use is an error naming the port: another sign-in, or
// another program, holds it.
func Start(ctx context.Context, c Config) (*Session, error) {
	cfg, err := c.normalize()
	if err != nil {
		return nil, err
	}
	state, err := randomString(stateBytes)
	if err != nil {
		return nil, fmt.Errorf("make sign-in state: %w", err)
	}
	lns, port, err := listen(ctx, cfg.CallbackPort)
	if err != nil {
		return nil, err
	}
	s := &Session{
		cfg:         cfg,
		state:       state,
		verifier:    oauth2.GenerateVerifier(),
		callbackURL: callbackURL(port),
		port:        port,
		listeners:   lns,
		results:     make(chan result, 1),
		closed:      make(chan struct{}),
	}
	s.oauth = &oauth2.Config{
		ClientID:     cfg.ClientID,
		ClientSecret: cfg.ClientSecret,
		Endpoint: oauth2.Endpoint{
			AuthURL:  cfg.LoginURL + "/services/oauth2/authorize",
			TokenURL: cfg.LoginURL + "/services/oauth2/token",
			// Salesforce expects the client credentials as form fields.
			AuthStyle: oauth2.AuthStyleInParams,
		},
		RedirectURL: s.callbackURL,
		Scopes:      cfg.Scopes,
	}
	s.authURL = s.oauth.AuthCodeURL(state, oauth2.S256ChallengeOption(s.verifier))
	s.srv = &http.Server{Handler: http.HandlerFunc(s.serveCallback), ReadHeaderTimeout: 10 * time.Second}
	for _, ln := range lns {
		// Serve returns http.ErrServerClosed after Close; any other error
		// means the listener broke, and Wait then times out.
		go func() { _ = s.srv.Serve(ln) }()
	}
	return s, nil
}

// listen binds 127.0.0.1:port, required, and [::1]:port, best effort:
// browsers may resolve "localhost" to either. With AnyPort the system picks
// the port on 127.0.0.1 and [::1] gets the same one if it is free.
func listen(ctx context.Context, port int) ([]net.Listener, int, error) {
	var lc net.ListenConfig
	p := port
	if port == AnyPort {
		p = 0
	}
	ln4, err := lc.Listen(ctx, "tcp4", net.JoinHostPort("127.0.0.1", strconv.Itoa(p)))
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return nil, 0, fmt.Errorf("callback port %d is in use (another sfstore sign-in or another program): close it, or use another port and register its callback URL on the app: %w", port, err)
		}
		return nil, 0, fmt.Errorf("listen for the salesforce callback on 127.0.0.1:%d: %w", p, err)
	}
	p = ln4.Addr().(*net.TCPAddr).Port
	lns := []net.Listener{ln4}
	ln6, err := lc.Listen(ctx, "tcp6", net.JoinHostPort("::1", strconv.Itoa(p)))
	switch {
	case err == nil:
		lns = append(lns, ln6)
	case errors.Is(err, syscall.EADDRINUSE) && port != AnyPort:
		// Someone else answers on [::1]:port: a browser trying ::1 first
		// would hand the code to them, or get nowhere.
		_ = ln4.Close()
		return nil, 0, fmt.Errorf("callback port %d is in use on [::1] (another program): close it, or use another port and register its callback URL on the app: %w", port, err)
	}
	// Other [::1] failures (no IPv6, or AnyPort's port taken on [::1]
	// only) leave 127.0.0.1 alone, which browsers fall back to.
	return lns, p, nil
}

// AuthURL returns the URL that starts the sign-in:
// {LoginURL}/services/oauth2/authorize with response_type=code, client_id,
// redirect_uri, scope, state, code_challenge and code_challenge_method=S256.
// It holds no secret; show it so the user can open it by hand.
func (s *Session) AuthURL() string { return s.authURL }

// CallbackURL returns the callback URL this session listens on: the same as
// Config.CallbackURL, except with AnyPort.
func (s *Session) CallbackURL() string { return s.callbackURL }

// OpenBrowser opens AuthURL with Config.OpenBrowser. Its error is not
// fatal: show AuthURL and let the user open it.
func (s *Session) OpenBrowser() error {
	if err := s.cfg.OpenBrowser(s.authURL); err != nil {
		return fmt.Errorf("open a browser: %w", err)
	}
	return nil
}

// Wait waits for the browser to come back to the callback (or for Paste),
// then exchanges the code for tokens. It gives up after Config.Timeout
// (ErrTimedOut) or when ctx ends. Whatever happens, the listener is closed
// when Wait returns.
//
// The result is an *AuthError when Salesforce refused, ErrNoRefreshToken
// when the tokens lack a refresh token, and ErrSessionClosed when the
// session was closed or already waited on.
func (s *Session) Wait(ctx context.Context) (*Tokens, error) {
	defer s.Close()
	timer := time.NewTimer(s.cfg.Timeout)
	defer timer.Stop()
	var res result
	select {
	case res = <-s.results:
	case <-timer.C:
		return nil, fmt.Errorf("%w: Salesforce did not send the browser back within %s; sign in again", ErrTimedOut, humanDuration(s.cfg.Timeout))
	case <-ctx.Done():
		return nil, fmt.Errorf("salesforce sign-in cancelled: %w", ctx.Err())
	case <-s.closed:
		return nil, ErrSessionClosed
	}
	// Free the port before the exchange: nothing else may come back.
	_ = s.Close()
	if res.err != nil {
		return nil, res.err
	}
	return s.exchange(ctx, res.code)
}

// exchange trades the code for tokens: grant_type=authorization_code with
// the code, redirect_uri, code_verifier, client_id and client_secret as
// form fields.
//
// There is deliberately no refresh here or anywhere in this package: with
// refresh-token rotation on, refreshing would invalidate the refresh token
// PingOne receives.
func (s *Session) exchange(parent context.Context, code string) (*Tokens, error) {
	ctx, cancel := context.WithTimeout(parent, exchangeTimeout)
	defer cancel()
	ctx = context.WithValue(ctx, oauth2.HTTPClient, s.cfg.HTTPClient)
	tok, err := s.oauth.Exchange(ctx, code, oauth2.VerifierOption(s.verifier))
	if err != nil {
		if parent.Err() != nil {
			return nil, fmt.Errorf("salesforce sign-in cancelled: %w", parent.Err())
		}
		return nil, s.tokenError(err, code)
	}
	t := &Tokens{
		AccessToken:  tok.AccessToken,
		RefreshToken: tok.RefreshToken,
		InstanceURL:  extraString(tok, "instance_url"),
		ID:           extraString(tok, "id"),
		IssuedAt:     extraString(tok, "issued_at"),
		Scope:        extraString(tok, "scope"),
	}
	if t.RefreshToken == "" {
		return nil, ErrNoRefreshToken
	}
	return t, nil
}

// extraString returns a field of the token response as a string.
func extraString(tok *oauth2.Token, key string) string {
	switch v := tok.Extra(key).(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case nil:
		return ""
	default:
		return fmt.Sprint(v)
	}
}

// tokenError turns an exchange failure into an *AuthError that holds no
// secret: only the OAuth fields of an answer are kept, never its body.
func (s *Session) tokenError(err error, code string) *AuthError {
	secrets := []string{s.cfg.ClientSecret, code, s.verifier}
	e := &AuthError{Stage: StageToken}
	var re *oauth2.RetrieveError
	var ue *url.Error
	switch {
	case errors.As(err, &re):
		e.Code = redact.Redact(re.ErrorCode, secrets...)
		e.Description = redact.Redact(re.ErrorDescription, secrets...)
		if re.Response != nil {
			e.StatusCode = re.Response.StatusCode
		}
		if e.Code == "" {
			e.Description = "the answer was not an OAuth error (a proxy or gateway answered?)"
			e.Hint = "Something other than Salesforce answered the token request: check the login URL " + s.cfg.LoginURL + " and HTTPS_PROXY, then sign in again."
			if e.StatusCode >= 500 {
				e.Hint = "Salesforce's token endpoint had a problem: sign in again in a moment."
			}
			return e
		}
	case errors.As(err, &ue):
		// The cause is the network or context error alone: url.Error's
		// message names the token URL, which is fine, but nothing of the
		// request body.
		e.Description = redact.Redact(fmt.Sprintf("could not reach %s: %v", hostOf(ue.URL), ue.Err), secrets...)
		e.err = redact.Err(ue.Err, secrets)
		e.Hint = "Check the login URL " + s.cfg.LoginURL + ", your network and HTTPS_PROXY, then sign in again."
		return e
	default:
		e.Description = redact.Redact(err.Error(), secrets...)
	}
	e.Hint = hintFor(e.Code, e.Description, s.callbackURL, s.cfg.LoginURL)
	return e
}

// hostOf returns the host of rawURL, or rawURL if it does not parse.
func hostOf(rawURL string) string {
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		return u.Host
	}
	return rawURL
}

// Paste hands the session the address the browser was sent to after
// "Allow", for when the browser cannot reach this machine's loopback (SSH,
// another computer). A bare query string ("code=…&state=…") works too.
//
// It returns nil when the address was accepted: Wait then finishes the
// sign-in. It returns an error and the session keeps waiting when the
// address is refused: ErrStateMismatch when its state is wrong or missing,
// or an *AuthError when it is an error Salesforce showed on its own page
// without a state (such as redirect_uri_mismatch): fix the app and open
// AuthURL again. After the sign-in ended it returns ErrSessionClosed.
func (s *Session) Paste(redirectedURL string) error {
	q, err := pastedQuery(redirectedURL)
	if err != nil {
		return err
	}
	if q.Get("state") == "" && q.Get("error") != "" {
		return s.authorizeError(q)
	}
	return s.accept(q)
}

// pastedQuery returns the query of a pasted address or query string.
func pastedQuery(pasted string) (url.Values, error) {
	pasted = strings.TrimSpace(pasted)
	raw := pasted
	if i := strings.IndexByte(pasted, '?'); i >= 0 {
		raw = pasted[i+1:]
	} else if strings.Contains(pasted, "://") || !strings.Contains(pasted, "=") {
		return nil, fmt.Errorf("%w: paste the whole address the browser shows, with its ?code=… part", ErrStateMismatch)
	}
	raw, _, _ = strings.Cut(raw, "#")
	q, err := url.ParseQuery(raw)
	if err != nil {
		// The error would quote the text, which may hold the code.
		return nil, fmt.Errorf("%w: the pasted address could not be read; copy it again", ErrStateMismatch)
	}
	return q, nil
}

// accept takes a callback's query: a wrong or missing state is refused
// (ErrStateMismatch) and the session keeps waiting; otherwise the result is
// handed to Wait and later callbacks get ErrSessionClosed.
func (s *Session) accept(q url.Values) error {
	if subtle.ConstantTimeCompare([]byte(q.Get("state")), []byte(s.state)) != 1 {
		return ErrStateMismatch
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.closed:
		return ErrSessionClosed
	default:
	}
	if s.done {
		return ErrSessionClosed
	}
	s.done = true
	switch {
	case q.Get("error") != "":
		s.results <- result{err: s.authorizeError(q)}
	case q.Get("code") == "":
		s.results <- result{err: &AuthError{Stage: StageAuthorize, Code: "missing_code",
			Description: "Salesforce sent the browser back without an authorization code",
			Hint:        "Sign in again; if it persists, check the app's OAuth settings."}}
	default:
		s.results <- result{code: q.Get("code")}
	}
	return nil
}

// authorizeError is the *AuthError for an error=… callback.
func (s *Session) authorizeError(q url.Values) *AuthError {
	secrets := []string{s.cfg.ClientSecret, s.verifier, q.Get("code")}
	e := &AuthError{
		Stage:       StageAuthorize,
		Code:        redact.Redact(q.Get("error"), secrets...),
		Description: redact.Redact(q.Get("error_description"), secrets...),
	}
	e.Hint = hintFor(e.Code, e.Description, s.callbackURL, s.cfg.LoginURL)
	return e
}

// Close stops listening for the callback. It is safe to call more than
// once and from any goroutine; Wait calls it too.
func (s *Session) Close() error {
	s.closeOnce.Do(func() {
		s.mu.Lock()
		close(s.closed)
		s.mu.Unlock()
		ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
		defer cancel()
		// Shutdown closes the listeners at once, then lets a callback page
		// being written finish.
		if err := s.srv.Shutdown(ctx); err != nil {
			_ = s.srv.Close()
		}
		// A Serve goroutine that has not started yet has not registered its
		// listener with the server: close them all here too.
		for _, ln := range s.listeners {
			if err := ln.Close(); err != nil && !errors.Is(err, net.ErrClosed) && s.closeErr == nil {
				s.closeErr = err
			}
		}
	})
	return s.closeErr
}

// randomString returns n random bytes, base64url without padding.
func randomString(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}
