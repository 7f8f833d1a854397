package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// ListStores returns the identity propagation stores of environment envID,
// of every type: filter on Store.Type (StoreTypeSalesforce) for the
// Salesforce ones, e.g. to warn that a name is taken.
//
// Configuration is decoded as a Salesforce configuration whatever the type:
// keys of other types are dropped, and a store whose configuration does not
// fit (another type's key of the same name with another JSON type) comes
// back without one rather than failing the whole list. PingOne returns the
// secrets in clear: use Store.Masked before showing a store.
//
// A non-2xx answer is an *Error with Op OpListStores; 403 means the worker
// app lacks the Environment Admin role.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-stores/read-all-stores.html
func (c *Client) ListStores(ctx context.Context, envID string) ([]Store, error) {
	path, err := storesPath(envID)
	if err != nil {
		return nil, opErr(OpListStores, err)
	}
	raw, err := c.list(ctx, call{op: OpListStores, method: http.MethodGet, path: path}, "stores")
	if err != nil {
		return nil, err
	}
	stores := make([]Store, 0, len(raw))
	for i, r := range raw {
		s, err := decodeStore(r)
		if err != nil {
			// The message of a type error names fields, never values.
			return nil, fmt.Errorf("%s: decode store %d: %w", OpListStores, i, err)
		}
		stores = append(stores, s)
	}
	return stores, nil
}

// FindSalesforceStores returns the stores of type Salesforce in environment
// envID named name, compared trimmed and case-insensitively, as people
// read names (PingOne itself may allow two stores of one name).
//
// It settles an *OutcomeUnknownError of a create: when no store of that
// name existed before, none found means the create did not happen and one
// means it did (its ID and createdAt tell it apart from an older one). It
// also tells whether a name is already taken, before a create.
//
// As with ListStores, the stores carry their secrets in clear: use
// Store.Masked before showing one.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-stores/read-all-stores.html
func (c *Client) FindSalesforceStores(ctx context.Context, envID, name string) ([]Store, error) {
	want := strings.TrimSpace(name)
	if want == "" {
		return nil, fmt.Errorf("%s: store name is empty", OpListStores)
	}
	all, err := c.ListStores(ctx, envID)
	if err != nil {
		return nil, err
	}
	var found []Store
	for _, s := range all {
		if s.Type == StoreTypeSalesforce && strings.EqualFold(strings.TrimSpace(s.Name), want) {
			found = append(found, s)
		}
	}
	return found, nil
}

// decodeStore decodes a store leniently: when only its configuration does
// not fit SalesforceConfiguration, the store is kept without it.
func decodeStore(raw json.RawMessage) (Store, error) {
	var s Store
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	// The outer configuration field shadows Store's, takes any JSON, and is
	// dropped.
	var lenient struct {
		Store
		Configuration json.RawMessage `json:"configuration"`
	}
	if err := json.Unmarshal(raw, &lenient); err != nil {
		return Store{}, err
	}
	return lenient.Store, nil
}
