package ui

import (
	"context"
	"fmt"
	"net/http"

	"sfstore/api/salesforce"
)

// SalesforceSession is a Salesforce access token known to work, with where
// to use it and whom it belongs to: the pickers read the org with it.
type SalesforceSession struct {
	InstanceURL string
	Token       string
	Identity    *salesforce.Identity
}

// SignInConfig builds the Salesforce sign-in's configuration from the
// answers.
func (s *Session) SignInConfig() salesforce.Config {
	login := s.Opts.Salesforce.LoginURL
	if login == "" {
		login = "https://" + s.Answers.SalesforceDomain
	}
	return salesforce.Config{
		LoginURL:     login,
		ClientID:     s.Answers.ClientID,
		ClientSecret: s.Answers.ClientSecret,
		CallbackPort: s.Opts.Salesforce.CallbackPort,
		HTTPClient:   s.SalesforceHTTPClient(),
		OpenBrowser:  s.Opts.Salesforce.OpenBrowser,
	}
}

// SalesforceHTTPClient is the client for Salesforce calls, traced with
// --debug like PingOne's.
func (s *Session) SalesforceHTTPClient() *http.Client {
	return s.HTTPClient(s.Opts.Salesforce.HTTPClient)
}

// UseTokens puts a sign-in's tokens into the answers, like pasted ones, and
// returns the session they open.
func (s *Session) UseTokens(t *salesforce.Tokens) *SalesforceSession {
	a := s.Answers
	a.SalesforceAccessToken, a.SalesforceRefreshToken = t.AccessToken, t.RefreshToken
	s.NoteSecrets()
	// instance_url names the org's own domain, which SALESFORCE_DOMAIN
	// wants even when the person signed in at login or test.salesforce.com.
	// The demo's org lives on loopback, so its typed domain is kept.
	if d := t.Domain(); d != "" && d != a.SalesforceDomain && !s.Opts.Demo {
		s.Notice(s.ErrStyles.Muted, fmt.Sprintf("Salesforce says this org's domain is %s; the store uses it.", d))
		a.SalesforceDomain = d
	}
	return &SalesforceSession{InstanceURL: t.InstanceURL, Token: t.AccessToken}
}

// SignInScripted runs the browser sign-in of a --no-input run: the
// addresses go to stderr, and the callback must reach this machine (no
// paste-back).
func (s *Session) SignInScripted(ctx context.Context) error {
	sess, err := salesforce.Start(ctx, s.SignInConfig())
	if err != nil {
		return err // already says it is about the Salesforce sign-in
	}
	defer sess.Close()
	s.Progress("Salesforce sign-in: the app must list this callback URL: %s", sess.CallbackURL())
	s.Progress("Open this address to sign in (sfstore tries to open it for you):\n  %s", sess.AuthURL())
	if err := sess.OpenBrowser(); err != nil {
		s.Progress("Could not open a browser (%v); open the address yourself.", err)
	}
	s.Progress("Waiting up to %s for the browser…", salesforce.DefaultTimeout)
	t, err := sess.Wait(ctx)
	if err != nil {
		return err
	}
	s.UseTokens(t)
	s.Progress("✓ Signed in to Salesforce: tokens received.")
	return nil
}
