package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sfstore/api/redact"
	"strings"
)

// Operations on one store, as in *Error.Op and in the prefix of every error
// these calls return.
const (
	OpGetStore    = "get store"
	OpUpdateStore = "update store"
	OpDeleteStore = "delete store"
)

// UpdateSalesforceStoreRequest is the body of Update Store: the whole store,
// as for a create, since the update is a full replace. Store.Request builds
// one from a store read with GetStore.
type UpdateSalesforceStoreRequest = CreateSalesforceStoreRequest

// ErrEmptyResponse is returned, wrapped, when PingOne answered a success
// status with no body where a store was expected: the call reached PingOne
// and was probably carried out. Read the store again to know.
var ErrEmptyResponse = errors.New("pingone answered with an empty body")

// GetStore returns the identity propagation store storeID of environment
// envID, of any type (the configuration is read as in ListStores).
//
// A store that does not exist (or was deleted) is an *Error with
// StatusCode 404 and Op OpGetStore. PingOne documents the secrets as
// echoed in clear; whether it masks them is UNCONFIRMED, so check
// Configuration.MaskedSecrets before sending a store back. Use Store.Masked
// before showing it. An answer other than 200 with a store that has an id
// is an error (ErrEmptyResponse, wrapped, for an empty body).
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-stores/read-one-store.html
func (c *Client) GetStore(ctx context.Context, envID, storeID string) (*Store, error) {
	path, err := storePath(envID, storeID)
	if err != nil {
		return nil, opErr(OpGetStore, err)
	}
	return c.storeCall(ctx, call{op: OpGetStore, method: http.MethodGet, path: path})
}

// UpdateSalesforceStore replaces store storeID of environment envID with
// req, and returns the store as PingOne then holds it.
//
// The update is a full replace: send the whole store, name and type
// included (Type defaults to "Salesforce", without changing req). A field
// left out is not kept: an empty Description or a nil Managed may clear it,
// and an empty Status may reset it to INACTIVE (UNCONFIRMED; the simulator
// does so). Build req with Store.Request from a fresh GetStore and change
// only what the user changed.
//
// Before sending, a secret of req that is empty or LooksMasked is refused
// with an error wrapping ErrMaskedSecret, so that a masked value read back
// is never written over the real one; so is a Type other than Salesforce,
// whose configuration the body could not carry.
//
// A refused update (400 with Details naming the fields, 404 for a store
// that does not exist) is an *Error with Op OpUpdateStore and leaves the
// store as it was. When the request may have reached PingOne but the
// outcome is not known (a timeout, reset or cancellation after sending, a
// 5xx, a 2xx other than 200 with a store), the error is an
// *OutcomeUnknownError: read the store again with GetStore to know. A 200
// with no body is one of those, wrapping ErrEmptyResponse. Errors never
// contain req's secrets.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-stores/update-store.html
func (c *Client) UpdateSalesforceStore(ctx context.Context, envID, storeID string, req *UpdateSalesforceStoreRequest) (*Store, error) {
	path, err := storePath(envID, storeID)
	if err != nil {
		return nil, opErr(OpUpdateStore, err)
	}
	if req == nil {
		return nil, errors.New(OpUpdateStore + ": request is nil")
	}
	if req.Type != "" && req.Type != StoreTypeSalesforce {
		// The body carries only the Salesforce keys: a full replace of
		// another type's store would wipe its configuration.
		return nil, fmt.Errorf("%s: type %q is not %s; only Salesforce stores can be updated", OpUpdateStore, req.Type, StoreTypeSalesforce)
	}
	if err := checkSecrets(OpUpdateStore, req, true); err != nil {
		return nil, err
	}
	body := proposedStore(req)
	k := call{op: OpUpdateStore, method: http.MethodPut, path: path,
		body: body, secrets: body.Configuration.Secrets()}
	ch := change{name: req.Name, id: strings.TrimSpace(storeID)}
	var raw []byte
	resp, secrets, err := c.sendChange(ctx, k, ch, &raw)
	if err != nil {
		return nil, err
	}
	// Anything but 200 with a store leaves the outcome unknown: the change
	// may be in.
	return readStore(resp, raw, secrets, storeAnswer{statuses: []int{http.StatusOK},
		wrongStatus: ", want 200 OK", missing: "without the store", fail: ch.failUnknown(k)})
}

// DeleteStore deletes store storeID of environment envID. PingOne answers
// 204; 200 is accepted too.
//
// A store that does not exist (or is already deleted) is an *Error with
// StatusCode 404 and Op OpDeleteStore. PingOne documents that a store a
// propagation rule uses must not be deleted; how it refuses one (status
// and code) is UNCONFIRMED. With managed set on the store, PingOne
// deprovisions its users at the next revision (CreateRevision).
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-stores/delete-store.html
func (c *Client) DeleteStore(ctx context.Context, envID, storeID string) error {
	path, err := storePath(envID, storeID)
	if err != nil {
		return opErr(OpDeleteStore, err)
	}
	resp, err := c.send(ctx, call{op: OpDeleteStore, method: http.MethodDelete, path: path}, nil)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusNoContent && resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: pingone answered %s, want 204 No Content", OpDeleteStore, resp.Status)
	}
	return nil
}

// storeCall makes a call that changes nothing and is answered by one
// store with 200 OK (see readStore).
func (c *Client) storeCall(ctx context.Context, k call) (*Store, error) {
	var raw []byte
	resp, err := c.send(ctx, k, &raw)
	if err != nil {
		return nil, err
	}
	return readStore(resp, raw, redact.List(append(append([]string(nil), c.redactions...), bearerOf(resp))...), storeAnswer{
		statuses: []int{http.StatusOK}, wrongStatus: ", want 200 OK", missing: "without the store",
		fail: func(reason string, err error) error {
			if err == nil {
				return fmt.Errorf("%s: %s", k.op, reason)
			}
			return fmt.Errorf("%s: %s: %w", k.op, reason, err)
		}})
}
