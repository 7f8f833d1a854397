package api_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"testing"

	"sfstore/api"
)

func TestCreateSalesforceStoreSendsTheDocumentedExampleAndDecodesThe201(t *testing.T) {
	var gotBody []byte
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/v1/environments/"+testEnvID+"/propagation/stores" {
			t.Errorf("got %s %s", r.Method, r.URL.Path)
		}
		gotBody, _ = io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write(readTestdata(t, "example-response-201.json"))
	})

	store, err := c.CreateSalesforceStore(context.Background(), testEnvID, exampleRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	if !jsonEqual(t, gotBody, readTestdata(t, "example-request.json")) {
		t.Errorf("request body differs from the documented example:\n%s", gotBody)
	}
	const self = "https://api.pingone.com/v1/environments/abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6/propagation/stores/8305f20e-d0e2-4a92-aa0d-c7af0f88d2d5"
	got := []string{store.ID, store.Environment.ID, store.CreatedAt, store.Links["self"].Href, store.Status, store.Configuration.ClientSecret}
	want := []string{"8305f20e-d0e2-4a92-aa0d-c7af0f88d2d5", testEnvID, "2022-11-28T18:12:22.282Z", self, "INACTIVE", "fdsafds"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("decoded field %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestCreateSalesforceStoreDefaultsTypeWithoutChangingTheRequest(t *testing.T) {
	var gotType string
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		gotType = jsonField(t, b, "type")
		respond(201, `{"id":"s1"}`)(w, r)
	})
	req := exampleRequest(t)
	req.Type = ""
	if _, err := c.CreateSalesforceStore(context.Background(), testEnvID, req); err != nil {
		t.Fatal(err)
	}
	if gotType != "Salesforce" || req.Type != "" {
		t.Errorf("sent type %q, caller's type now %q; want Salesforce sent and caller's unchanged", gotType, req.Type)
	}
}

func TestCreateSalesforceStorePathEscapesTheEnvironmentID(t *testing.T) {
	var gotPath string
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		gotPath = r.URL.EscapedPath()
		respond(201, `{"id":"s1"}`)(w, r)
	})
	if _, err := c.CreateSalesforceStore(context.Background(), "a/b?c", exampleRequest(t)); err != nil {
		t.Fatal(err)
	}
	if want := "/v1/environments/a%2Fb%3Fc/propagation/stores"; gotPath != want {
		t.Errorf("path = %q, want %q", gotPath, want)
	}
}

func TestCreateSalesforceStoreAccepts200AndRefusesOther2xx(t *testing.T) {
	tests := []struct {
		status int
		ok     bool
	}{{200, true}, {201, true}, {202, false}}
	for _, tt := range tests {
		c := setup(t, respond(tt.status, `{"id":"s1"}`))
		_, err := c.CreateSalesforceStore(context.Background(), testEnvID, exampleRequest(t))
		if (err == nil) != tt.ok {
			t.Errorf("status %d: err = %v, want ok=%v", tt.status, err, tt.ok)
		}
	}
}

func TestCreateSalesforceStoreValidatesInputBeforeAnyRequest(t *testing.T) {
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("unexpected request %s %s", r.Method, r.URL.Path)
	})
	if _, err := c.CreateSalesforceStore(context.Background(), "  ", exampleRequest(t)); err == nil {
		t.Error("empty environment ID accepted")
	}
	if _, err := c.CreateSalesforceStore(context.Background(), testEnvID, nil); err == nil {
		t.Error("nil request accepted")
	}
}

func TestCreateSalesforceStoreReportsUndecodableSuccessBody(t *testing.T) {
	c := setup(t, respond(201, `{"id": 42}`))
	_, err := c.CreateSalesforceStore(context.Background(), testEnvID, exampleRequest(t))
	var apiErr *api.Error
	if err == nil || errors.As(err, &apiErr) {
		t.Fatalf("err = %v, want a decode error that is not *api.Error", err)
	}
}
