package api_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"sfstore/api"
)

const testStoreID = "8305f20e-d0e2-4a92-aa0d-c7af0f88d2d5"

const storePath = "/v1/environments/" + testEnvID + "/propagation/stores/" + testStoreID

func TestGetStoreReadsOneStore(t *testing.T) {
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || r.URL.Path != storePath {
			t.Errorf("got %s %s", r.Method, r.URL.Path)
		}
		body := strings.Replace(string(readTestdata(t, "example-response-201.json")), `"status": "INACTIVE",`,
			`"status": "ACTIVE", "syncStatus": {"syncState": "FAILED", "details": "INVALID_SESSION_ID", "failedCount": 3, "lastSyncAt": "2024-05-01T10:00:00.000Z"},`, 1)
		respond(200, body, "Content-Type", "application/json")(w, r)
	})
	store, err := c.GetStore(context.Background(), testEnvID, testStoreID)
	if err != nil {
		t.Fatal(err)
	}
	if store.ID != testStoreID || store.Status != "ACTIVE" || store.Configuration.ClientSecret != "fdsafds" {
		t.Errorf("store = %+v", store)
	}
	if s := store.SyncStatus; s == nil || s.SyncState != "FAILED" || s.FailedCount != 3 || s.Details != "INVALID_SESSION_ID" {
		t.Errorf("syncStatus = %+v", s)
	}
}

func TestGetStoreOfAnotherTypeKeepsTheStoreWithoutItsConfiguration(t *testing.T) {
	c := setup(t, respond(200, `{"id":"s3","type":"Workday","name":"WD","configuration":{"CREATE_USERS":"yes"}}`))
	store, err := c.GetStore(context.Background(), testEnvID, "s3")
	if err != nil || store.Type != "Workday" || store.Configuration != (api.SalesforceConfiguration{}) {
		t.Errorf("store %+v, err %v", store, err)
	}
}

func TestGetStore404IsATypedErrorWithAStoreHint(t *testing.T) {
	c := setup(t, respond(404, `{"id":"e1","code":"NOT_FOUND","message":"The request could not be completed. The requested resource was not found."}`,
		"Content-Type", "application/json"))
	_, err := c.GetStore(context.Background(), testEnvID, testStoreID)
	var e *api.Error
	if !errors.As(err, &e) || e.StatusCode != 404 || e.Op != api.OpGetStore || !strings.HasPrefix(err.Error(), "get store: pingone returned 404") {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(e.Hint(), "no such store") {
		t.Errorf("hint %q", e.Hint())
	}
}

func TestStoreCallsEscapeBothIDs(t *testing.T) {
	var paths []string
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.Method+" "+r.URL.EscapedPath())
		switch r.Method {
		case http.MethodDelete:
			w.WriteHeader(204)
		default:
			respond(200, `{"id":"x"}`)(w, r)
		}
	})
	ctx := context.Background()
	req := exampleRequest(t)
	if _, err := c.GetStore(ctx, "a/b", " x?y#z "); err != nil {
		t.Fatal(err)
	}
	if _, err := c.UpdateSalesforceStore(ctx, "a/b", "../x", req); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteStore(ctx, "a/b", "x y"); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"GET /v1/environments/a%2Fb/propagation/stores/x%3Fy%23z",
		"PUT /v1/environments/a%2Fb/propagation/stores/..%2Fx",
		"DELETE /v1/environments/a%2Fb/propagation/stores/x%20y",
	}
	if strings.Join(paths, "\n") != strings.Join(want, "\n") {
		t.Errorf("paths:\n%s\nwant:\n%s", strings.Join(paths, "\n"), strings.Join(want, "\n"))
	}
}

func TestStoreCallsRefuseBadIDsBeforeAnyRequest(t *testing.T) {
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("unexpected request %s %s", r.Method, r.URL.Path)
	})
	ctx := context.Background()
	for _, ids := range [][2]string{{"", testStoreID}, {testEnvID, ""}, {testEnvID, " "}, {testEnvID, "."}, {testEnvID, ".."}, {"..", testStoreID}} {
		if _, err := c.GetStore(ctx, ids[0], ids[1]); err == nil || !strings.HasPrefix(err.Error(), "get store: ") {
			t.Errorf("GetStore%q: %v", ids, err)
		}
		if err := c.DeleteStore(ctx, ids[0], ids[1]); err == nil || !strings.HasPrefix(err.Error(), "delete store: ") {
			t.Errorf("DeleteStore%q: %v", ids, err)
		}
		if _, err := c.UpdateSalesforceStore(ctx, ids[0], ids[1], exampleRequest(t)); err == nil {
			t.Errorf("UpdateSalesforceStore%q: no error", ids)
		}
	}
	if _, err := c.UpdateSalesforceStore(ctx, testEnvID, testStoreID, nil); err == nil {
		t.Error("nil update request accepted")
	}
	other := exampleRequest(t)
	other.Type = "Workday"
	if _, err := c.UpdateSalesforceStore(ctx, testEnvID, testStoreID, other); err == nil || !strings.Contains(err.Error(), `type "Workday"`) {
		t.Errorf("update of a Workday store: %v", err)
	}
}

func TestUpdateSalesforceStoreSendsTheWholeStore(t *testing.T) {
	var gotBody []byte
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPut || r.URL.Path != storePath || r.Header.Get("Content-Type") != "application/json" {
			t.Errorf("got %s %s %s", r.Method, r.URL.Path, r.Header.Get("Content-Type"))
		}
		gotBody, _ = io.ReadAll(r.Body)
		respond(200, string(readTestdata(t, "example-response-201.json")), "Content-Type", "application/json")(w, r)
	})
	req := exampleRequest(t)
	req.Type = ""
	store, err := c.UpdateSalesforceStore(context.Background(), testEnvID, testStoreID, req)
	if err != nil {
		t.Fatal(err)
	}
	if store.ID != testStoreID || req.Type != "" {
		t.Errorf("store %+v; caller's type now %q", store, req.Type)
	}
	if !jsonEqual(t, gotBody, readTestdata(t, "example-request.json")) {
		t.Errorf("PUT body is not the whole store:\n%s", gotBody)
	}
}

func TestUpdateSalesforceStoreRefusesMaskedOrEmptySecretsUnsent(t *testing.T) {
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("unexpected request %s %s", r.Method, r.URL.Path)
	})
	for _, v := range []string{"********", "••••", "••••abcd", "", "  "} {
		req := exampleRequest(t)
		req.Configuration.OAuthRefreshToken = v
		_, err := c.UpdateSalesforceStore(context.Background(), testEnvID, testStoreID, req)
		if !errors.Is(err, api.ErrMaskedSecret) || !strings.Contains(err.Error(), "OAUTH_REFRESH_TOKEN") ||
			!strings.HasPrefix(err.Error(), "update store: ") {
			t.Errorf("refresh token %q: err = %v", v, err)
		}
		if v != "" && strings.TrimSpace(v) != "" && strings.Contains(err.Error(), v) {
			t.Errorf("the error echoes the value: %v", err)
		}
	}
}

func TestUpdateSalesforceStoreAnswers(t *testing.T) {
	tests := []struct {
		name    string
		h       http.HandlerFunc
		check   func(error) bool
		wantErr bool
	}{
		{"empty 200", respond(200, ``), func(err error) bool { return errors.Is(err, api.ErrEmptyResponse) }, true},
		{"201 is not the documented answer", respond(201, `{"id":"x"}`), func(err error) bool { return strings.Contains(err.Error(), "want 200 OK") }, true},
		{"400 naming a field", respond(400, `{"id":"e","code":"INVALID_DATA","message":"bad","details":[{"code":"REQUIRED_VALUE","target":"name","message":"A value for name is required."}]}`),
			func(err error) bool {
				var e *api.Error
				return errors.As(err, &e) && e.Op == api.OpUpdateStore && e.Details[0].Target == "name" && strings.Contains(e.Hint(), "kept the store as it was")
			}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := setup(t, tt.h)
			store, err := c.UpdateSalesforceStore(context.Background(), testEnvID, testStoreID, exampleRequest(t))
			if (err != nil) != tt.wantErr || (err != nil && !tt.check(err)) || (err != nil && store != nil) {
				t.Errorf("store %v, err %v", store, err)
			}
		})
	}
}

func TestDeleteStoreAnswers(t *testing.T) {
	tests := []struct {
		status int
		ok     bool
	}{{204, true}, {200, true}, {202, false}}
	for _, tt := range tests {
		var method string
		c := setup(t, func(w http.ResponseWriter, r *http.Request) {
			method = r.Method + " " + r.URL.Path
			w.WriteHeader(tt.status)
		})
		err := c.DeleteStore(context.Background(), testEnvID, testStoreID)
		if (err == nil) != tt.ok || method != "DELETE "+storePath {
			t.Errorf("status %d: %s, err %v", tt.status, method, err)
		}
	}
}

func TestDeleteStoreRefusalsHaveHints(t *testing.T) {
	for status, want := range map[int]string{404: "no such store", 409: "propagation rule", 400: "propagation rule"} {
		c := setup(t, respond(status, `{"id":"e","code":"X","message":"no"}`, "Content-Type", "application/json"))
		err := c.DeleteStore(context.Background(), testEnvID, testStoreID)
		var e *api.Error
		if !errors.As(err, &e) {
			t.Fatalf("%d: err %v, want *api.Error", status, err)
		}
		if e.Op != api.OpDeleteStore || !strings.Contains(e.Hint(), want) {
			t.Errorf("%d: op %q hint %q", status, e.Op, e.Hint())
		}
	}
}

func TestNoErrorOfTheStoreCallsEverContainsASecret(t *testing.T) {
	ctx := context.Background()
	req := sentinelRequest(t)
	calls := map[string]func(c *api.Client) error{
		api.OpGetStore: func(c *api.Client) error { _, err := c.GetStore(ctx, testEnvID, testStoreID); return err },
		api.OpUpdateStore: func(c *api.Client) error {
			_, err := c.UpdateSalesforceStore(ctx, testEnvID, testStoreID, req)
			return err
		},
		api.OpDeleteStore: func(c *api.Client) error { return c.DeleteStore(ctx, testEnvID, testStoreID) },
	}
	// Only the update knows the store's secrets; every call knows the
	// worker secret and the bearer token.
	known := map[string][]string{api.OpUpdateStore: sentinels}
	for name, h := range echoingAPI {
		for op, call := range calls {
			t.Run(name+"/"+op, func(t *testing.T) {
				c := setup(t, h, api.WithRedactions(sentWorker),
					api.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: sentPasted})))
				err := call(c)
				if err == nil || !strings.HasPrefix(err.Error(), op+": ") {
					t.Fatalf("err = %v, want an error prefixed %q", err, op+": ")
				}
				secrets, ok := known[op]
				if !ok {
					secrets = []string{sentWorker, sentPasted}
				}
				for _, s := range errorStrings(err) {
					assertNoSecretIn(t, s, secrets...)
				}
			})
		}
	}
}
