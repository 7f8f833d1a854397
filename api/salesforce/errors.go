package salesforce

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

var (
	// ErrNoRefreshToken is returned by Wait when Salesforce issued no
	// refresh token, so PingOne could not keep its access token fresh.
	ErrNoRefreshToken = errors.New("salesforce issued no refresh token: the refresh_token scope was not granted; add 'Perform requests at any time (refresh_token, offline_access)' to the app's OAuth scopes and sign in again")

	// ErrTimedOut is returned by Wait when the browser did not come back
	// within Config.Timeout. The error wrapping it names the time limit.
	ErrTimedOut = errors.New("salesforce sign-in timed out")

	// ErrStateMismatch is returned by Paste for an address that does not
	// belong to this sign-in (its state is wrong or missing). The session
	// keeps waiting.
	ErrStateMismatch = errors.New("this address is not from the sign-in sfstore started (its state does not match)")

	// ErrSessionClosed is returned when the session already ended: Wait
	// returned, Close was called, or a callback was already accepted.
	ErrSessionClosed = errors.New("salesforce sign-in session is closed")

	// ErrTokenRejected is matched by the error of a REST call that
	// Salesforce answered with 401: the access token is expired, revoked
	// or not a token of this org. For a pasted token this is only a
	// warning: PingOne gets a fresh one with the refresh token.
	ErrTokenRejected = errors.New("salesforce rejected the access token")
)

// Stages of an *AuthError.
const (
	StageAuthorize = "authorize" // Salesforce redirected back with an error
	StageToken     = "token"     // the code exchange failed
)

// AuthError is a sign-in Salesforce refused, either on the authorize page
// (it redirected back with error=…) or at the code exchange.
//
// Its fields never contain the client secret, the authorization code, the
// PKCE verifier or a token.
type AuthError struct {
	Stage       string // StageAuthorize or StageToken
	StatusCode  int    // HTTP status of the token endpoint; 0 at authorize or without an answer
	Code        string // OAuth error, e.g. "access_denied", "invalid_grant"
	Description string // error_description, or what went wrong without an answer
	Hint        string // what the user can do, one or two plain sentences

	err error // a redacted cause, for errors.Is (e.g. context.DeadlineExceeded)
}

// Error reads like "salesforce refused the sign-in: access_denied: end-user
// denied authorization".
func (e *AuthError) Error() string {
	s := "salesforce refused the sign-in: "
	if e.Stage == StageToken {
		s = "salesforce token request failed: "
		if e.StatusCode != 0 {
			s += fmt.Sprint(e.StatusCode) + " "
		}
	}
	switch {
	case e.Code != "" && e.Description != "":
		return s + e.Code + ": " + e.Description
	case e.Code != "":
		return s + e.Code
	case e.Description != "":
		return s + e.Description
	}
	if text := http.StatusText(e.StatusCode); text != "" {
		return s + text
	}
	return s + "no reason given"
}

// Unwrap returns the redacted cause, if any.
func (e *AuthError) Unwrap() error { return e.err }

// APIError is a non-2xx answer from the Salesforce REST API. Salesforce
// sends errors as [{"errorCode":"…","message":"…"}]; when the body is
// something else, Message holds a short excerpt of it.
//
// Its fields never contain the access token.
type APIError struct {
	Status  int    // HTTP status code, e.g. 400
	Code    string // Salesforce errorCode, e.g. "MALFORMED_QUERY"; may be empty
	Message string // Salesforce message, or an excerpt of a body that was not a Salesforce error
}

// Error reads like "salesforce returned 400 MALFORMED_QUERY: …".
func (e *APIError) Error() string {
	s := fmt.Sprintf("salesforce returned %d", e.Status)
	switch {
	case e.Code != "" && e.Message != "":
		return s + " " + e.Code + ": " + e.Message
	case e.Code != "":
		return s + " " + e.Code
	case e.Message != "":
		return s + ": " + e.Message
	}
	return s + " " + http.StatusText(e.Status) + " with an empty body"
}

// Is makes a 401 match ErrTokenRejected.
func (e *APIError) Is(target error) bool {
	return target == ErrTokenRejected && e.Status == http.StatusUnauthorized
}

// Hint says in one plain sentence what the user can do about e.
func (e *APIError) Hint() string {
	switch {
	case e.Status == http.StatusUnauthorized || e.Code == "INVALID_SESSION_ID":
		return "The access token is expired, revoked or from another org: sign in to Salesforce again. A pasted token can still be used: PingOne refreshes it with the refresh token."
	case e.Code == "API_DISABLED_FOR_ORG" || e.Code == "API_CURRENTLY_DISABLED":
		return "The REST API is not enabled for this org or user: the user needs the 'API Enabled' permission, and the org an edition with API access."
	case e.Code == "REQUEST_LIMIT_EXCEEDED":
		return "The org has used up its daily API requests: try again later."
	case e.Code == "INSUFFICIENT_ACCESS" || e.Status == http.StatusForbidden:
		return "The signed-in user may not read this: sign in as a Salesforce admin with 'View All Data', and give the app the 'api' scope."
	case e.Code == "MALFORMED_QUERY" || e.Code == "INVALID_FIELD" || e.Code == "INVALID_TYPE":
		return "Salesforce refused the query sfstore sent: type the ID by hand instead."
	case e.Status >= 500:
		return "Salesforce had a problem: try again in a moment."
	}
	return "Check the Salesforce domain and that the user can use the REST API."
}

// humanDuration says d the way a person would: "5 minutes", "90 seconds".
func humanDuration(d time.Duration) string {
	plural := func(n int64, unit string) string {
		if n == 1 {
			return "1 " + unit
		}
		return fmt.Sprintf("%d %ss", n, unit)
	}
	switch {
	case d >= time.Hour && d%time.Hour == 0:
		return plural(int64(d/time.Hour), "hour")
	case d >= time.Minute && d%time.Minute == 0:
		return plural(int64(d/time.Minute), "minute")
	case d >= time.Second && d%time.Second == 0:
		return plural(int64(d/time.Second), "second")
	}
	return d.String()
}
