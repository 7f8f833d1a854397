package salesforce

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
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
