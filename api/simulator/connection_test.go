package simulator_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"sfstore/api"
)

const connectionURL = storesURL + "/connection/status"

// checkConnection posts body to the connection check with its media type.
func checkConnection(t *testing.T, h http.Handler, body any) (int, map[string]any) {
	t.Helper()
	b, _ := json.Marshal(body)
	w := call(h, http.MethodPost, connectionURL, "Bearer "+goodToken, api.ConnectionCheckContentType, string(b))
	var got map[string]any
	_ = json.Unmarshal(w.Body.Bytes(), &got)
	return w.Code, got
}

func TestConnectionCheckDemoRules(t *testing.T) {
	tests := []struct {
		domain, access string
		status         int
		code, message  string
	}{
		{"acme.my.salesforce.com", "00D-access", 200, "", "Connection to Salesforce succeeded."},
		{"https://Acme.My.Salesforce.com/", "00D-access", 200, "", "Connection to Salesforce succeeded."},
		{"acme.my.site.force.com:443", "00D-access", 200, "", "Connection to Salesforce succeeded."},
		{"salesforce.com", "00D-access", 400, "REQUEST_FAILED", "Could not connect to Salesforce at salesforce.com: host not found."},
		{"https://example.com", "00D-access", 400, "REQUEST_FAILED", "Could not connect to Salesforce at https://example.com: host not found."},
		{"acme.salesforce.com.evil.example", "00D-access", 400, "REQUEST_FAILED", "Could not connect to Salesforce at acme.salesforce.com.evil.example: host not found."},
		{"acme.my.salesforce.com", "expired-demo-token", 400, "REQUEST_FAILED", "Salesforce rejected the OAuth access token (INVALID_SESSION_ID)"},
	}
	for _, tt := range tests {
		t.Run(tt.domain+"/"+tt.access, func(t *testing.T) {
			b := validBody()
			config(b)["SALESFORCE_DOMAIN"], config(b)["OAUTH_ACCESS_TOKEN"] = tt.domain, tt.access
			status, got := checkConnection(t, newSim(), b)
			if status != tt.status {
				t.Fatalf("status %d, want %d: %v", status, tt.status, got)
			}
			if tt.status == 200 {
				if got["status"] != "SUCCESS" || got["message"] != tt.message {
					t.Errorf("body %v", got)
				}
				return
			}
			if got["code"] != tt.code || got["message"] != tt.message || got["id"] == "" {
				t.Errorf("body %v", got)
			}
		})
	}
}

func TestConnectionCheckValidatesLikeCreate(t *testing.T) {
	b := validBody()
	delete(config(b), "CLIENT_ID")
	config(b)["PROFILE_ID"] = "00e000000000000"
	b2, _ := json.Marshal(b)
	w := call(newSim(), http.MethodPost, connectionURL, "Bearer "+goodToken, api.ConnectionCheckContentType, string(b2))
	e := decodeError(t, w)
	got := strings.Join(detailKeys(e), ",")
	if w.Code != 400 || e.Code != "INVALID_DATA" || got != "INVALID_VALUE configuration.PROFILE_ID,REQUIRED_VALUE configuration.CLIENT_ID" {
		t.Errorf("%d %s %s", w.Code, e.Code, got)
	}
}

func TestConnectionCheckWantsItsMediaTypeAndCreatesNothing(t *testing.T) {
	sim := newSim()
	b, _ := json.Marshal(validBody())
	for _, ct := range []string{"application/json", "", "text/plain"} {
		w := call(sim, http.MethodPost, connectionURL, "Bearer "+goodToken, ct, string(b))
		if e := decodeError(t, w); w.Code != 400 || e.Code != "INVALID_REQUEST" || e.Details[0].Target != "Content-Type" {
			t.Errorf("Content-Type %q: %d %s", ct, w.Code, w.Body)
		}
	}
	if w := call(sim, http.MethodPost, connectionURL, "Bearer "+goodToken, api.ConnectionCheckContentType+"; charset=utf-8", string(b)); w.Code != 200 {
		t.Errorf("with charset: %d %s", w.Code, w.Body)
	}
	if w := call(sim, http.MethodGet, connectionURL, "Bearer "+goodToken, "", ""); w.Code != 405 {
		t.Errorf("GET: %d", w.Code)
	}
	if n := len(sim.Stores()); n != 0 {
		t.Errorf("%d stores after connection checks, want 0", n)
	}
}
