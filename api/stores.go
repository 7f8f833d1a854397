package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sfstore/api/redact"
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
	ch := change{name: req.Name}
	var raw []byte
	resp, secrets, err := c.sendChange(ctx, k, ch, &raw)
	if err != nil {
		return nil, err
	}
	return created(k, ch, resp, raw, secrets)
}

// created reads the 2xx answer to a create. Anything but a store with an
// id leaves the outcome unknown: PingOne said yes, but to what?
func created(k call, ch change, resp *http.Response, body []byte, secrets []string) (*Store, error) {
	if resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusOK {
		return nil, ch.unknown(k, "pingone answered "+resp.Status+" instead of 201 Created", nil)
	}
	if t := bytes.TrimSpace(body); len(t) == 0 || string(t) == "null" {
		return nil, ch.unknown(k, "pingone answered "+resp.Status+" without a store in the body", nil)
	}
	var store Store
	if err := json.Unmarshal(body, &store); err != nil {
		return nil, ch.unknown(k, "pingone answered "+resp.Status+" with a body that does not decode",
			redact.Err(fmt.Errorf("decode pingone response: %w", err), secrets))
	}
	if strings.TrimSpace(store.ID) == "" {
		return nil, ch.unknown(k, "pingone answered "+resp.Status+" with a store that has no id", nil)
	}
	return &store, nil
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
