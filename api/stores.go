package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// CreateSalesforceStore creates an identity propagation store of type
// Salesforce in environment envID, and returns the store PingOne created.
//
// It sets req.Type to "Salesforce" when empty (without changing req). The
// returned Store echoes the Salesforce secrets in clear, as PingOne does: use
// Store.Masked before showing it. Errors never contain those secrets.
//
// A non-2xx answer is an *Error; a failure to get an access token is a
// *TokenError. The worker app needs the Environment Admin role.
// DescribeCreate shows the request without sending it.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-stores/create-store-salesforce.html
func (c *Client) CreateSalesforceStore(ctx context.Context, envID string, req *CreateSalesforceStoreRequest) (*Store, error) {
	if err := checkStoreInput(OpCreateStore, envID, req); err != nil {
		return nil, err
	}
	var store Store
	resp, err := c.send(ctx, createCall(envID, req), &store)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("create store: pingone answered %s, want 201 Created", resp.Status)
	}
	return &store, nil
}

// createCall is the Create Store call for envID and req, shared by
// CreateSalesforceStore and DescribeCreate.
func createCall(envID string, req *CreateSalesforceStoreRequest) call {
	body := proposedStore(req)
	return call{op: OpCreateStore, method: http.MethodPost, path: storesPath(envID),
		body: body, secrets: body.Configuration.Secrets()}
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

// storesPath is the stores collection of envID, relative to "/v1/".
func storesPath(envID string) string {
	return "environments/" + escapeEnvID(envID) + "/propagation/stores"
}

// escapeEnvID trims and path-escapes an environment ID for a URL.
func escapeEnvID(envID string) string {
	return url.PathEscape(strings.TrimSpace(envID))
}

// checkStoreInput refuses what no request can be built for.
func checkStoreInput(op, envID string, req *CreateSalesforceStoreRequest) error {
	if err := checkEnvID(op, envID); err != nil {
		return err
	}
	if req == nil {
		return errors.New(op + ": request is nil")
	}
	return nil
}

// checkEnvID refuses an empty environment ID before any request.
func checkEnvID(op, envID string) error {
	if strings.TrimSpace(envID) == "" {
		return errors.New(op + ": environment ID is empty")
	}
	return nil
}
