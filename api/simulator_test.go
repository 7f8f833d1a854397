package api_test

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"sfstore/api"
	"sfstore/api/simulator"
)

var uuidV4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// simClient returns a client for a fresh simulator that accepts a pasted token.
func simClient(t *testing.T) (*api.Client, *simulator.Server) {
	t.Helper()
	sim, err := simulator.Start(simulator.Options{AccessTokens: []string{"pasted-token-0123456789"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sim.Close)
	ts := api.NewTokenSource(context.Background(), api.Credentials{AccessToken: "pasted-token-0123456789"}, nil)
	c, err := api.NewClient(sim.URL(), api.WithTokenSource(ts))
	if err != nil {
		t.Fatal(err)
	}
	return c, sim
}

func TestSimulatorCreatesStoreWithTheDocumentedResponseShape(t *testing.T) {
	c, sim := simClient(t)
	req := demoRequest(t)
	store, err := c.CreateSalesforceStore(context.Background(), testEnvID, req)
	if err != nil {
		t.Fatal(err)
	}
	if !uuidV4.MatchString(store.ID) || store.Environment == nil || store.Environment.ID != testEnvID {
		t.Errorf("id %q environment %+v", store.ID, store.Environment)
	}
	if _, err := time.Parse("2006-01-02T15:04:05.000Z", store.CreatedAt); err != nil || store.UpdatedAt != store.CreatedAt {
		t.Errorf("createdAt %q updatedAt %q: %v", store.CreatedAt, store.UpdatedAt, err)
	}
	self := sim.URL() + "/v1/environments/" + testEnvID + "/propagation/stores/" + store.ID
	for _, rel := range []string{"self", "update", "delete"} {
		if store.Links[rel].Href != self {
			t.Errorf("_links.%s = %q, want %q", rel, store.Links[rel].Href, self)
		}
	}
	if store.Type != "Salesforce" || store.Name != "test" || store.Status != "INACTIVE" || store.Image.Href != req.Image.Href {
		t.Errorf("store = %+v", store)
	}
	if store.Configuration != req.Configuration {
		t.Errorf("configuration not echoed as sent:\n got %+v\nwant %+v", store.Configuration, req.Configuration)
	}
	if got := sim.Stores(); len(got) != 1 || got[0].ID != store.ID {
		t.Errorf("sim.Stores() = %+v", got)
	}
}

func TestDocumentedExampleIsRejectedByTheDemoOrgRule(t *testing.T) {
	c, _ := simClient(t)
	_, err := c.CreateSalesforceStore(context.Background(), testEnvID, exampleRequest(t))
	var e *api.Error
	if !errors.As(err, &e) || e.StatusCode != 400 || e.Code != "INVALID_DATA" {
		t.Fatalf("err = %v, want 400 INVALID_DATA", err)
	}
	var targets []string
	for _, d := range e.Details {
		targets = append(targets, d.Code+" "+d.Target)
	}
	want := "INVALID_VALUE configuration.PROFILE_ID,INVALID_VALUE configuration.ACCOUNT_ID"
	if got := strings.Join(targets, ","); got != want {
		t.Errorf("details = %s, want %s", got, want)
	}
}

func TestSimulatorCannedFailuresReachTheClientAsTypedErrors(t *testing.T) {
	tests := []struct {
		failure string
		check   func(e *api.Error) bool
	}{
		{"429", func(e *api.Error) bool {
			return e.RetryAfter == simulator.RetryAfterSeconds*time.Second && e.Code == "REQUEST_LIMITED"
		}},
		{"500", func(e *api.Error) bool { return e.Code == "UNEXPECTED_ERROR" && e.ID != "" && e.CorrelationID != "" }},
		{"502-html", func(e *api.Error) bool { return e.HTML && strings.HasPrefix(e.Body, "502 Bad Gateway Bad Gateway") }},
		{"503-empty", func(e *api.Error) bool { return e.Body == "" && strings.HasSuffix(e.Error(), "with an empty body") }},
	}
	for _, tt := range tests {
		t.Run(tt.failure, func(t *testing.T) {
			c, sim := simClient(t)
			f := simulator.Failures[tt.failure]
			sim.FailWith(f.Status, f.ContentType, f.Body)
			_, err := c.CreateSalesforceStore(context.Background(), testEnvID, demoRequest(t))
			var e *api.Error
			if !errors.As(err, &e) || e.StatusCode != f.Status || !tt.check(e) {
				t.Fatalf("err = %v (%+v)", err, e)
			}
			if _, err := c.CreateSalesforceStore(context.Background(), testEnvID, demoRequest(t)); err != nil {
				t.Errorf("the call after the canned failure failed too: %v", err)
			}
		})
	}
}
