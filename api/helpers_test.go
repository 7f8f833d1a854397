package api_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/oauth2"

	"sfstore/api"
)

// basePath mounts test servers under a prefix, as go-github does, so a
// request built from an absolute path instead of the base URL is caught.
const basePath = "/pingone"

// testEnvID is the environment of the documented example.
const testEnvID = "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6"

// setup starts a server running h under basePath and a client for it whose
// requests carry the bearer token "test-token".
func setup(t testing.TB, h http.HandlerFunc, opts ...api.Option) *api.Client {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle(basePath+"/", http.StripPrefix(basePath, h))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("request outside the base path: %s %s", r.Method, r.URL.Path)
		http.NotFound(w, r)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "test-token"})
	opts = append([]api.Option{api.WithTokenSource(ts)}, opts...)
	c, err := api.NewClient(srv.URL+basePath+"/v1/", opts...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}

// readTestdata returns the content of testdata/name.
func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// exampleRequest is the documented example request body.
func exampleRequest(t *testing.T) *api.CreateSalesforceStoreRequest {
	t.Helper()
	var req api.CreateSalesforceStoreRequest
	if err := json.Unmarshal(readTestdata(t, "example-request.json"), &req); err != nil {
		t.Fatal(err)
	}
	return &req
}

// respond returns a handler that answers with a fixed status, headers and body.
func respond(status int, body string, header ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}
}

// jsonEqual reports whether two JSON documents have the same content.
func jsonEqual(t *testing.T, a, b []byte) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatalf("unmarshal %s: %v", a, err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatalf("unmarshal %s: %v", b, err)
	}
	xb, _ := json.Marshal(x)
	yb, _ := json.Marshal(y)
	return string(xb) == string(yb)
}

// jsonField returns the string value of a top-level key of a JSON object.
func jsonField(t *testing.T, b []byte, key string) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	s, _ := m[key].(string)
	return s
}

// fmtAny renders a decoded JSON value for leak scans.
func fmtAny(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
