package api

import (
	"bytes"
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
// before showing it.
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
	return updated(k, ch, resp, raw, secrets)
}

// updated reads the 2xx answer to an update. Anything but 200 with a store
// leaves the outcome unknown: the change may be in.
func updated(k call, ch change, resp *http.Response, body []byte, secrets []string) (*Store, error) {
	if resp.StatusCode != http.StatusOK {
		return nil, ch.unknown(k, "pingone answered "+resp.Status+", want 200 OK", nil)
	}
	if t := bytes.TrimSpace(body); len(t) == 0 || string(t) == "null" {
		return nil, ch.unknown(k, "pingone answered "+resp.Status+" without the store", ErrEmptyResponse)
	}
	s, err := decodeStore(body)
	if err != nil {
		// The message of a JSON error names fields and types, never values.
		return nil, ch.unknown(k, "pingone answered "+resp.Status+" with a body that does not decode",
			redact.Err(fmt.Errorf("decode pingone response: %w", err), secrets))
	}
	if strings.TrimSpace(s.ID) == "" {
		return nil, ch.unknown(k, "pingone answered "+resp.Status+" with a store that has no id", nil)
	}
	return &s, nil
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

// storeCall makes a call answered by one store with 200 OK, decoded
// leniently (decodeStore).
func (c *Client) storeCall(ctx context.Context, k call) (*Store, error) {
	var raw []byte
	resp, err := c.send(ctx, k, &raw)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: pingone answered %s, want 200 OK", k.op, resp.Status)
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, fmt.Errorf("%s: %w (%s)", k.op, ErrEmptyResponse, resp.Status)
	}
	s, err := decodeStore(raw)
	if err != nil {
		// The message of a JSON error names fields and types, never values.
		return nil, fmt.Errorf("%s: decode pingone response (%s): %w", k.op, resp.Status, err)
	}
	return &s, nil
}
