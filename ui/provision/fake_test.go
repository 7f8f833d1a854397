package provision

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"sfstore/api"
	"sfstore/api/simulator"
)

// fakeP1 is a stand-in PingOne for provision's writes: stores, plans,
// rules, mappings, revisions, populations and the store metadata, in
// memory, with faults on the Nth call of a method and route.
type fakeP1 struct {
	t   *testing.T
	srv *httptest.Server
	mu  sync.Mutex

	stores    []map[string]any
	plans     []map[string]any
	rules     []map[string]any
	mappings  []map[string]any
	revisions []map[string]any
	pops      []map[string]any
	metadata  map[string]any // nil: 500

	calls  map[string]int   // by "METHOD route"
	faults map[string]fault // by "METHOD route#n"
	writes []string         // "METHOD path" of every write that changed something
	// refuse answers 400 with details to the Nth call of a route.
	refuse map[string]string
	// syncOnPublish: after a revision, the store syncs these users.
	syncUsers  int
	failSync   string // when set, the sync FAILED with these details
	syncedPoll int    // GETs of the store after a publish before it reports
	published  bool
	// hangAt makes the Nth write (1-based, in order of arrival) be made,
	// then calls onHang and never answers: Ctrl-C while PingOne answers.
	hangAt     int
	onHang     func()
	writeSeq   int
	pollsSince int
	seq        int
}

type fault int

const (
	fault429 fault = iota + 1
	faultAppliedThen500
	faultBefore500
	faultAppliedThenReset
	faultHang
	faultAppliedThenHang // the write is made, then the answer never comes
)

const fakeEnv = simulator.DemoEnvironmentID

func newFake(t *testing.T, status string) *fakeP1 {
	f := &fakeP1{t: t, calls: map[string]int{}, faults: map[string]fault{}, refuse: map[string]string{}, syncUsers: 3}
	st := simulator.DemoStores(time.Now())[0]
	st.Status = status
	st.SyncStatus = nil
	st.Configuration.ClientSecret, st.Configuration.OAuthAccessToken, st.Configuration.OAuthRefreshToken = sentinelSecret, sentinelAccess, sentinelRefresh
	b, _ := json.Marshal(st)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	f.stores = []map[string]any{m}
	f.pops = []map[string]any{
		{"id": "pop-other-0000", "name": "Contractors", "default": false, "userCount": 4},
		{"id": "pop-default-1111", "name": "Employees", "default": true, "userCount": 3},
	}
	f.metadata = map[string]any{"attributeMetadata": map[string]any{"userAttributes": []any{
		map[string]any{"name": "Username"}, map[string]any{"name": "Email"}, map[string]any{"name": "FirstName"},
		map[string]any{"name": "LastName"}, map[string]any{"name": "Alias"}, map[string]any{"name": "TimeZoneSidKey"},
		map[string]any{"name": "LocaleSidKey"}, map[string]any{"name": "EmailEncodingKey"}, map[string]any{"name": "LanguageLocaleKey"},
		map[string]any{"name": "ProfileId"}, map[string]any{"name": "FederationIdentifier"}, map[string]any{"name": "IsActive"},
	}}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

const (
	sentinelSecret  = "SENTINEL-PROV-CLIENT-SECRET-11aa"
	sentinelAccess  = "SENTINEL-PROV-ACCESS-TOKEN-22bb"
	sentinelRefresh = "SENTINEL-PROV-REFRESH-TOKEN-33cc"
	sentinelP1Token = "SENTINEL-PROV-PINGONE-TOKEN-44dd"
)

func (f *fakeP1) newID(kind string) string {
	f.seq++
	return fmt.Sprintf("%s-%04d-0000-0000-000000000000", kind, f.seq)
}

// route names a request's path without its IDs, e.g. "rules/{id}/mappings".
func route(path string) (string, []string) {
	rest := strings.TrimPrefix(path, "/v1/environments/"+fakeEnv+"/")
	parts := strings.Split(rest, "/")
	var ids []string
	for i, p := range parts {
		if p == "id:latest" {
			continue
		}
		if i > 0 && (parts[i-1] == "stores" || parts[i-1] == "plans" || parts[i-1] == "rules" || parts[i-1] == "mappings" || parts[i-1] == "revisions") {
			ids = append(ids, p)
			parts[i] = "{id}"
		}
	}
	return strings.Join(parts, "/"), ids
}

func (f *fakeP1) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rt, ids := route(r.URL.Path)
	key := r.Method + " " + rt
	f.mu.Lock()
	f.calls[key]++
	n := f.calls[key]
	flt := f.faults[fmt.Sprintf("%s#%d", key, n)]
	refusal := f.refuse[fmt.Sprintf("%s#%d", key, n)]
	if r.Method != http.MethodGet && rt != "propagation/storeMetadata/Salesforce" {
		f.writeSeq++
		if f.writeSeq == f.hangAt {
			flt = faultAppliedThenHang
		}
	}
	f.mu.Unlock()
	if r.Header.Get("Authorization") != "Bearer "+sentinelP1Token {
		writeErr(w, 401, "ACCESS_FAILED", "no token")
		return
	}
	switch flt {
	case fault429:
		w.Header().Set("Retry-After", "1")
		writeErr(w, 429, "REQUEST_LIMITED", "too many requests")
		return
	case faultBefore500:
		writeErr(w, 500, "UNEXPECTED_ERROR", "An unexpected error occurred.")
		return
	case faultHang:
		<-r.Context().Done()
		return
	}
	if refusal != "" {
		w.Header().Set("Correlation-Id", "corr-refused-1234")
		writeJSONTo(w, 400, map[string]any{"id": "err-id-5678", "code": "INVALID_DATA", "message": "The request could not be completed.",
			"details": []any{map[string]any{"code": "INVALID_VALUE", "target": "targetAttribute", "message": refusal}}})
		return
	}
	f.mu.Lock()
	status, out := f.handle(r.Method, rt, ids, body)
	f.mu.Unlock()
	switch flt {
	case faultAppliedThen500:
		writeErr(w, 500, "UNEXPECTED_ERROR", "An unexpected error occurred.")
		return
	case faultAppliedThenHang:
		if f.onHang != nil {
			f.onHang()
		}
		<-r.Context().Done()
		return
	case faultAppliedThenReset:
		hj, ok := w.(http.Hijacker)
		if ok {
			c, _, _ := hj.Hijack()
			_ = c.Close()
			return
		}
	}
	if out == nil {
		w.WriteHeader(status)
		return
	}
	writeJSONTo(w, status, out)
}

func writeErr(w http.ResponseWriter, status int, code, msg string) {
	writeJSONTo(w, status, map[string]any{"id": "err-" + code, "code": code, "message": msg})
}

func writeJSONTo(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func embedded(key string, items []map[string]any) map[string]any {
	return map[string]any{"_embedded": map[string]any{key: items}, "count": len(items)}
}

func find(items []map[string]any, id string) int {
	for i, it := range items {
		if it["id"] == id {
			return i
		}
	}
	return -1
}

// now is the stand-in's clock: the time, a millisecond later than the
// last it told at least, so a revision is always later than the changes
// before it, as PingOne's would be.
func now() string {
	for {
		last := clockMillis.Load()
		t := max(time.Now().UnixMilli(), last+1)
		if clockMillis.CompareAndSwap(last, t) {
			return time.UnixMilli(t).UTC().Format(time.RFC3339Nano)
		}
	}
}

var clockMillis atomic.Int64

// handle serves one request under f.mu.
func (f *fakeP1) handle(method, rt string, ids []string, body []byte) (int, any) {
	var in map[string]any
	_ = json.Unmarshal(body, &in)
	write := func(what string) { f.writes = append(f.writes, method+" "+what) }
	switch method + " " + rt {
	case "GET propagation/stores":
		return 200, embedded("stores", f.stores)
	case "POST propagation/stores":
		in["id"], in["createdAt"], in["updatedAt"] = f.newID("dir"), now(), now()
		f.stores = append(f.stores, in)
		write("directory store")
		return 201, in
	case "GET propagation/stores/{id}":
		i := find(f.stores, ids[0])
		if i < 0 {
			return 404, map[string]any{"code": "NOT_FOUND", "message": "no store"}
		}
		if f.published {
			f.pollsSince++
			if f.pollsSince > f.syncedPoll {
				ss := map[string]any{"syncState": "SYNCING", "successCount": f.syncUsers, "userTotal": f.syncUsers, "lastSyncAt": now()}
				if f.failSync != "" {
					ss = map[string]any{"syncState": "FAILED", "failedCount": f.syncUsers, "userTotal": f.syncUsers, "lastSyncAt": now(), "details": f.failSync}
				}
				f.stores[i]["syncStatus"] = ss
			}
		}
		return 200, f.stores[i]
	case "PUT propagation/stores/{id}":
		i := find(f.stores, ids[0])
		in["id"], in["updatedAt"], in["syncStatus"] = ids[0], now(), f.stores[i]["syncStatus"]
		f.stores[i] = in
		write("store")
		return 200, in
	case "GET propagation/plans":
		return 200, embedded("plans", f.plans)
	case "POST propagation/plans":
		if len(f.plans) > 0 {
			return 400, map[string]any{"code": "INVALID_DATA", "message": "one plan only"}
		}
		in["id"], in["updatedAt"] = f.newID("plan"), now()
		f.plans = append(f.plans, in)
		write("plan")
		return 201, in
	case "PUT propagation/plans/{id}":
		i := find(f.plans, ids[0])
		in["id"], in["updatedAt"] = ids[0], now()
		f.plans[i] = in
		write("plan")
		return 200, in
	case "GET propagation/rules":
		return 200, embedded("rules", f.rules)
	case "POST propagation/rules":
		in["id"], in["updatedAt"] = f.newID("rule"), now()
		f.rules = append(f.rules, in)
		write("rule")
		return 201, in
	case "GET propagation/rules/{id}":
		return 200, f.rules[find(f.rules, ids[0])]
	case "PUT propagation/rules/{id}":
		i := find(f.rules, ids[0])
		in["id"], in["updatedAt"] = ids[0], now()
		f.rules[i] = in
		write("rule")
		return 200, in
	case "GET propagation/rules/{id}/mappings":
		var out []map[string]any
		for _, m := range f.mappings {
			if m["rule"].(map[string]any)["id"] == ids[0] {
				out = append(out, m)
			}
		}
		return 200, embedded("mappings", out)
	case "POST propagation/rules/{id}/mappings":
		in["id"], in["updatedAt"], in["rule"] = f.newID("map"), now(), map[string]any{"id": ids[0]}
		f.mappings = append(f.mappings, in)
		write("mapping")
		return 201, in
	case "PUT propagation/mappings/{id}":
		i := find(f.mappings, ids[0])
		in["id"], in["updatedAt"] = ids[0], now()
		f.mappings[i] = in
		write("mapping")
		return 200, in
	case "DELETE propagation/mappings/{id}":
		i := find(f.mappings, ids[0])
		f.mappings = append(f.mappings[:i], f.mappings[i+1:]...)
		write("mapping")
		return 204, nil
	case "POST propagation/revisions":
		rev := map[string]any{"id": f.newID("rev"), "createdAt": now()}
		f.revisions = append(f.revisions, rev)
		f.published, f.pollsSince = true, 0
		write("revision")
		return 201, rev
	case "GET propagation/revisions/id:latest":
		if len(f.revisions) == 0 {
			return 404, map[string]any{"code": "NOT_FOUND", "message": "none"}
		}
		return 200, f.revisions[len(f.revisions)-1]
	case "GET populations":
		return 200, embedded("populations", f.pops)
	case "POST propagation/storeMetadata/Salesforce":
		if f.metadata == nil {
			return 500, map[string]any{"code": "UNEXPECTED_ERROR", "message": "no"}
		}
		return 200, f.metadata
	}
	f.t.Errorf("fake PingOne: unexpected %s %s", method, rt)
	return 404, map[string]any{"code": "NOT_FOUND", "message": "no route " + rt}
}

// count is how many of a kind there are now.
func (f *fakeP1) count() (dirs, plans, rules, mappings, revisions int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, st := range f.stores {
		if st["type"] == "directory" {
			dirs++
		}
	}
	return dirs, len(f.plans), len(f.rules), len(f.mappings), len(f.revisions)
}

// targets counts the mappings of each target.
func (f *fakeP1) targets() map[string]int {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]int{}
	for _, m := range f.mappings {
		out[fmt.Sprint(m["targetAttribute"])]++
	}
	return out
}

// writeCount is how many writes changed something.
func (f *fakeP1) writeCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.writes)
}

func (f *fakeP1) storeID() string { return simulator.DemoStoreProductionID }

var _ = api.StatusActive
