package api_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"sfstore/api"
)

// A dot-segment survives path escaping, and a server or proxy resolves it:
// an environment ID of ".." would send a call to another part of the API.
// Every call refuses one before sending, naming the field.
func TestEveryCallRefusesADotSegmentEnvironmentIDBeforeSending(t *testing.T) {
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("unexpected request %s %s", r.Method, r.URL.EscapedPath())
	})
	ctx := context.Background()
	calls := map[string]func(envID string) error{
		api.OpCreateStore: func(env string) error {
			_, err := c.CreateSalesforceStore(ctx, env, exampleRequest(t))
			return err
		},
		api.OpListStores: func(env string) error {
			_, err := c.ListStores(ctx, env)
			return err
		},
		api.OpCreateRevision: func(env string) error {
			_, err := c.CreateRevision(ctx, env)
			return err
		},
		api.OpGetEnvironment: func(env string) error {
			_, err := c.GetEnvironment(ctx, env)
			return err
		},
		api.OpTestConnection: func(env string) error {
			_, err := c.TestConnection(ctx, env, exampleRequest(t))
			return err
		},
		api.OpGetStore: func(env string) error {
			_, err := c.GetStore(ctx, env, testStoreID)
			return err
		},
	}
	for op, call := range calls {
		for _, env := range []string{"..", " .. ", "."} {
			err := call(env)
			if err == nil || !strings.HasPrefix(err.Error(), op+": ") || !strings.Contains(err.Error(), "is not a valid environment ID") {
				t.Errorf("%s with environment %q: err = %v, want a refusal naming the environment ID", op, env, err)
			}
		}
	}
}

func TestTokenSourceRefusesADotSegmentWorkerEnvironmentBeforeSending(t *testing.T) {
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		t.Errorf("unexpected token request to %s", r.URL)
		return nil, errors.New("no network in this test")
	})}
	for _, env := range []string{"..", "."} {
		creds := api.Credentials{AuthURL: "https://auth.pingone.com/base", WorkerEnvironmentID: env, ClientID: workerID, ClientSecret: workerSecret}
		_, err := api.NewTokenSource(context.Background(), creds, hc).Token()
		var te *api.TokenError
		if !errors.As(err, &te) || !strings.Contains(err.Error(), `"`+env+`" is not a valid worker environment ID`) {
			t.Errorf("worker environment %q: err = %v, want a *api.TokenError naming the worker environment ID", env, err)
		}
	}
}
