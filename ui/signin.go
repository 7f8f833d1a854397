package ui

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"sfstore/api/redact"
	"sfstore/api/salesforce"
)

// salesforceSession is a Salesforce access token known to work, with where
// to use it and whom it belongs to.
type salesforceSession struct {
	instanceURL string
	token       string
	identity    *salesforce.Identity
}

// signInConfig builds the sign-in configuration from the answers.
func (w *wizard) signInConfig() salesforce.Config {
	login := w.opts.Salesforce.LoginURL
	if login == "" {
		login = "https://" + w.a.SalesforceDomain
	}
	return salesforce.Config{
		LoginURL:     login,
		ClientID:     w.a.ClientID,
		ClientSecret: w.a.ClientSecret,
		CallbackPort: w.opts.Salesforce.CallbackPort,
		HTTPClient:   w.salesforceHTTPClient(),
		OpenBrowser:  w.opts.Salesforce.OpenBrowser,
	}
}

func (w *wizard) salesforceHTTPClient() *http.Client {
	return w.httpClient(w.opts.Salesforce.HTTPClient)
}

// useTokens puts a sign-in's tokens into the answers, like pasted ones.
func (w *wizard) useTokens(t *salesforce.Tokens) {
	w.a.SalesforceAccessToken, w.a.SalesforceRefreshToken = t.AccessToken, t.RefreshToken
	w.sf = &salesforceSession{instanceURL: t.InstanceURL, token: t.AccessToken}
	// instance_url names the org's own domain, which SALESFORCE_DOMAIN
	// wants even when the user signed in at login or test.salesforce.com.
	// The demo's org lives on loopback, so its typed domain is kept.
	if d := t.Domain(); d != "" && d != w.a.SalesforceDomain && !w.opts.Demo {
		w.notice(w.st.Muted, fmt.Sprintf("Salesforce says this org's domain is %s; the store uses it.", d))
		w.a.SalesforceDomain = d
	}
}

// signInScripted runs the browser sign-in of a --no-input run: the addresses
// go to stderr, and the callback must reach this machine (no paste-back).
func (w *wizard) signInScripted(ctx context.Context) error {
	s, err := salesforce.Start(ctx, w.signInConfig())
	if err != nil {
		return err // already says it is about the Salesforce sign-in
	}
	defer s.Close()
	w.progress("Salesforce sign-in: the app must list this callback URL: %s", s.CallbackURL())
	w.progress("Open this address to sign in (sfstore tries to open it for you):\n  %s", s.AuthURL())
	if err := s.OpenBrowser(); err != nil {
		w.progress("Could not open a browser (%v); open the address yourself.", err)
	}
	w.progress("Waiting up to %s for the browser…", salesforce.DefaultTimeout)
	t, err := s.Wait(ctx)
	if err != nil {
		return err
	}
	w.useTokens(t)
	w.progress("✓ Signed in to Salesforce: tokens received.")
	return nil
}

// verifySalesforce checks the access token against the org and says whose
// it is. A rejected token is a warning, not a stop: PingOne refreshes it
// with the refresh token. sfstore itself never refreshes it, since with
// refresh-token rotation on that would invalidate the copy PingOne gets.
func (w *wizard) verifySalesforce(ctx context.Context) error {
	instance := "https://" + w.a.SalesforceDomain
	if w.opts.Salesforce.InstanceURL != "" {
		instance = w.opts.Salesforce.InstanceURL
	}
	if w.sf != nil {
		instance = w.sf.instanceURL
	}
	var id *salesforce.Identity
	err := w.runTask(ctx, "Checking the Salesforce access token", func(ctx context.Context) error {
		var err error
		id, err = salesforce.Verify(ctx, w.salesforceHTTPClient(), instance, w.a.SalesforceAccessToken)
		return err
	})
	switch {
	case errors.Is(err, ErrCancelled):
		return err
	case errors.Is(err, salesforce.ErrTokenRejected):
		w.sf = nil
		w.notice(w.st.Warn, "! Salesforce refused the access token (expired?). That is fine if the refresh token is good: PingOne gets a new access token with it. The profile and account lists are not available.")
	case err != nil:
		w.sf = nil
		w.notice(w.st.Warn, "! The Salesforce token could not be checked: "+redact.Redact(err.Error(), w.a.secretValues()...))
	default:
		w.sf = &salesforceSession{instanceURL: instance, token: w.a.SalesforceAccessToken, identity: id}
		who := id.Username
		if id.Name != "" {
			who = fmt.Sprintf("%s (%s)", id.Name, id.Username)
		}
		w.notice(w.st.OK, fmt.Sprintf("✓ Salesforce token works: org %s, user %s.", id.OrgID, who))
	}
	return nil
}

// signInTimeLeft formats the time left for the sign-in.
func signInTimeLeft(deadline time.Time) string {
	left := time.Until(deadline).Round(time.Second)
	if left < 0 {
		left = 0
	}
	return fmt.Sprintf("%d:%02d", int(left.Minutes()), int(left.Seconds())%60)
}
