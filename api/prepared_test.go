package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"sfstore/api"
	"sfstore/api/redact"
)

func TestDescribeCreateIsExactlyTheRequestCreateSends(t *testing.T) {
	var got *http.Request
	var gotBody []byte
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		got, gotBody = r, must(io.ReadAll(r.Body))
		respond(201, `{"id":"s1"}`)(w, r)
	}, api.WithUserAgent("sfstore/9.9"))
	req := sentinelRequest(t)
	req.Type = ""
	req.Name = `R&D <Salesforce> "prod"`
	p := c.DescribeCreate(" "+testEnvID+" ", req)
	if _, err := c.CreateSalesforceStore(context.Background(), " "+testEnvID+" ", req); err != nil {
		t.Fatal(err)
	}
	if p.Method != got.Method || p.URL != "http://"+got.Host+basePath+got.URL.Path {
		t.Errorf("described %s %s, sent %s %s", p.Method, p.URL, got.Method, got.URL)
	}
	if !bytes.Equal(p.Body, gotBody) {
		t.Errorf("described body\n%s\nsent\n%s", p.Body, gotBody)
	}
	for name := range p.Header {
		want := got.Header.Get(name)
		if name == "Authorization" {
			want = "Bearer ••••"
		}
		if p.Header.Get(name) != want {
			t.Errorf("header %s described %q, sent %q", name, p.Header.Get(name), got.Header.Get(name))
		}
	}
	for _, name := range []string{"Accept", "Content-Type", "User-Agent", "Authorization"} {
		if p.Header.Get(name) == "" {
			t.Errorf("header %s not described", name)
		}
	}
	if req.Type != "" {
		t.Errorf("DescribeCreate changed the caller's request: type %q", req.Type)
	}
}

func TestDescribeCreateFetchesNothing(t *testing.T) {
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("unexpected request %s %s", r.Method, r.URL)
	})
	p := c.DescribeCreate(testEnvID, nil)
	if jsonField(t, p.Body, "type") != "Salesforce" || p.Header.Get("Authorization") != "Bearer ••••" {
		t.Errorf("DescribeCreate(nil) = %s %s", p.Header, p.Body)
	}
}

func TestMaskedMasksSecretsByKeyAndByValue(t *testing.T) {
	c := setup(t, respond(201, `{}`))
	req := sentinelRequest(t)
	// The worker secret is not a configuration secret: only the list
	// given to Masked can find it.
	req.Description = "made with " + sentWorker
	p := c.DescribeCreate(testEnvID, req)
	orig := string(p.Body)
	m := p.Masked(sentWorker)

	assertNoSentinel(t, string(m.Body), m.URL, headerText(m.Header))
	if string(p.Body) != orig || !strings.Contains(orig, sentClientSecret) {
		t.Error("Masked changed the original body")
	}
	var doc struct {
		Name, Description string
		Configuration     map[string]any
	}
	if err := json.Unmarshal(m.Body, &doc); err != nil {
		t.Fatalf("masked body is not JSON: %v\n%s", err, m.Body)
	}
	cfg := doc.Configuration
	want := map[string]any{
		"CLIENT_SECRET": redact.Mask(sentClientSecret), "OAUTH_ACCESS_TOKEN": redact.Mask(sentAccess),
		"OAUTH_REFRESH_TOKEN": redact.Mask(sentRefresh), "CLIENT_ID": "fdsfd", "ENABLE_COMMUNITIES": true,
		"SALESFORCE_DOMAIN": "https://example.com",
	}
	for k, v := range want {
		if cfg[k] != v {
			t.Errorf("configuration.%s = %v, want %v", k, cfg[k], v)
		}
	}
	if doc.Description != "made with "+redact.Mask(sentWorker) || doc.Name != "test" {
		t.Errorf("name %q description %q", doc.Name, doc.Description)
	}
	if m.Header.Get("Authorization") != "Bearer ••••" {
		t.Errorf("Authorization = %q", m.Header.Get("Authorization"))
	}
	// Key order and layout are kept: only the secrets differ.
	for _, s := range []string{sentClientSecret, sentAccess, sentRefresh, sentWorker} {
		orig = strings.ReplaceAll(orig, s, redact.Mask(s))
	}
	if string(m.Body) != orig {
		t.Errorf("masked body\n%s\nwant\n%s", m.Body, orig)
	}
}

func TestMaskedFindsSecretsThatAreNotInTheList(t *testing.T) {
	// A short secret is masked whole under its key, even though Redact
	// would skip it as too short to search for.
	p := api.PreparedRequest{
		Method: "POST", URL: "https://api.pingone.com/v1/x?access_token=abc123abc123abc123",
		Header: http.Header{"Content-Type": {"application/json"}, "Authorization": {"Bearer real-token-0123456789"}, "Cookie": {"s=1"}},
		Body:   []byte(`{"nested":{"client_secret":"abc","list":[{"password":"p4ssword-0001"}]},"echo":"real-token-0123456789","n":1.50}`),
	}
	m := p.Masked()
	want := `{"nested":{"client_secret":"••••","list":[{"password":"••••0001"}]},"echo":"••••6789","n":1.50}`
	if string(m.Body) != want {
		t.Errorf("body %s\nwant %s", m.Body, want)
	}
	if m.Header.Get("Authorization") != "Bearer ••••6789" || m.Header.Get("Cookie") != "••••" {
		t.Errorf("headers %v", m.Header)
	}
	if strings.Contains(m.URL, "abc123abc123") {
		t.Errorf("URL %q", m.URL)
	}
}

// headerText renders a header for leak scans.
func headerText(h http.Header) string {
	var b strings.Builder
	_ = h.Write(&b)
	return b.String()
}

// must returns v, ignoring err: for reads that cannot fail in a test.
func must[T any](v T, _ error) T { return v }
