package api_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"

	"sfstore/api"
	"sfstore/api/redact"
)

func TestLooksMasked(t *testing.T) {
	masked := []string{"", "  ", "********", "*", "••••", "•", "●●●●●●", "••••abcd", "****abcd", "abc****", " ** ", redact.Mask("a-long-secret-value-1234"), redact.Mask("short")}
	clear := []string{"fdsafds", "00D5g000004XyZ1!AQ0AQxyz", "5Aep861abc", "a*b", "***x", "pass•word", "x", "D3M0C0NSUMERSECRET"}
	for _, v := range masked {
		if !api.LooksMasked(v) {
			t.Errorf("LooksMasked(%q) = false, want true", v)
		}
	}
	for _, v := range clear {
		if api.LooksMasked(v) {
			t.Errorf("LooksMasked(%q) = true, want false", v)
		}
	}
}

func TestMaskedSecretsNamesTheKeys(t *testing.T) {
	c := exampleRequest(t).Configuration
	if got := c.MaskedSecrets(); len(got) != 0 {
		t.Errorf("clear configuration: %v", got)
	}
	c.ClientSecret, c.OAuthRefreshToken = "********", ""
	if got := c.MaskedSecrets(); !slices.Equal(got, []string{"CLIENT_SECRET", "OAUTH_REFRESH_TOKEN"}) {
		t.Errorf("MaskedSecrets() = %v", got)
	}
	if got := c.Masked().MaskedSecrets(); len(got) != 3 {
		t.Errorf("a Masked configuration should read as masked whole: %v", got)
	}
}

func TestStoreRequestKeepsTheWritableFields(t *testing.T) {
	managed := true
	s := api.Store{
		ID: "s1", Environment: &api.ObjectRef{ID: testEnvID}, Type: "Salesforce", Name: "n", Description: "d",
		Image: &api.Image{ID: "img", Href: "https://x/logo.png"}, Status: "ACTIVE", Managed: &managed,
		CreatedAt: "c", UpdatedAt: "u", Configuration: exampleRequest(t).Configuration,
		SyncStatus: &api.SyncStatus{SyncState: "FAILED"}, Links: map[string]api.Link{"self": {Href: "h"}},
	}
	r := s.Request()
	want := api.UpdateSalesforceStoreRequest{Type: "Salesforce", Name: "n", Description: "d", Image: &api.Image{Href: "https://x/logo.png"},
		Status: "ACTIVE", Managed: r.Managed, Configuration: s.Configuration}
	if r.Image == nil || *r.Image != *want.Image || r.Managed == nil || !*r.Managed ||
		r.Type != want.Type || r.Name != want.Name || r.Description != want.Description || r.Status != want.Status || r.Configuration != want.Configuration {
		t.Errorf("Request() = %+v", r)
	}
	*r.Managed = false
	if !*s.Managed {
		t.Error("Request shares Managed with the store")
	}
	if (api.Store{}).Request().Image != nil {
		t.Error("a store without an image gave one")
	}
}

func TestTestConnectionRefusesAMaskedSecretButLeavesAnEmptyOneToPingOne(t *testing.T) {
	var sent int
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		sent++
		respond(400, `{"id":"e","code":"INVALID_DATA","message":"bad","details":[{"code":"REQUIRED_VALUE","target":"configuration.CLIENT_SECRET","message":"required"}]}`)(w, r)
	})
	req := exampleRequest(t)
	req.Configuration.ClientSecret = "••••"
	if _, err := c.TestConnection(context.Background(), testEnvID, req); !errors.Is(err, api.ErrMaskedSecret) ||
		!strings.HasPrefix(err.Error(), "test connection: configuration.CLIENT_SECRET") || sent != 0 {
		t.Errorf("masked: err %v after %d requests", err, sent)
	}
	req.Configuration.ClientSecret = ""
	var e *api.Error
	if _, err := c.TestConnection(context.Background(), testEnvID, req); !errors.As(err, &e) || sent != 1 {
		t.Errorf("empty: err %v after %d requests, want PingOne's 400", err, sent)
	}
}

// The simulator masks the keys SecretKeys lists: they must be the keys
// MaskedSecrets checks, and a caller must not be able to change them.
func TestSecretKeysAreTheKeysMaskedSecretsChecks(t *testing.T) {
	var empty api.SalesforceConfiguration
	keys := api.SecretKeys()
	if !slices.Equal(keys, empty.MaskedSecrets()) || len(keys) != 3 {
		t.Fatalf("SecretKeys() = %q, MaskedSecrets of an empty configuration = %q", keys, empty.MaskedSecrets())
	}
	keys[0] = "changed"
	if api.SecretKeys()[0] != "CLIENT_SECRET" {
		t.Error("SecretKeys returned the client's own list")
	}
}
