package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"sfstore/api"
)

func TestNewClientStripsSlashAndV1(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://api.pingone.com", "https://api.pingone.com"},
		{"https://api.pingone.com/", "https://api.pingone.com"},
		{"https://api.pingone.eu/v1", "https://api.pingone.eu"},
		{"https://api.pingone.eu/v1/", "https://api.pingone.eu"},
		{" http://127.0.0.1:8080/base/v1 ", "http://127.0.0.1:8080/base"},
	}
	for _, tt := range tests {
		c, err := api.NewClient(tt.in)
		if err != nil {
			t.Errorf("NewClient(%q): %v", tt.in, err)
			continue
		}
		if got := c.BaseURL(); got != tt.want {
			t.Errorf("NewClient(%q).BaseURL() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNewClientRejectsNonAbsoluteHTTPURLsNamingThem(t *testing.T) {
	for in, want := range map[string]string{
		"": `""`, "api.pingone.com": `"api.pingone.com"`, "/v1": `"/v1"`, "ftp://api.pingone.com": `"ftp://api.pingone.com"`,
		"https://": `"https://"`,
		// A query may hold a secret: named without it.
		"https://api.pingone.com/v1?x=1": "https://api.pingone.com/v1?…",
	} {
		_, err := api.NewClient(in)
		if err == nil {
			t.Errorf("NewClient(%q) succeeded, want an error", in)
			continue
		}
		if !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "pingone api url: ") {
			t.Errorf("NewClient(%q) error %q does not name the url as %s", in, err, want)
		}
	}
}

func TestNewClientRefusesUserInfoWithoutEchoingThePassword(t *testing.T) {
	_, err := api.NewClient("https://admin:hunter2-password@api.pingone.com")
	if err == nil || strings.Contains(err.Error(), "hunter2-password") {
		t.Fatalf("err = %v, want an error without the password", err)
	}
}

func TestRequestsCarryBearerAcceptAndUserAgent(t *testing.T) {
	tests := []struct {
		name   string
		opts   []api.Option
		wantUA string
	}{
		{"default user agent", nil, "sfstore"},
		{"custom user agent", []api.Option{api.WithUserAgent("sfstore/1.2.3")}, "sfstore/1.2.3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got http.Header
			c := setup(t, func(w http.ResponseWriter, r *http.Request) {
				got = r.Header.Clone()
				respond(201, `{"id":"x"}`)(w, r)
			}, tt.opts...)
			if _, err := c.CreateSalesforceStore(context.Background(), testEnvID, exampleRequest(t)); err != nil {
				t.Fatal(err)
			}
			checks := map[string]string{
				"Authorization": "Bearer test-token", "Accept": "application/json",
				"Content-Type": "application/json", "User-Agent": tt.wantUA,
			}
			for k, want := range checks {
				if got.Get(k) != want {
					t.Errorf("%s = %q, want %q", k, got.Get(k), want)
				}
			}
		})
	}
}

func TestWithTokenSourceLeavesTheCallersHTTPClientAlone(t *testing.T) {
	hc := &http.Client{}
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "x"})
	if _, err := api.NewClient("https://api.pingone.com", api.WithHTTPClient(hc), api.WithTokenSource(ts)); err != nil {
		t.Fatal(err)
	}
	if hc.Transport != nil {
		t.Errorf("caller's http.Client transport was replaced with %T", hc.Transport)
	}
}
