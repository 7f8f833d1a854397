package stores

import (
	"context"
	"errors"
	"fmt"

	"sfstore/api"
	"sfstore/api/salesforce"
	"sfstore/ui"
	"sfstore/ui/cards"
	"sfstore/ui/settings"
)

// errOneToken is half a pair of tokens: PingOne needs both.
var errOneToken = &settings.InputError{Problems: []string{
	"supply both SALESFORCE_ACCESS_TOKEN and SALESFORCE_REFRESH_TOKEN: they are issued together, and PingOne needs both"}}

// Reconnect puts new Salesforce tokens on a store, and optionally a new
// client secret: the tokens come from the environment
// (SALESFORCE_ACCESS_TOKEN and SALESFORCE_REFRESH_TOKEN), from the
// wizard's sign-in screen (the browser with PKCE, or pasted), or from
// --salesforce-login in a script. The access token is checked against the
// org, then the update flow (ui.Update) sends one PUT of the whole store
// with only those values changed, offers to save the secrets and to
// publish.
//
// The client secret that is not being replaced is PingOne's copy, or when
// PingOne returns it masked, the keyring's (saved at creation), else a
// prompt; a new one comes from SALESFORCE_CLIENT_SECRET or the sign-in
// screen.
func Reconnect(ctx context.Context, s *ui.Session, p Prompter, ref string) (*api.Store, error) {
	f, err := find(ctx, s, p, ref)
	if err != nil {
		return nil, err
	}
	given := adopt(s, f.Store)
	a := s.Answers
	s.Notice(s.ErrStyles.Title, fmt.Sprintf("Reconnect %s (%s) to Salesforce: new tokens for %s, client ID %s.",
		f.Store.Name, f.Store.ID, a.SalesforceDomain, a.ClientID))
	if err := s.FillSalesforceSaved(ctx, p, empty(a, []*settings.Field{settings.FieldClientSecret})); err != nil {
		return nil, err
	}
	original := *a
	if given.ClientSecret != "" {
		a.ClientSecret = given.ClientSecret // a new one, or the one PingOne hid
	}
	a.SalesforceAccessToken, a.SalesforceRefreshToken = given.SalesforceAccessToken, given.SalesforceRefreshToken
	// The wizard's sign-in screen asks for the client secret itself; a
	// script, or tokens from the environment, need it now, before the
	// token is checked.
	if a.ClientSecret == "" && (s.Opts.NoInput || a.SalesforceAccessToken != "" || a.SalesforceRefreshToken != "") {
		if err := p.AskSecrets(ctx, []*settings.Field{settings.FieldClientSecret}, fmt.Sprintf(
			"PingOne does not return it, and the keyring holds none for %s with client ID %s", a.SalesforceDomain, a.ClientID)); err != nil {
			return nil, err
		}
	}
	if err := newTokens(ctx, s, p, given); err != nil {
		return nil, err
	}
	s.Opts.Salesforce.Login = false // signed in: the flow's script must not sign in again
	if s.Opts.NoInput {
		printChanges(s, original)
	}
	store, err := ui.Update(ctx, s, p, ui.Editing{StoreID: f.Store.ID, Original: original})
	if errors.Is(err, ui.ErrNothingChanged) {
		return &f.Store, nil // the store already holds these tokens
	}
	if err != nil {
		return nil, err
	}
	refreshSaved(ctx, s, p)
	return store, nil
}

// newTokens gets the new tokens, then checks the access token; in a
// terminal a refused token can be replaced by signing in again.
func newTokens(ctx context.Context, s *ui.Session, p Prompter, given settings.Answers) error {
	a := s.Answers
	switch {
	case given.SalesforceAccessToken != "" && given.SalesforceRefreshToken != "":
		return checkToken(ctx, s, p, nil)
	case given.SalesforceAccessToken != "" || given.SalesforceRefreshToken != "":
		return errOneToken
	}
	for {
		sess, err := p.NewTokens(ctx)
		if err != nil {
			return err
		}
		s.NoteSecrets()
		err = checkToken(ctx, s, p, sess)
		if !errors.Is(err, errRefused) {
			return err
		}
		again, qerr := p.Confirm(ctx, Question{Title: "Sign in to Salesforce again?",
			Description: "Nothing was sent to PingOne. Choose No to stop.", Default: true})
		switch {
		case qerr != nil:
			return qerr
		case !again:
			return &ui.ShownError{Err: errRefused}
		}
		a.SalesforceAccessToken, a.SalesforceRefreshToken = "", ""
	}
}

// errRefused is a new access token Salesforce refused, already reported.
var errRefused = errors.New("salesforce refused the new access token")

// checkToken checks the new access token against the org before anything
// is sent: a token Salesforce refuses would leave the store as broken as
// it was. A check that cannot be made (the org unreachable from here) is
// a warning, since PingOne reaches Salesforce from elsewhere.
func checkToken(ctx context.Context, s *ui.Session, p Prompter, sess *ui.SalesforceSession) error {
	checked, err := s.VerifySalesforce(ctx, p, "Checking the new Salesforce access token", sess)
	switch {
	case err == nil:
		id := checked.Identity
		msg := "✓ Salesforce accepts the new access token: org " + id.OrgID
		if id.Username != "" { // a token without the openid scope says only its org
			msg += ", user " + id.Username
		}
		s.Notice(s.ErrStyles.OK, msg+".")
		return nil
	case stop(err):
		return err
	case errors.Is(err, salesforce.ErrTokenRejected):
		err = &refusedError{err}
		s.ReportFailure("Salesforce refused the new access token", err)
		if s.Opts.NoInput {
			s.ReportFinalFailure(err)
			return &ui.ShownError{Err: err}
		}
		return errRefused
	}
	s.Notice(s.ErrStyles.Warn, "! The new access token could not be checked ("+err.Error()+"); PingOne checks it when it next syncs.")
	return nil
}

// refusedError is a new access token Salesforce refused. Its hint replaces
// the Salesforce client's, which says a pasted token may still do: a
// reconnect sends only a token the org accepts, since a dead one would
// leave the store as broken as it was.
type refusedError struct{ err error }

func (e *refusedError) Error() string { return e.err.Error() }
func (e *refusedError) Unwrap() error { return e.err }

// Hint says how to get a token the org accepts.
func (e *refusedError) Hint() string {
	return "Nothing was sent to PingOne. Get tokens issued just now: sign in again (in a terminal, or with --salesforce-login), or export the tokens of a fresh sign-in."
}

// printChanges shows a script's log what an update changes, before it is
// sent; the wizard's review shows the same.
func printChanges(s *ui.Session, original settings.Answers) {
	fmt.Fprintln(s.Err, s.ErrStyles.Section.Render("Changes to the store")+s.ErrStyles.Muted.Render(" (secrets masked)"))
	fmt.Fprintln(s.Err, cards.RenderChanges(s.ErrStyles, original, *s.Answers, s.ErrWidth))
}
