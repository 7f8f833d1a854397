package simulator_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"testing"

	"sfstore/api/simulator"
)

// send makes an authorised API request with a JSON body (none when body is
// nil) and returns the recorded response.
func send(t *testing.T, h http.Handler, method, path string, body any) *httptest.ResponseRecorder {
	t.Helper()
	var b string
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		b = string(raw)
	}
	return call(h, method, path, "Bearer "+goodToken, "application/json", b)
}

// created creates a store from validBody and returns its ID.
func created(t *testing.T, h http.Handler) string {
	t.Helper()
	w := createStore(t, h, validBody())
	if w.Code != http.StatusCreated {
		t.Fatalf("create: %d %s", w.Code, w.Body)
	}
	return decodeMap(t, w)["id"].(string)
}

func decodeMap(t *testing.T, w *httptest.ResponseRecorder) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil {
		t.Fatalf("body %q: %v", w.Body, err)
	}
	return m
}

func TestGetStoreAnswersTheStoreOr404(t *testing.T) {
	sim := newSim()
	id := created(t, sim)
	w := send(t, sim, "GET", storesURL+"/"+id, nil)
	if w.Code != 200 {
		t.Fatalf("GET: %d %s", w.Code, w.Body)
	}
	got := decodeMap(t, w)
	if got["id"] != id || got["name"] != "Acme Salesforce" || config(got)["CLIENT_SECRET"] != "consumer-secret" {
		t.Errorf("GET = %v", got)
	}
	other := "/v1/environments/22222222-2222-4222-8222-222222222222/propagation/stores/" + id
	for _, path := range []string{storesURL + "/11111111-1111-4111-8111-111111111111", other} {
		if w := send(t, sim, "GET", path, nil); w.Code != 404 || decodeError(t, w).Code != "NOT_FOUND" {
			t.Errorf("GET %s: %d %s, want 404 NOT_FOUND", path, w.Code, w.Body)
		}
	}
}

func TestUpdateStoreIsAFullReplace(t *testing.T) {
	sim := newSim()
	b := validBody()
	b["description"], b["status"] = "old", "ACTIVE"
	first := decodeMap(t, createStore(t, sim, b))
	id := first["id"].(string)

	put := validBody()
	put["name"] = "Renamed"
	config(put)["OAUTH_ACCESS_TOKEN"] = "00D-new-access"
	w := send(t, sim, "PUT", storesURL+"/"+id, put)
	if w.Code != 200 {
		t.Fatalf("PUT: %d %s", w.Code, w.Body)
	}
	got := decodeMap(t, w)
	if got["id"] != id || got["createdAt"] != first["createdAt"] || got["name"] != "Renamed" ||
		config(got)["OAUTH_ACCESS_TOKEN"] != "00D-new-access" || got["environment"].(map[string]any)["id"] != envID {
		t.Errorf("PUT answered %v", got)
	}
	// Left out of the PUT, so cleared: the simulator's reading of a full replace.
	if _, ok := got["description"]; ok || got["status"] != "INACTIVE" {
		t.Errorf("description %v status %v, want cleared and INACTIVE", got["description"], got["status"])
	}
	if again := decodeMap(t, send(t, sim, "GET", storesURL+"/"+id, nil)); !reflect.DeepEqual(again, got) {
		t.Errorf("GET after PUT = %v, want %v", again, got)
	}
}

func TestRefusedUpdateNamesTheFieldsAndChangesNothing(t *testing.T) {
	sim := newSim()
	id := created(t, sim)
	before := sim.Stores()
	put := validBody()
	delete(put, "name")
	delete(put, "type")
	config(put)["CLIENT_SECRET"] = "would-be-new"
	w := send(t, sim, "PUT", storesURL+"/"+id, put)
	if w.Code != 400 {
		t.Fatalf("PUT without name and type: %d %s", w.Code, w.Body)
	}
	e := decodeError(t, w)
	if want := []string{"REQUIRED_VALUE name", "REQUIRED_VALUE type"}; e.Code != "INVALID_DATA" || !slices.Equal(detailKeys(e), want) {
		t.Errorf("error %s %v, want INVALID_DATA %v", e.Code, detailKeys(e), want)
	}
	if after := sim.Stores(); !reflect.DeepEqual(after, before) {
		t.Errorf("store changed by a refused PUT:\n got %+v\nwant %+v", after, before)
	}
}

func TestUpdateAnswers404And400BeforeTouchingAnything(t *testing.T) {
	sim := newSim()
	id := created(t, sim)
	if w := send(t, sim, "PUT", storesURL+"/11111111-1111-4111-8111-111111111111", validBody()); w.Code != 404 {
		t.Errorf("PUT unknown ID: %d %s", w.Code, w.Body)
	}
	body, _ := json.Marshal(validBody())
	if w := call(sim, "PUT", storesURL+"/"+id, "Bearer "+goodToken, "text/plain", string(body)); w.Code != 400 || decodeError(t, w).Code != "INVALID_REQUEST" {
		t.Errorf("PUT text/plain: %d %s", w.Code, w.Body)
	}
	if w := call(sim, "PATCH", storesURL+"/"+id, "Bearer "+goodToken, "application/json", string(body)); w.Code != 405 || w.Header().Get("Allow") != "GET, PUT, DELETE" {
		t.Errorf("PATCH: %d %v", w.Code, w.Header())
	}
	if w := call(sim, "GET", storesURL+"/"+id, "", "", ""); w.Code != 401 {
		t.Errorf("GET without a token: %d", w.Code)
	}
}

func TestDeleteThenGetAndDeleteAgainAre404(t *testing.T) {
	sim := newSim()
	id := created(t, sim)
	keep := created(t, sim)
	if w := send(t, sim, "DELETE", storesURL+"/"+id, nil); w.Code != 204 || w.Body.Len() != 0 {
		t.Fatalf("DELETE: %d %q", w.Code, w.Body)
	}
	for _, method := range []string{"GET", "DELETE"} {
		if w := send(t, sim, method, storesURL+"/"+id, nil); w.Code != 404 {
			t.Errorf("%s after DELETE: %d %s", method, w.Code, w.Body)
		}
	}
	if got := sim.Stores(); len(got) != 1 || got[0].ID != keep {
		t.Errorf("stores after DELETE = %+v, want only %s", got, keep)
	}
}

func TestRequestsWithRecordsPutAndDeleteBodies(t *testing.T) {
	sim := newSim()
	id := created(t, sim)
	put := validBody()
	put["name"] = "Sent once"
	send(t, sim, "PUT", storesURL+"/"+id, put)
	send(t, sim, "DELETE", storesURL+"/"+id, nil)
	puts := sim.RequestsWith("PUT")
	if len(puts) != 1 || puts[0].Path != storesURL+"/"+id || !strings.Contains(string(puts[0].Body), `"name":"Sent once"`) {
		t.Fatalf("PUT requests = %+v", puts)
	}
	if dels := sim.RequestsWith("DELETE"); len(dels) != 1 || len(dels[0].Body) != 0 {
		t.Errorf("DELETE requests = %+v", dels)
	}
	if posts := sim.RequestsWith("POST"); len(posts) != 1 || !strings.Contains(string(posts[0].Body), "consumer-secret") {
		t.Errorf("POST requests = %+v", posts)
	}
}

func TestMaskSecretsOnReadMasksGetsOnly(t *testing.T) {
	sim := simulator.New(simulator.Options{AccessTokens: []string{goodToken}, MaskSecretsOnRead: true})
	w := createStore(t, sim, validBody())
	id := decodeMap(t, w)["id"].(string)
	if config(decodeMap(t, w))["CLIENT_SECRET"] != "consumer-secret" {
		t.Errorf("the create answer should echo what was sent: %s", w.Body)
	}
	one := decodeMap(t, send(t, sim, "GET", storesURL+"/"+id, nil))
	var list struct {
		Embedded struct{ Stores []map[string]any } `json:"_embedded"`
	}
	_ = json.Unmarshal(send(t, sim, "GET", storesURL, nil).Body.Bytes(), &list)
	if len(list.Embedded.Stores) != 1 {
		t.Fatalf("list = %+v", list)
	}
	for name, st := range map[string]map[string]any{"GET one": one, "list": list.Embedded.Stores[0]} {
		c := config(st)
		for _, k := range []string{"CLIENT_SECRET", "OAUTH_ACCESS_TOKEN", "OAUTH_REFRESH_TOKEN"} {
			if c[k] != simulator.MaskedSecret {
				t.Errorf("%s: %s = %v, want %q", name, k, c[k], simulator.MaskedSecret)
			}
		}
		if c["CLIENT_ID"] != "3MVG9-consumer-key" || c["ENABLE_COMMUNITIES"] != true {
			t.Errorf("%s: other keys changed: %v", name, c)
		}
	}
	if s := sim.Stores()[0].Configuration; s.ClientSecret != "consumer-secret" || s.OAuthRefreshToken != "5Aep-refresh" {
		t.Errorf("stored secrets changed: %+v", s)
	}
}
