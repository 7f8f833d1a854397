package api_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"sfstore/api"
)

// Create, update and get read a store from a 2xx answer the same way: a
// configuration that does not fit is dropped and the store kept, since its
// id proves it exists (a create used to call that an unknown outcome).
func TestEveryStoreAnswerKeepsAStoreWhoseConfigurationDoesNotFit(t *testing.T) {
	body := `{"id":"s1","type":"Salesforce","name":"test","configuration":{"CLIENT_ID":42}}`
	ctx := context.Background()
	for name, call := range map[string]func(c *api.Client) (*api.Store, error){
		"create": func(c *api.Client) (*api.Store, error) {
			return c.CreateSalesforceStore(ctx, testEnvID, exampleRequest(t))
		},
		"update": func(c *api.Client) (*api.Store, error) {
			return c.UpdateSalesforceStore(ctx, testEnvID, testStoreID, exampleRequest(t))
		},
		"get": func(c *api.Client) (*api.Store, error) { return c.GetStore(ctx, testEnvID, testStoreID) },
	} {
		status := 200
		if name == "create" {
			status = 201
		}
		store, err := call(setup(t, respond(status, body, "Content-Type", "application/json")))
		if err != nil || store.ID != "s1" || store.Configuration != (api.SalesforceConfiguration{}) {
			t.Errorf("%s: store %+v, err %v; want s1 without its configuration", name, store, err)
		}
	}
}

// A read changes nothing, so a 2xx without a usable store is a plain
// failure, with the same checks as a change: it used to pass a store
// without an id, or an empty one for "null".
func TestGetStoreNeedsAStoreWithAnID(t *testing.T) {
	for _, tt := range []struct {
		status     int
		body, want string
		empty      bool
	}{
		{200, `{"name":"test"}`, "get store: pingone answered 200 OK with a store that has no id", false},
		{200, `null`, "get store: pingone answered 200 OK without the store", true},
		{200, ``, "get store: pingone answered 200 OK without the store", true},
		{200, `<html>proxy</html>`, "get store: pingone answered 200 OK with a body that does not decode: decode pingone response: ", false},
		{201, `{"id":"s1"}`, "get store: pingone answered 201 Created, want 200 OK", false},
	} {
		c := setup(t, respond(tt.status, tt.body))
		store, err := c.GetStore(context.Background(), testEnvID, testStoreID)
		var u *api.OutcomeUnknownError
		if store != nil || err == nil || !strings.HasPrefix(err.Error(), tt.want) || errors.Is(err, api.ErrEmptyResponse) != tt.empty || errors.As(err, &u) {
			t.Errorf("%d %q: store %+v, err %v; want a plain %q", tt.status, tt.body, store, err, tt.want)
		}
	}
}

func TestCreateWithAnEmptyBodyWrapsErrEmptyResponse(t *testing.T) {
	_, err := setup(t, respond(http.StatusCreated, "")).CreateSalesforceStore(context.Background(), testEnvID, exampleRequest(t))
	var u *api.OutcomeUnknownError
	if !errors.As(err, &u) || !errors.Is(err, api.ErrEmptyResponse) {
		t.Errorf("err = %v, want an unknown outcome wrapping ErrEmptyResponse", err)
	}
}
