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
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-stores/create-store-salesforce.html
func (c *Client) CreateSalesforceStore(ctx context.Context, envID string, req *CreateSalesforceStoreRequest) (*Store, error) {
	envID = strings.TrimSpace(envID)
	if envID == "" {
		return nil, errors.New("create store: environment ID is empty")
	}
	if req == nil {
		return nil, errors.New("create store: request is nil")
	}
	body := *req
	if body.Type == "" {
		body.Type = StoreTypeSalesforce
	}
	path := "environments/" + url.PathEscape(envID) + "/propagation/stores"
	r, err := c.newRequest(ctx, http.MethodPost, path, &body)
	if err != nil {
		return nil, fmt.Errorf("create store: %w", err)
	}
	var store Store
	resp, err := c.do(r, &store, req.Configuration.Secrets()...)
	if err != nil {
		return nil, fmt.Errorf("create store: %w", err)
	}
	if resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("create store: pingone answered %s, want 201 Created", resp.Status)
	}
	return &store, nil
}
