package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptrace"
	"sfstore/api/redact"
	"strings"
	"sync/atomic"
)

// OutcomeUnknownError reports a create or an update whose request may
// have reached PingOne but whose outcome is not known: the store may now
// exist (or hold the change), or not.
//
// It is returned when the request may have been written and then the
// connection broke, the time ran out or the context was cancelled before
// an answer came; when PingOne answered 5xx (it failed while handling the
// request, possibly after storing it) or 303; and when it answered 2xx
// with another status than documented, or with an empty, null or
// undecodable body, or a store without an id. A failure before anything
// was written (DNS, dial, TLS handshake, a token error, a context already
// done) is an ordinary error instead: nothing was sent.
//
// The caller must find out rather than guess: retrying a create blindly may
// make a second store with the same name and secrets, and reporting a
// plain failure may leave a store, or a change, the user does not know
// about. After a create, list the stores and look for the name, with
// FindSalesforceStores(ctx, envID, StoreName); after an update, read the
// store again with GetStore(ctx, envID, StoreID).
//
// Err is the failure behind it, if any: an *Error for a 5xx (so
// errors.As(err, &apiErr) still finds it), a network or context error
// (errors.Is(err, context.Canceled) still works), ErrEmptyResponse, or a
// decode error.
//
// The propagation calls (plans, rules, mappings, the directory store, a
// revision) report the same way: Resource names what the call changes,
// StoreName and StoreID then hold that resource's name and ID (the fields
// are named for the first calls that had them), and ReadBack says what to
// read to know.
type OutcomeUnknownError struct {
	Op        string // the call, e.g. OpCreateStore, OpUpdateStore, OpCreateRule
	StoreName string // the name the request asked for: look for it
	StoreID   string // the store (or other resource) updated; "" for a create
	Reason    string // why the outcome is unknown, e.g. "no answer after the request was sent"
	Err       error  // the failure behind it, or nil
	// Resource is what the call changes: "" for a Salesforce store, else
	// e.g. "rule", "mapping", "plan", "directory store", "revision".
	Resource string
	// ReadBack says, for a Resource other than a Salesforce store, what
	// to read before trying again, in words for the user (Hint quotes
	// it), e.g. `list the environment's rules and look for one named "…"`;
	// "" for a store. The call's doc comment names the function.
	ReadBack string
}

// Error reads like "create store: outcome unknown, the store may or may not
// have been created: no answer after the request was sent: pingone at
// api.pingone.com did not answer in time: context deadline exceeded".
func (e *OutcomeUnknownError) Error() string {
	s := e.Op + ": outcome unknown, the " + e.resource() + " may or may not have been " + e.done() + ": " + e.Reason
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// done is what the call would have done to the store.
func (e *OutcomeUnknownError) done() string {
	switch {
	case e.Op == OpUpdateStore, strings.HasPrefix(e.Op, "update "):
		return "updated"
	case strings.HasPrefix(e.Op, "delete "):
		return "deleted"
	}
	return "created"
}

// resource is what the call changes, as the message names it.
func (e *OutcomeUnknownError) resource() string {
	if e.Resource == "" {
		return "store"
	}
	return e.Resource
}

// Unwrap returns the failure behind the unknown outcome.
func (e *OutcomeUnknownError) Unwrap() error { return e.Err }

// Hint says to check before trying again, never just to retry.
func (e *OutcomeUnknownError) Hint() string {
	var h string
	if e.Resource != "" {
		h = "The request may have reached PingOne: " + e.ReadBack + " before trying again, so as not to make the change twice."
	} else if e.Op == OpUpdateStore {
		h = "The update may have reached PingOne: read the store again"
		if id := strings.TrimSpace(e.StoreID); id != "" {
			h += fmt.Sprintf(" (ID %s)", id)
		}
		h += " to see whether the change is in before trying again."
	} else {
		what := "the store"
		if n := strings.TrimSpace(e.StoreName); n != "" {
			what = fmt.Sprintf("a Salesforce store named %q", n)
		}
		h = "The request may have reached PingOne: before trying again, list the stores of the environment and check whether " +
			what + " now exists, so as not to create it twice."
	}
	var apiErr *Error
	if errors.As(e.Err, &apiErr) && apiErr.StatusCode >= 500 {
		h += " If PingOne keeps failing, quote " + apiErr.refs() + " to Ping support."
	}
	return h
}

// change names the store a create or an update is about, for an
// *OutcomeUnknownError; resource and readBack are set for the other
// propagation resources (see OutcomeUnknownError.Resource).
type change struct{ name, id, resource, readBack string }

// unknown is the *OutcomeUnknownError of call k about ch.
func (ch change) unknown(k call, reason string, err error) *OutcomeUnknownError {
	return &OutcomeUnknownError{Op: k.op, StoreName: ch.name, StoreID: ch.id, Reason: reason, Err: err,
		Resource: ch.resource, ReadBack: ch.readBack}
}

// failUnknown is unknown for call k as a storeAnswer's fail: a 2xx answer
// without a usable store leaves the outcome of a change unknown.
func (ch change) failUnknown(k call) func(reason string, err error) error {
	return func(reason string, err error) error { return ch.unknown(k, reason, err) }
}

// sendChange makes call k, which changes PingOne (a create or an update),
// and puts a 2xx body in raw. A failure after the request may have gone
// out is an *OutcomeUnknownError; one before is an ordinary error. secrets
// are every value to redact from what the answer echoes.
func (c *Client) sendChange(ctx context.Context, k call, ch change, raw *[]byte) (resp *http.Response, secrets []string, err error) {
	p, err := c.prepare(k.method, k.path, k.contentType, k.body)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", k.op, err)
	}
	secrets = redact.List(append(append([]string(nil), c.redactions...), k.secrets...)...)
	if err := ctx.Err(); err != nil {
		// Done before anything was sent: a plain failure.
		return nil, nil, fmt.Errorf("%s: %w", k.op, c.sendError(err, secrets))
	}
	var w writeTrace
	r, err := newRequest(w.context(ctx), p)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", k.op, err)
	}
	resp, err = c.do(k.op, r, raw, k.secrets...)
	if err != nil {
		return nil, nil, changeFailed(k, ch, resp, err, &w)
	}
	return resp, redact.List(append(secrets, bearerOf(resp))...), nil
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

// changeFailed sorts a failed create or update into a plain error
// (nothing was sent, or PingOne refused it) or an *OutcomeUnknownError.
// resp and err are what do returned.
func changeFailed(k call, ch change, resp *http.Response, err error, w *writeTrace) error {
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
			return ch.unknown(k, "canceled after the request was sent", err)
		case isTimeout(err):
			return ch.unknown(k, "no answer after the request was sent", err)
		}
		return ch.unknown(k, "the connection failed after the request was sent", err)
	case resp.StatusCode >= 500:
		return ch.unknown(k, "the request reached pingone, which then failed", err)
	case resp.StatusCode == http.StatusSeeOther:
		// 303 says the request was handled and the result is elsewhere.
		return ch.unknown(k, "pingone answered "+resp.Status+", which means it handled the request", err)
	case resp.StatusCode >= 200 && resp.StatusCode <= 299:
		return ch.unknown(k, "pingone's answer ("+resp.Status+") could not be read", err)
	}
	return fmt.Errorf("%s: %w", k.op, err)
}
