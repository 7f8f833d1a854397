package simulator_test

import (
	"context"
	"encoding/json"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"sfstore/api/simulator"
)

var uuidV4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestCreateStoreAnswers201WithTheDocumentedShape(t *testing.T) {
	b := validBody()
	b["image"] = map[string]any{"href": "https://example.com/logo.png"}
	w := createStore(t, newSim(), b)
	if w.Code != http.StatusCreated {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	var got map[string]any
	_ = json.Unmarshal(w.Body.Bytes(), &got)
	var doc map[string]any
	raw, _ := os.ReadFile("../testdata/example-response-201.json")
	_ = json.Unmarshal(raw, &doc)
	if k, wantK := slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(doc)); !slices.Equal(k, wantK) {
		t.Errorf("keys %v, want the documented %v", k, wantK)
	}
	id, _ := got["id"].(string)
	created, _ := got["createdAt"].(string)
	if _, err := time.Parse("2006-01-02T15:04:05.000Z", created); !uuidV4.MatchString(id) || err != nil {
		t.Errorf("id %q createdAt %q", id, created)
	}
	if got["status"] != "INACTIVE" || got["environment"].(map[string]any)["id"] != envID {
		t.Errorf("status %v environment %v", got["status"], got["environment"])
	}
	if sent, _ := json.Marshal(b["configuration"]); !jsonSame(got["configuration"], sent) {
		t.Errorf("configuration %v, want it echoed as sent (secrets included)", got["configuration"])
	}
	self := got["_links"].(map[string]any)["self"].(map[string]any)["href"]
	if self != "http://example.com"+storesURL+"/"+id {
		t.Errorf("_links.self = %v, want one derived from the request host", self)
	}
}

func TestCreateStoreEchoesOptionalFieldsOnlyWhenSent(t *testing.T) {
	b := validBody()
	b["managed"], b["description"], b["status"] = false, "", "ACTIVE"
	var got map[string]any
	_ = json.Unmarshal(createStore(t, newSim(), b).Body.Bytes(), &got)
	if got["managed"] != false || got["description"] != "" || got["status"] != "ACTIVE" {
		t.Errorf("got %v", got)
	}
	var plain map[string]any
	_ = json.Unmarshal(createStore(t, newSim(), validBody()).Body.Bytes(), &plain)
	for _, k := range []string{"managed", "description"} {
		if _, ok := plain[k]; ok {
			t.Errorf("%s present though not sent", k)
		}
	}
}

func TestAPIErrorsBeforeValidation(t *testing.T) {
	sim := simulator.New(simulator.Options{AccessTokens: []string{goodToken}, Environments: []string{envID}})
	other := "/v1/environments/22222222-2222-4222-8222-222222222222/propagation/stores"
	body, _ := json.Marshal(validBody())
	tests := []struct {
		name, path, auth, contentType, body string
		status                              int
		code                                string
	}{
		{"missing bearer", storesURL, "", "application/json", string(body), 401, "ACCESS_FAILED"},
		{"unknown environment", other, "Bearer " + goodToken, "application/json", string(body), 404, "NOT_FOUND"},
		{"not JSON", storesURL, "Bearer " + goodToken, "text/plain", string(body), 400, "INVALID_REQUEST"},
		{"malformed JSON", storesURL, "Bearer " + goodToken, "application/json", `{"type":`, 400, "INVALID_REQUEST"},
		{"JSON array", storesURL, "Bearer " + goodToken, "application/json", `[]`, 400, "INVALID_REQUEST"},
		{"JSON with charset", storesURL, "Bearer " + goodToken, "application/json; charset=utf-8", string(body), 201, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := call(sim, http.MethodPost, tt.path, tt.auth, tt.contentType, tt.body)
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.status, w.Body)
			}
			if tt.code != "" && decodeError(t, w).Code != tt.code {
				t.Errorf("body %s, want code %s", w.Body, tt.code)
			}
		})
	}
}

func TestMissingBearerLooksLikePingOnes401(t *testing.T) {
	w := call(newSim(), http.MethodPost, storesURL, "", "application/json", "{}")
	e := decodeError(t, w)
	if len(e.Details) != 1 || e.Details[0].Code != "INVALID_TOKEN" || w.Header().Get("WWW-Authenticate") == "" {
		t.Errorf("headers %v body %s", w.Header(), w.Body)
	}
}

func TestUnknownPathAndMethodAnswerPingOneJSON(t *testing.T) {
	for _, tt := range []struct {
		method, path string
		status       int
	}{
		{"GET", "/v1/environments/" + envID + "/applications", 404},
		{"GET", "/", 404},
		{"DELETE", storesURL, 405},
		{"GET", "/" + envID + "/as/token", 405},
	} {
		w := call(newSim(), tt.method, tt.path, "Bearer "+goodToken, "", "")
		if w.Code != tt.status || w.Header().Get("Content-Type") != "application/json" {
			t.Errorf("%s %s: %d %s, want %d JSON", tt.method, tt.path, w.Code, w.Header().Get("Content-Type"), tt.status)
		}
		decodeError(t, w)
	}
}

func TestEveryResponseCarriesAFreshCorrelationID(t *testing.T) {
	sim := newSim()
	seen := map[string]bool{}
	for _, w := range []*httptest.ResponseRecorder{
		createStore(t, sim, validBody()), createStore(t, sim, map[string]any{}),
		call(sim, "GET", "/nope", "", "", ""), call(sim, "POST", "/"+envID+"/as/token", "", "", ""),
	} {
		id := w.Header().Get("Correlation-Id")
		if !uuidV4.MatchString(id) || seen[id] {
			t.Errorf("Correlation-Id %q missing or reused", id)
		}
		seen[id] = true
	}
}

func TestListReturnsTheEnvironmentsStoresWithSecrets(t *testing.T) {
	sim := newSim()
	createStore(t, sim, validBody())
	createStore(t, sim, validBody())
	w := call(sim, "GET", storesURL, "Bearer "+goodToken, "", "")
	var got struct {
		Embedded struct {
			Stores []map[string]any `json:"stores"`
		} `json:"_embedded"`
		Count, Size int
	}
	_ = json.Unmarshal(w.Body.Bytes(), &got)
	if w.Code != 200 || got.Count != 2 || got.Size != 2 || len(got.Embedded.Stores) != 2 {
		t.Fatalf("status %d body %s", w.Code, w.Body)
	}
	if cfg := got.Embedded.Stores[0]["configuration"].(map[string]any); cfg["CLIENT_SECRET"] != "consumer-secret" {
		t.Errorf("configuration %v, want secrets echoed as PingOne does", cfg)
	}
	if n := len(sim.Stores()); n != 2 {
		t.Errorf("Stores() has %d, want 2", n)
	}
}

func TestFailWithReplacesOnlyTheNextAPIResponse(t *testing.T) {
	sim := newSim()
	sim.FailWith(http.StatusTooManyRequests, "application/json", `{"code":"REQUEST_LIMITED"}`)
	if status, _ := tokenRequest(sim, workerEnv, workerID, "x", "client_credentials", true); status == 429 {
		t.Error("the token endpoint got the canned failure")
	}
	w := createStore(t, sim, validBody())
	if w.Code != 429 || w.Header().Get("Retry-After") != "30" || !strings.Contains(w.Body.String(), "REQUEST_LIMITED") {
		t.Errorf("first API call: %d %v %s", w.Code, w.Header(), w.Body)
	}
	if w := createStore(t, sim, validBody()); w.Code != 201 {
		t.Errorf("second API call: %d, want 201", w.Code)
	}
}

func TestRequestsRecordsCallsWithAuthorizationMasked(t *testing.T) {
	sim := newSim()
	createStore(t, sim, validBody())
	reqs := sim.Requests()
	if len(reqs) != 1 || reqs[0].Method != "POST" || reqs[0].Path != storesURL {
		t.Fatalf("Requests() = %+v", reqs)
	}
	if a := reqs[0].Header.Get("Authorization"); strings.Contains(a, goodToken) || !strings.HasPrefix(a, "Bearer ••••") {
		t.Errorf("Authorization recorded as %q", a)
	}
}

func TestStartListensOnLoopbackAndLatencyHonoursCancel(t *testing.T) {
	sim, err := simulator.Start(simulator.Options{Latency: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer sim.Close()
	if !strings.HasPrefix(sim.URL(), "http://127.0.0.1:") {
		t.Errorf("URL() = %q", sim.URL())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", sim.URL()+"/nope", nil)
	start := time.Now()
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		t.Error("request answered before the latency elapsed")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("canceled request took %v", d)
	}
}

// jsonSame reports whether decoded value v and JSON document b are equal.
func jsonSame(v any, b []byte) bool {
	x, _ := json.Marshal(v)
	var y any
	_ = json.Unmarshal(b, &y)
	yb, _ := json.Marshal(y)
	return string(x) == string(yb)
}
