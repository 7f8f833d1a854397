package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// EachStore calls each with every identity propagation store of
// environment envID, of every type, page after page, as they are read:
// memory follows one store, not the environment. Filter on Store.Type
// (StoreTypeSalesforce) for the Salesforce ones. An error from each stops
// the list and is returned wrapped.
//
// Configuration is decoded as a Salesforce configuration whatever the type:
// keys of other types are dropped, and a store whose configuration does not
// fit (another type's key of the same name with another JSON type) comes
// with none rather than failing the whole list. PingOne returns the secrets
// in clear: use Store.Masked before showing a store.
//
// A non-2xx answer is an *Error with Op OpListStores; 403 means the worker
// app lacks the Environment Admin role.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-stores/read-all-stores.html
func (c *Client) EachStore(ctx context.Context, envID string, each func(Store) error) error {
	return c.eachRawStore(ctx, envID, func(i int, raw []byte) error {
		s, err := decodeStore(raw)
		if err != nil {
			// The message of a type error names fields, never values.
			return fmt.Errorf("decode store %d: %w", i, err)
		}
		return each(s)
	})
}

// EachStoreSummary is EachStore for what a list shows and a lookup
// compares: each Store carries only ID, Type, Name, Status, CreatedAt,
// UpdatedAt, SyncStatus, and of its configuration SalesforceDomain and
// ClientID (when they are strings). Nothing else is decoded, secrets least
// of all, which makes it the cheaper read of a large environment.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-stores/read-all-stores.html
func (c *Client) EachStoreSummary(ctx context.Context, envID string, each func(Store) error) error {
	return c.eachRawStore(ctx, envID, func(i int, raw []byte) error {
		s, err := summaryOf(raw)
		if err != nil {
			return fmt.Errorf("decode store %d: %w", i, err)
		}
		return each(s)
	})
}

// EachStoreJSON is EachStore for writing the stores out as JSON: each
// gets every store as a StoreJSON, which tells its type and writes it
// masked, straight from PingOne's bytes, with no Store built between. It
// is the cheapest read of a whole environment; a StoreJSON is valid only
// until each returns.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-stores/read-all-stores.html
func (c *Client) EachStoreJSON(ctx context.Context, envID string, each func(StoreJSON) error) error {
	var v storeView
	return c.eachRawStore(ctx, envID, func(i int, raw []byte) error {
		if v.read(raw) == nil {
			return each(StoreJSON{view: &v})
		}
		s, err := decodeStoreJSON(raw)
		if err != nil {
			return fmt.Errorf("decode store %d: %w", i, err)
		}
		return each(StoreJSON{store: &s})
	})
}

// A StoreJSON is one store of a list, as EachStoreJSON hands it on: read
// from PingOne's bytes where they lie (nearly every store), else decoded
// by encoding/json.
type StoreJSON struct {
	view  *storeView
	store *Store
}

// Type is the store's type, such as StoreTypeSalesforce.
func (s StoreJSON) Type() string {
	if s.store != nil {
		return s.store.Type
	}
	if t := s.view.str[2]; t.kind == spanAsIs && string(s.view.bytes(t)) == StoreTypeSalesforce {
		return StoreTypeSalesforce // the type of nearly every store a list writes, with no copy
	}
	return s.view.value(s.view.str[2], "")
}

// AppendMaskedIndentJSON appends the store to dst as
// Store.Masked().AppendIndentJSON would, byte for byte: every secret
// masked.
func (s StoreJSON) AppendMaskedIndentJSON(dst []byte, prefix, indent string) []byte {
	if s.store != nil {
		return s.store.Masked().AppendIndentJSON(dst, prefix, indent)
	}
	return s.view.appendIndent(dst, prefix, indent, true)
}

// eachRawStore calls each with the JSON of every store of environment
// envID and its index in the list; the bytes are valid only until each
// returns.
func (c *Client) eachRawStore(ctx context.Context, envID string, each func(i int, raw []byte) error) error {
	path, err := storesPath(envID)
	if err != nil {
		return opErr(OpListStores, err)
	}
	n := 0
	return c.listRaw(ctx, call{op: OpListStores, method: http.MethodGet, path: path}, "stores",
		func(raw []byte) error {
			n++
			return each(n-1, raw)
		})
}

// ListStores returns every store of environment envID, as EachStore reads
// them. It holds them all: for a large environment, EachStore keeps only
// what is needed.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-stores/read-all-stores.html
func (c *Client) ListStores(ctx context.Context, envID string) ([]Store, error) {
	var stores []Store
	err := c.EachStore(ctx, envID, func(s Store) error {
		stores = append(stores, s)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if stores == nil {
		stores = []Store{}
	}
	return stores, nil
}

// FindSalesforceStores returns the stores of type Salesforce in environment
// envID named name, compared trimmed and case-insensitively, as people
// read names (PingOne itself may allow two stores of one name). Only the
// matches are kept, so it works at any size of environment.
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
	// Only a store of that name is decoded whole.
	var found []Store
	err := c.eachRawStore(ctx, envID, func(i int, raw []byte) error {
		sum, err := summaryOf(raw)
		if err != nil {
			return fmt.Errorf("decode store %d: %w", i, err)
		}
		if sum.Type != StoreTypeSalesforce || !strings.EqualFold(strings.TrimSpace(sum.Name), want) {
			return nil
		}
		s, err := decodeStore(raw)
		if err != nil {
			return fmt.Errorf("decode store %d: %w", i, err)
		}
		found = append(found, s)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return found, nil
}

// decodeStore decodes a store leniently: when only its configuration does
// not fit SalesforceConfiguration, the store is kept without it. A plain
// store, which is nearly every store, is read by fastStore; any other by
// encoding/json.
func decodeStore(raw []byte) (Store, error) {
	if s, ok := fastStore(raw); ok {
		return s, nil
	}
	return decodeStoreJSON(raw)
}

// decodeStoreJSON is decodeStore by encoding/json alone.
func decodeStoreJSON(raw []byte) (Store, error) {
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
