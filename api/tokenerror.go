package api

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"sfstore/api/endpoint"
	"sfstore/api/redact"

	"golang.org/x/oauth2"
)

// TokenError is a failure to get a PingOne access token, before any API call
// was made: the token endpoint refused the worker app, redirected, did not
// answer in time or could not be reached, or the auth URL was refused
// before anything was sent.
//
// Its Error names the token endpoint and says why, e.g. "get pingone access
// token from auth.pingone.eu/<env>/as/token: 401 invalid_client: …". It
// never includes the raw token response body (which may echo the request)
// nor any secret.
type TokenError struct {
	Endpoint      string // host and path of the token endpoint, e.g. "auth.pingone.eu/<env>/as/token"
	StatusCode    int    // HTTP status of the token endpoint; 0 if it gave none
	Code          string // OAuth "error", e.g. "invalid_client"
	Description   string // OAuth "error_description", redacted
	CorrelationID string // Correlation-Id response header
	// Err is the underlying error, redacted: e.g. an *oauth2.RetrieveError
	// without its Body, a *RedirectError for a 3xx, a *url.Error for a
	// network failure.
	Err error

	cause   string // redacted description of a failure without an OAuth answer
	refused bool   // refused before sending: the auth URL or environment ID
}

// newTokenError wraps a token source failure, keeping only the OAuth fields
// of a token endpoint answer and never its body.
func newTokenError(err error, secrets []string) *TokenError {
	var te *TokenError
	if errors.As(err, &te) {
		return te.redacted(secrets)
	}
	te = &TokenError{Err: err, cause: describe(err)}
	var re *oauth2.RetrieveError
	var ue *url.Error
	var rf errRefused
	switch {
	case errors.As(err, &rf):
		te.refused = true
	case errors.As(err, &re):
		te.Code, te.Description = re.ErrorCode, re.ErrorDescription
		if r := re.Response; r != nil {
			te.StatusCode = r.StatusCode
			te.CorrelationID = r.Header.Get("Correlation-Id")
			te.Endpoint = endpointOf(requestURL(r))
			if endpoint.IsRedirect(r.StatusCode) {
				rd := newRedirectError(OpGetToken, r, redact.List(secrets...))
				te.Err, te.cause = rd, rd.Error()
			}
		}
	case errors.As(err, &ue):
		te.Endpoint = endpointOf(ue.URL)
	}
	return te.redacted(secrets)
}

// requestURL is the URL a response answered, or "".
func requestURL(r *http.Response) string {
	if r.Request == nil || r.Request.URL == nil {
		return ""
	}
	return r.Request.URL.String()
}

// redacted returns a copy with secrets masked in every field. The secrets
// themselves are not kept: a struct dump of the error must be safe too.
func (e *TokenError) redacted(secrets []string) *TokenError {
	secrets = redact.List(secrets...)
	c := *e
	c.Endpoint = redact.Redact(c.Endpoint, secrets...)
	c.Code = redact.Redact(c.Code, secrets...)
	c.Description = redact.Redact(c.Description, secrets...)
	c.CorrelationID = redact.Redact(c.CorrelationID, secrets...)
	c.cause = redact.Redact(c.cause, secrets...)
	c.Err = sanitize(c.Err, secrets)
	return &c
}

// Error reads like "get pingone access token from auth.pingone.com/<env>/as/token:
// 401 invalid_client: …".
func (e *TokenError) Error() string {
	head := "get pingone access token: "
	if e.Endpoint != "" {
		head = "get pingone access token from " + e.Endpoint + ": "
	}
	var rd *RedirectError
	if (e.StatusCode == 0 && e.Code == "") || errors.As(e.Err, &rd) {
		if e.cause == "" {
			return head + describe(e.Err)
		}
		return head + e.cause
	}
	s := head
	if e.StatusCode != 0 {
		s += fmt.Sprint(e.StatusCode)
	}
	if e.Code != "" {
		s += " " + e.Code
	} else {
		s += " " + http.StatusText(e.StatusCode) + " (not an OAuth error; a proxy or gateway answered?)"
	}
	if e.Description != "" {
		s += ": " + e.Description
	}
	return s
}

// Unwrap returns the underlying error.
func (e *TokenError) Unwrap() error { return e.Err }

// describe explains a failure without printing a token response body.
func describe(err error) string {
	var re *oauth2.RetrieveError
	var ue *url.Error
	var rf errRefused
	switch {
	case err == nil:
		return "unknown error"
	case errors.As(err, &rf):
		return "refused before sending: " + rf.Error()
	case errors.As(err, &re):
		return "the token endpoint refused the request"
	case errors.As(err, &ue) && ue.Timeout():
		return fmt.Sprintf("the auth server at %s did not answer in time (one request, not retried): %v", endpoint.HostOf(ue.URL), ue.Err)
	case errors.As(err, &ue) && errors.Is(err, context.Canceled):
		return fmt.Sprintf("canceled while waiting for the auth server at %s", endpoint.HostOf(ue.URL))
	case errors.As(err, &ue):
		return fmt.Sprintf("could not reach the auth server at %s: %v", endpoint.HostOf(ue.URL), ue.Err)
	}
	return err.Error()
}

// sanitize rebuilds a RetrieveError without its raw response body and
// request, and masks secrets in any other error's message, so that even
// printing or dumping the unwrapped cause is safe.
//
// The body goes whole, not masked: a proxy page may echo the request's
// Authorization header, where the client secret is merely base64-encoded
// beside the client ID, so masking by value cannot be trusted to find it.
// The request carries the secret itself. TokenError never shows the body
// anyway; the OAuth fields parsed from it are kept, masked.
func sanitize(err error, secrets []string) error {
	switch t := err.(type) {
	case nil, *RedirectError:
		return err
	case *oauth2.RetrieveError:
		safe := &oauth2.RetrieveError{
			ErrorCode:        redact.Redact(t.ErrorCode, secrets...),
			ErrorDescription: redact.Redact(t.ErrorDescription, secrets...),
			ErrorURI:         redact.Redact(t.ErrorURI, secrets...),
		}
		if r := t.Response; r != nil {
			safe.Response = &http.Response{Status: r.Status, StatusCode: r.StatusCode, Proto: r.Proto, Header: http.Header{}}
		}
		return safe
	}
	return redact.Err(err, secrets)
}

// isTimeout reports whether err is a deadline or a network timeout.
func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}
