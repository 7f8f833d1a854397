package salesforce

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sfstore/api/endpoint"
	"sfstore/api/redact"
	"strconv"

	"golang.org/x/oauth2"
)

// exchange trades the code for tokens: grant_type=authorization_code with
// the code, redirect_uri, code_verifier, client_id and client_secret as
// form fields. The token endpoint gets no redirects followed (see
// endpoint.NoRedirects), and an instance_url that fails endpoint.Check is refused:
// every later call would send the access token there.
//
// There is deliberately no refresh here or anywhere in this package: with
// refresh-token rotation on, refreshing would invalidate the refresh token
// PingOne receives.
func (s *Session) exchange(parent context.Context, code string) (*Tokens, error) {
	ctx, cancel := context.WithTimeout(parent, exchangeTimeout)
	defer cancel()
	ctx = context.WithValue(ctx, oauth2.HTTPClient, endpoint.NoRedirects(s.cfg.HTTPClient, defaultHTTPClient))
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
	if err := checkInstanceURL(t.InstanceURL); err != nil {
		return nil, &AuthError{
			Stage:       StageToken,
			Description: redact.Redact(err.Error(), s.cfg.ClientSecret, code, s.verifier, t.AccessToken, t.RefreshToken),
			Hint:        "Something other than Salesforce may have answered the sign-in: check the login URL " + s.cfg.LoginURL + " and HTTPS_PROXY, then sign in again. The tokens it sent were not used.",
		}
	}
	if t.RefreshToken == "" {
		return nil, ErrNoRefreshToken
	}
	return t, nil
}

// checkInstanceURL refuses an instance_url from a token answer that the
// access token must not be sent to. Salesforce always sends one, in https.
func checkInstanceURL(raw string) error {
	if raw == "" {
		return errors.New("the answer has no instance_url (the org's API address), so its tokens were not used")
	}
	if _, err := checkBase(raw, "instance_url"); err != nil {
		return fmt.Errorf("the answer's instance_url was refused, so its tokens were not used (%w)", err)
	}
	return nil
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
	secrets := redact.List(s.cfg.ClientSecret, code, s.verifier)
	e := &AuthError{Stage: StageToken}
	var re *oauth2.RetrieveError
	var ue *url.Error
	switch {
	case errors.As(err, &re) && re.Response != nil && endpoint.IsRedirect(re.Response.StatusCode):
		// oauth2 hands back the 3xx NoRedirects stopped at as an error.
		rd := redirectError(re.Response)
		e.StatusCode = rd.Status
		e.Description = "the token endpoint answered with a redirect " + rd.where() + "; it was not followed, so the client secret and the code were not sent there"
		e.Hint = "Salesforce's token endpoint does not redirect: check the login URL " + s.cfg.LoginURL + " (https://login.salesforce.com, https://test.salesforce.com or the org's My Domain) and HTTPS_PROXY, then sign in again."
		e.err = rd
		return e
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
		e.Description = redact.Redact(fmt.Sprintf("could not reach %s: %v", endpoint.HostOf(ue.URL), ue.Err), secrets...)
		e.err = redact.Err(ue.Err, secrets)
		e.Hint = "Check the login URL " + s.cfg.LoginURL + ", your network and HTTPS_PROXY, then sign in again."
		return e
	default:
		e.Description = redact.Redact(err.Error(), secrets...)
	}
	e.Hint = hintFor(e.Code, e.Description, s.callbackURL, s.cfg.LoginURL)
	return e
}
