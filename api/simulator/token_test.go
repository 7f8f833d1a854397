package simulator_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"sfstore/api/simulator"
)

const (
	workerEnv = "11111111-2222-4333-8444-555555555555"
	workerID  = "99999999-8888-4777-8666-555555555555"
	secret    = "s3cret/with+chars"
)

// tokenRequest builds a token request, with client auth by Basic or form.
func tokenRequest(h http.Handler, env, id, sec, grant string, basic bool) (int, map[string]any) {
	form := url.Values{"grant_type": {grant}}
	auth := ""
	if basic {
		r, _ := http.NewRequest("POST", "/", nil)
		r.SetBasicAuth(url.QueryEscape(id), url.QueryEscape(sec)) // as RFC 6749 §2.3.1 and x/oauth2 do
		auth = r.Header.Get("Authorization")
	} else {
		form.Set("client_id", id)
		form.Set("client_secret", sec)
	}
	w := call(h, http.MethodPost, "/"+env+"/as/token", auth, "application/x-www-form-urlencoded", form.Encode())
	var body map[string]any
	_ = json.Unmarshal(w.Body.Bytes(), &body)
	return w.Code, body
}

func TestTokenEndpoint(t *testing.T) {
	fixed := simulator.New(simulator.Options{ClientID: workerID, ClientSecret: secret, Environments: []string{workerEnv}})
	anyApp := simulator.New(simulator.Options{})
	tests := []struct {
		name           string
		h              http.Handler
		env, id, sec   string
		grant          string
		basic          bool
		status         int
		wantOAuthError string
	}{
		{"basic auth", fixed, workerEnv, workerID, secret, "client_credentials", true, 200, ""},
		{"form auth", fixed, workerEnv, workerID, secret, "client_credentials", false, 200, ""},
		{"wrong secret", fixed, workerEnv, workerID, "nope", "client_credentials", true, 401, "invalid_client"},
		{"wrong client ID", fixed, workerEnv, "00000000-0000-4000-8000-000000000000", secret, "client_credentials", false, 401, "invalid_client"},
		{"unknown worker environment", fixed, "00000000-0000-4000-8000-000000000000", workerID, secret, "client_credentials", true, 401, "invalid_client"},
		{"wrong grant", fixed, workerEnv, workerID, secret, "password", true, 400, "unsupported_grant_type"},
		{"any app: UUID client and a secret", anyApp, workerEnv, workerID, "x", "client_credentials", false, 200, ""},
		{"any app: client ID not a UUID", anyApp, workerEnv, "my-app", "x", "client_credentials", true, 401, "invalid_client"},
		{"any app: empty secret", anyApp, workerEnv, workerID, "", "client_credentials", false, 401, "invalid_client"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := tokenRequest(tt.h, tt.env, tt.id, tt.sec, tt.grant, tt.basic)
			if status != tt.status {
				t.Fatalf("status %d, want %d: %v", status, tt.status, body)
			}
			if tt.wantOAuthError != "" {
				if body["error"] != tt.wantOAuthError || body["error_description"] == "" {
					t.Errorf("body %v, want error %s with a description", body, tt.wantOAuthError)
				}
				return
			}
			tok, _ := body["access_token"].(string)
			if len(tok) < 32 || body["token_type"] != "Bearer" || body["expires_in"] != 3600.0 {
				t.Errorf("token response %v", body)
			}
		})
	}
}

func TestIssuedTokenOpensTheAPIAndOthersDoNot(t *testing.T) {
	sim := simulator.New(simulator.Options{})
	_, body := tokenRequest(sim, workerEnv, workerID, "x", "client_credentials", true)
	tok := body["access_token"].(string)
	for _, tt := range []struct {
		auth   string
		status int
	}{
		{"Bearer " + tok, 200},
		{"bearer " + tok, 200},
		{"", 401},
		{"Bearer not-issued", 401},
		{"Basic " + tok, 401},
	} {
		w := call(sim, http.MethodGet, storesURL, tt.auth, "", "")
		if w.Code != tt.status {
			t.Errorf("Authorization %q: status %d, want %d", tt.auth, w.Code, tt.status)
		}
	}
}
