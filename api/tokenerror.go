package api

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sfstore/api/redact"

	"golang.org/x/oauth2"
)

// TokenError is a failure to get a PingOne access token, before any API call
// was made: the token endpoint refused the worker app, or could not be
// reached.
//
// Its Error never includes the raw token response body (which may echo the
// request) nor any secret.
type TokenError struct {
	StatusCode    int    // HTTP status of the token endpoint; 0 if it gave none
	Code          string // OAuth "error", e.g. "invalid_client"
	Description   string // OAuth "error_description", redacted
	CorrelationID string // Correlation-Id response header
	Err           error  // the underlying error, e.g. *oauth2.RetrieveError, redacted

	cause string // redacted description of a failure without an HTTP answer
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
	if errors.As(err, &re) {
		te.Code, te.Description = re.ErrorCode, re.ErrorDescription
		if re.Response != nil {
			te.StatusCode = re.Response.StatusCode
			te.CorrelationID = re.Response.Header.Get("Correlation-Id")
		}
	}
	return te.redacted(secrets)
}

// redacted returns a copy with secrets masked in every field. The secrets
// themselves are not kept: a struct dump of the error must be safe too.
func (e *TokenError) redacted(secrets []string) *TokenError {
	secrets = redact.List(secrets...)
	c := *e
	c.Code = redact.Redact(c.Code, secrets...)
	c.Description = redact.Redact(c.Description, secrets...)
	c.CorrelationID = redact.Redact(c.CorrelationID, secrets...)
	c.cause = redact.Redact(c.cause, secrets...)
	c.Err = sanitize(c.Err, secrets)
	return &c
}

// Error reads like "get pingone access token: 401 invalid_client: …".
func (e *TokenError) Error() string {
	const head = "get pingone access token: "
	if e.StatusCode == 0 && e.Code == "" {
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
	switch {
	case err == nil:
		return "unknown error"
	case errors.As(err, &re):
		return "the token endpoint refused the request"
	case errors.As(err, &ue):
		return fmt.Sprintf("could not reach the auth server at %s: %v", hostOf(ue.URL), ue.Err)
	}
	return err.Error()
}

// sanitize masks secrets in a RetrieveError, whose Error embeds the raw
// response body, and drops its request (which carries the client secret),
// so that even printing or dumping the unwrapped cause is safe.
func sanitize(err error, secrets []string) error {
	re, ok := err.(*oauth2.RetrieveError)
	if !ok {
		return err
	}
	safe := &oauth2.RetrieveError{
		Body:             []byte(redact.Redact(string(re.Body), secrets...)),
		ErrorCode:        redact.Redact(re.ErrorCode, secrets...),
		ErrorDescription: redact.Redact(re.ErrorDescription, secrets...),
		ErrorURI:         redact.Redact(re.ErrorURI, secrets...),
	}
	if r := re.Response; r != nil {
		safe.Response = &http.Response{Status: r.Status, StatusCode: r.StatusCode, Proto: r.Proto, Header: http.Header{}}
	}
	return safe
}

// hostOf returns the host of rawURL, or rawURL if it does not parse.
func hostOf(rawURL string) string {
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		return u.Host
	}
	return rawURL
}
