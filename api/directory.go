package api

import (
	"context"
	"strings"
)

// StoreTypeDirectory is the type of the PingOne directory store, the
// source of outbound provisioning ("You must create an identity
// propagation store of type directory as the source store").
const StoreTypeDirectory = "directory"

// directoryStoreBody is the body of a directory store create.
//
// Whether a directory store needs a configuration is UNCONFIRMED. An empty
// object is sent: the base store model marks configuration required, and
// an empty one carries no key that could be wrong.
type directoryStoreBody struct {
	Type          string         `json:"type"`
	Name          string         `json:"name"`
	Configuration map[string]any `json:"configuration"`
}

// CreateDirectoryStore creates the store of type directory of environment
// envID, named name: the source of a rule provisioning PingOne users to
// Salesforce. Look for one first (FindDirectoryStores) and reuse it.
// PingOne answers 201; the returned Store has no Salesforce configuration.
//
// A refusal (400 with Details, e.g. if a configuration is needed after all)
// is an *Error with Op OpCreateDirectoryStore. When the request may have
// reached PingOne without a usable answer, the error is an
// *OutcomeUnknownError: look again with FindDirectoryStores.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-stores/create-store-directory.html
func (c *Client) CreateDirectoryStore(ctx context.Context, envID, name string) (*Store, error) {
	k, err := directoryWrite(envID, name)
	if err != nil {
		return nil, err
	}
	return c.createStore(ctx, k, change{name: name, resource: "directory store",
		readBack: "list the environment's stores and look for one of type directory"})
}

// FindDirectoryStores returns the stores of type directory of environment
// envID (compared case-insensitively): usually none or one.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-stores/read-all-stores.html
func (c *Client) FindDirectoryStores(ctx context.Context, envID string) ([]Store, error) {
	// Summaries: an environment can hold 100,000 Salesforce stores, and
	// of a directory store only its ID, name and status are used.
	var found []Store
	err := c.EachStoreSummary(ctx, envID, func(s Store) error {
		if strings.EqualFold(s.Type, StoreTypeDirectory) {
			found = append(found, s)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return found, nil
}
