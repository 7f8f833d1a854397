package simulator_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"

	"sfstore/api"
	"sfstore/api/demoorg"
	"sfstore/api/simulator"
)

const (
	envID     = "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6"
	goodToken = "accepted-token-0123456789abcdef"
	storesURL = "/v1/environments/" + envID + "/propagation/stores"
)

// newSim returns a simulator, not listening, that accepts goodToken.
func newSim() *simulator.Server {
	return simulator.New(simulator.Options{AccessTokens: []string{goodToken}})
}

// call sends one request to h and returns the recorded response.
func call(h http.Handler, method, path, auth, contentType, body string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	if auth != "" {
		r.Header.Set("Authorization", auth)
	}
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// createStore posts body (marshalled) with goodToken.
func createStore(t *testing.T, h http.Handler, body any) *httptest.ResponseRecorder {
	t.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	return call(h, http.MethodPost, storesURL, "Bearer "+goodToken, "application/json", string(b))
}

// validBody is a fresh create request the simulator accepts.
func validBody() map[string]any {
	return map[string]any{
		"type": "Salesforce",
		"name": "Acme Salesforce",
		"configuration": map[string]any{
			"SALESFORCE_DOMAIN": "acme.my.salesforce.com", "CLIENT_ID": "3MVG9-consumer-key",
			"CLIENT_SECRET": "consumer-secret", "OAUTH_ACCESS_TOKEN": "00D-access", "OAUTH_REFRESH_TOKEN": "5Aep-refresh",
			"PERMISSION_SET_MANAGEMENT": api.PermissionSetsMerge, "ENABLE_COMMUNITIES": true, "FREEZE_USER_FLAG": false,
			"CREATE_USERS": true, "PROFILE_ID": demoorg.Profiles[2].ID, "ACCOUNT_ID": demoorg.Accounts[0].ID,
		},
	}
}

// config returns the configuration map of a validBody.
func config(b map[string]any) map[string]any { return b["configuration"].(map[string]any) }

// errorBody is the PingOne error body as the simulator writes it.
type errorBody struct {
	ID, Code, Message string
	Details           []struct {
		Code, Target, Message string
		InnerError            map[string]any
	}
}

// decodeError decodes w's body as a PingOne error.
func decodeError(t *testing.T, w *httptest.ResponseRecorder) errorBody {
	t.Helper()
	var e errorBody
	if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil {
		t.Fatalf("error body %q: %v", w.Body, err)
	}
	if e.ID == "" || e.Code == "" || e.Message == "" {
		t.Errorf("error body lacks id, code or message: %s", w.Body)
	}
	return e
}

// detailKeys lists "CODE target" of each detail, sorted.
func detailKeys(e errorBody) []string {
	var out []string
	for _, d := range e.Details {
		out = append(out, d.Code+" "+d.Target)
	}
	sort.Strings(out)
	return out
}
