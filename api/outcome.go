package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptrace"
	"strings"
	"sync/atomic"
)

// OutcomeUnknownError reports a create whose request may have reached
// PingOne but whose outcome is not known: the store may exist now, or not.
//
// It is returned when the request may have been written and then the
// connection broke, the time ran out or the context was cancelled before
// an answer came; when PingOne answered 5xx (it failed while handling the
// request, possibly after storing it); and when it answered 2xx with an
// empty, null or undecodable body, or a store without an id. A failure
// before anything was written (DNS, dial, TLS handshake, a token error, a
// context already done) is an ordinary error instead: nothing was sent.
//
// The caller must find out rather than guess: retrying blindly may create
// a second store with the same name and secrets, and reporting a plain
// failure may leave a store the user does not know about. List the stores
// and look for the name, with FindSalesforceStores(ctx, envID, StoreName).
//
// Err is the failure behind it, if any: an *Error for a 5xx (so
// errors.As(err, &apiErr) still finds it), a network or context error
// (errors.Is(err, context.Canceled) still works), or a decode error.
type OutcomeUnknownError struct {
	Op        string // the call, OpCreateStore
	StoreName string // the name the request asked for: look for it
	Reason    string // why the outcome is unknown, e.g. "no answer after the request was sent"
	Err       error  // the failure behind it, or nil
}

// Error reads like "create store: outcome unknown, the store may or may not
// have been created: no answer after the request was sent: pingone at
// api.pingone.com did not answer in time: context deadline exceeded".
func (e *OutcomeUnknownError) Error() string {
	s := e.Op + ": outcome unknown, the store may or may not have been created: " + e.Reason
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the failure behind the unknown outcome.
func (e *OutcomeUnknownError) Unwrap() error { return e.Err }

// Hint says to check before trying again, never just to retry.
func (e *OutcomeUnknownError) Hint() string {
	what := "the store"
	if n := strings.TrimSpace(e.StoreName); n != "" {
		what = fmt.Sprintf("a Salesforce store named %q", n)
	}
	h := "The request may have reached PingOne: before trying again, list the stores of the environment and check whether " +
		what + " now exists, so as not to create it twice."
	var apiErr *Error
	if errors.As(e.Err, &apiErr) && apiErr.StatusCode >= 500 {
		h += " If PingOne keeps failing, quote " + apiErr.refs() + " to Ping support."
	}
	return h
}

// writeTrace records, through net/http/httptrace, whether any of a request
// was written to a connection.
type writeTrace struct {
	gotConn atomic.Bool // the transport is net/http's and looked for a connection
	wrote   atomic.Bool // headers, and maybe the body, were written
}

// context returns ctx with the trace hooks added to any already there.
func (w *writeTrace) context(ctx context.Context) context.Context {
	return httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		GetConn:      func(string) { w.gotConn.Store(true) },
		WroteHeaders: func() { w.wrote.Store(true) },
		// Called even when writing failed: part of it may be out.
		WroteRequest: func(httptrace.WroteRequestInfo) { w.wrote.Store(true) },
	})
}

// mayHaveSent reports whether the request may have reached the server. A
// transport that does not report to httptrace (a custom RoundTripper)
// leaves both hooks silent: then nobody knows, so the answer is yes.
func (w *writeTrace) mayHaveSent() bool {
	return w.wrote.Load() || !w.gotConn.Load()
}

// createFailed sorts a failed create into a plain error (nothing was
// sent, or PingOne refused it) or an *OutcomeUnknownError. resp and err
// are what do returned.
func createFailed(k call, name string, resp *http.Response, err error, w *writeTrace) error {
	unknown := func(reason string) error {
		return &OutcomeUnknownError{Op: k.op, StoreName: name, Reason: reason, Err: err}
	}
	var te *TokenError
	switch {
	case errors.As(err, &te), errors.Is(err, errWrongOrigin):
		// Refused before anything was written.
	case resp == nil:
		if !w.mayHaveSent() {
			break
		}
		switch {
		case errors.Is(err, context.Canceled):
			return unknown("canceled after the request was sent")
		case isTimeout(err):
			return unknown("no answer after the request was sent")
		}
		return unknown("the connection failed after the request was sent")
	case resp.StatusCode >= 500:
		return unknown("the request reached pingone, which then failed")
	case resp.StatusCode == http.StatusSeeOther:
		// 303 says the request was handled and the result is elsewhere.
		return unknown("pingone answered " + resp.Status + ", which means it handled the request")
	case resp.StatusCode >= 200 && resp.StatusCode <= 299:
		return unknown("pingone's answer (" + resp.Status + ") could not be read")
	}
	return fmt.Errorf("%s: %w", k.op, err)
}
