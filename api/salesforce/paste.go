package salesforce

import (
	"crypto/subtle"
	"fmt"
	"net/url"
	"sfstore/api/redact"
	"strings"
)

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
	// Every code value (a second one would otherwise pass unmasked),
	// longest first (see redact.List).
	secrets := redact.List(append([]string{s.cfg.ClientSecret, s.verifier}, q["code"]...)...)
	e := &AuthError{
		Stage:       StageAuthorize,
		Code:        redact.Redact(q.Get("error"), secrets...),
		Description: redact.Redact(q.Get("error_description"), secrets...),
	}
	e.Hint = hintFor(e.Code, e.Description, s.callbackURL, s.cfg.LoginURL)
	return e
}
