package api

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"sfstore/api/redact"
	"slices"
	"strings"
)

// CreateSalesforceStore creates an identity propagation store of type
// Salesforce in environment envID, and returns the store PingOne created.
//
// It sets req.Type to "Salesforce" when empty (without changing req). The
// returned Store echoes the Salesforce secrets in clear, as PingOne does: use
// Store.Masked before showing it. Errors never contain those secrets.
//
// When the request may have reached PingOne but the outcome is not known (a
// timeout, a reset or a cancellation after the request went out, a 5xx, a
// 2xx without a usable store), the error is an *OutcomeUnknownError: find
// out with FindSalesforceStores before trying again. Otherwise a non-2xx
// answer is an *Error, a redirect a *RedirectError, and a failure to get an
// access token a *TokenError; in those cases nothing was created. The
// worker app needs the Environment Admin role. DescribeCreate shows the
// request without sending it.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-stores/create-store-salesforce.html
func (c *Client) CreateSalesforceStore(ctx context.Context, envID string, req *CreateSalesforceStoreRequest) (*Store, error) {
	k, err := createCall(envID, req)
	if err != nil {
		return nil, err
	}
	if req == nil {
		return nil, errors.New(OpCreateStore + ": request is nil")
	}
	return c.createStore(ctx, k, change{name: req.Name})
}

// createStore sends the create of a store, of any type, and reads the
// store it made. Anything but a store with an id leaves the outcome
// unknown: PingOne said yes, but to what?
func (c *Client) createStore(ctx context.Context, k call, ch change) (*Store, error) {
	var raw []byte
	resp, secrets, err := c.sendChange(ctx, k, ch, &raw)
	if err != nil {
		return nil, err
	}
	return readStore(resp, raw, secrets, storeAnswer{
		statuses: []int{http.StatusCreated, http.StatusOK}, wrongStatus: " instead of 201 Created",
		missing: "without a store in the body", fail: ch.failUnknown(k)})
}

// storeAnswer says which 2xx answers of a call carry its store, and how the
// call fails otherwise.
type storeAnswer struct {
	statuses    []int  // the statuses that carry the store, the documented one first
	wrongStatus string // follows "pingone answered <status>" for another one, e.g. ", want 200 OK"
	missing     string // follows it for an empty or null body, e.g. "without the store"
	// fail makes the error from a reason that names the status, and the
	// failure behind it, if any: for a change, an *OutcomeUnknownError.
	fail func(reason string, err error) error
}

// readStore reads the 2xx answer to a call answered by one store: one of
// a.statuses, with a store that has an id, decoded leniently (decodeStore:
// a configuration that does not fit is dropped, the store kept). Anything
// else is a.fail, wrapping ErrEmptyResponse for an empty or null body and
// the decode error, with secrets masked, for one that does not decode.
func readStore(resp *http.Response, body []byte, secrets []string, a storeAnswer) (*Store, error) {
	answered := "pingone answered " + resp.Status
	if !slices.Contains(a.statuses, resp.StatusCode) {
		return nil, a.fail(answered+a.wrongStatus, nil)
	}
	if t := bytes.TrimSpace(body); len(t) == 0 || string(t) == "null" {
		return nil, a.fail(answered+" "+a.missing, ErrEmptyResponse)
	}
	s, err := decodeStore(body)
	if err != nil {
		// The message of a JSON error names fields and types, never values;
		// masking is for a value a future message might quote.
		return nil, a.fail(answered+" with a body that does not decode",
			redact.Err(fmt.Errorf("decode pingone response: %w", err), secrets))
	}
	if strings.TrimSpace(s.ID) == "" {
		return nil, a.fail(answered+" with a store that has no id", nil)
	}
	return &s, nil
}

// createCall is the Create Store call for envID and req, shared by
// CreateSalesforceStore and DescribeCreate. The error refuses envID (see
// segment); the call comes back whole anyway, for DescribeCreate.
func createCall(envID string, req *CreateSalesforceStoreRequest) (call, error) {
	body := proposedStore(req)
	path, err := storesPath(envID)
	return call{op: OpCreateStore, method: http.MethodPost, path: path,
		body: body, secrets: body.Configuration.Secrets()}, opErr(OpCreateStore, err)
}

// proposedStore is a copy of req with Type defaulted to "Salesforce"; a nil
// req reads as an empty one.
func proposedStore(req *CreateSalesforceStoreRequest) *CreateSalesforceStoreRequest {
	var body CreateSalesforceStoreRequest
	if req != nil {
		body = *req
	}
	if body.Type == "" {
		body.Type = StoreTypeSalesforce
	}
	return &body
}

// opErr prefixes a refusal with the operation, as every error of a call
// is; nil stays nil.
func opErr(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", op, err)
}
