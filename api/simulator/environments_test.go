package simulator_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"sfstore/api"
	"sfstore/api/simulator"
)

// envList decodes GET /v1/environments.
func envList(t *testing.T, h http.Handler, auth string) (int, []map[string]any) {
	t.Helper()
	w := call(h, http.MethodGet, "/v1/environments", auth, "", "")
	var body struct {
		Embedded struct {
			Environments []map[string]any `json:"environments"`
		} `json:"_embedded"`
		Count int
	}
	_ = json.Unmarshal(w.Body.Bytes(), &body)
	if w.Code == 200 && body.Count != len(body.Embedded.Environments) {
		t.Errorf("count %d for %d environments", body.Count, len(body.Embedded.Environments))
	}
	return w.Code, body.Embedded.Environments
}

func TestEnvironmentListDefaultsToTheDemoSet(t *testing.T) {
	status, envs := envList(t, newSim(), "Bearer "+goodToken)
	if status != 200 || len(envs) != 3 {
		t.Fatalf("status %d envs %v", status, envs)
	}
	first := envs[0]
	if first["id"] != simulator.DemoEnvironmentID || first["name"] != "Demo Production" || first["type"] != "PRODUCTION" || first["region"] != "NA" {
		t.Errorf("first environment %v", first)
	}
	if envs[1]["name"] != "Demo Staging" || envs[1]["type"] != "SANDBOX" {
		t.Errorf("second environment %v", envs[1])
	}
	for _, k := range []string{"license", "organization", "createdAt", "_links"} {
		if first[k] == nil {
			t.Errorf("environment lacks %s: %v", k, first)
		}
	}
	if simulator.DemoEnvironmentID != envID {
		t.Error("the demo environment is not the demo worker app's")
	}
}

func TestEnvironmentListFollowsOptionsEnvironments(t *testing.T) {
	other := "22222222-2222-4222-8222-222222222222"
	sim := simulator.New(simulator.Options{AccessTokens: []string{goodToken}, Environments: []string{other, envID}})
	_, envs := envList(t, sim, "Bearer "+goodToken)
	if len(envs) != 2 || envs[0]["id"] != other || envs[0]["name"] != "Environment 1" || envs[1]["name"] != "Demo Production" {
		t.Errorf("envs %v", envs)
	}
}

func TestEnvironmentEndpointsAccessRules(t *testing.T) {
	deny := simulator.New(simulator.Options{AccessTokens: []string{goodToken}, DenyEnvironmentList: true})
	if status, _ := envList(t, newSim(), ""); status != 401 {
		t.Errorf("no bearer: %d", status)
	}
	w := call(deny, http.MethodGet, "/v1/environments", "Bearer "+goodToken, "", "")
	if e := decodeError(t, w); w.Code != 403 || e.Code != "ACCESS_FAILED" || e.Details[0].Code != "INSUFFICIENT_PERMISSIONS" {
		t.Errorf("denied list: %d %s", w.Code, w.Body)
	}
	// Only the list is denied.
	if w := call(deny, http.MethodGet, "/v1/environments/"+envID, "Bearer "+goodToken, "", ""); w.Code != 200 {
		t.Errorf("get one with the list denied: %d", w.Code)
	}
	if w := createStore(t, deny, validBody()); w.Code != 201 {
		t.Errorf("create with the list denied: %d", w.Code)
	}
	if w := call(newSim(), http.MethodPost, "/v1/environments", "Bearer "+goodToken, "", ""); w.Code != 405 {
		t.Errorf("POST list: %d", w.Code)
	}
}

func TestGetEnvironment(t *testing.T) {
	fixed := simulator.New(simulator.Options{AccessTokens: []string{goodToken}, Environments: []string{envID}})
	anyEnv := newSim()
	unknown := "/v1/environments/22222222-2222-4222-8222-222222222222"
	tests := []struct {
		name   string
		h      http.Handler
		path   string
		auth   string
		status int
		want   string // name
	}{
		{"demo environment", anyEnv, "/v1/environments/" + envID, goodToken, 200, "Demo Production"},
		{"any UUID exists by default", anyEnv, unknown, goodToken, 200, "Environment 22222222"},
		{"not a UUID", anyEnv, "/v1/environments/nope", goodToken, 404, ""},
		{"listed environment", fixed, "/v1/environments/" + envID, goodToken, 200, "Demo Production"},
		{"unlisted environment", fixed, unknown, goodToken, 404, ""},
		{"no bearer", fixed, "/v1/environments/" + envID, "", 401, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			auth := ""
			if tt.auth != "" {
				auth = "Bearer " + tt.auth
			}
			w := call(tt.h, http.MethodGet, tt.path, auth, "", "")
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.status, w.Body)
			}
			if tt.status != 200 {
				decodeError(t, w)
				return
			}
			var env api.Environment
			_ = json.Unmarshal(w.Body.Bytes(), &env)
			if env.Name != tt.want || env.Region != "NA" || env.Type == "" {
				t.Errorf("environment %+v", env)
			}
		})
	}
}
