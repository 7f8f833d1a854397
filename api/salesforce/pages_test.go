package salesforce_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"sfstore/api/demoorg"
	"sfstore/api/salesforce"
	"sfstore/api/salesforce/sfsim"
)

func TestListProfilesReadsEveryPage(t *testing.T) {
	sim := startSim(t, sfsim.Options{ExtraProfiles: 10000})
	tok := signIn(t, sim)
	want := 10000 + len(demoorg.Profiles)
	var calls [][2]int
	l, err := salesforce.ListProfiles(context.Background(), nil, tok.InstanceURL, tok.AccessToken, salesforce.ProfileOptions{
		Progress: func(read, total int) { calls = append(calls, [2]int{read, total}) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Profiles) != want || l.Total != want || l.Truncated || l.Note() != "" {
		t.Fatalf("%d profiles of %d, truncated %v, note %q; want all %d", len(l.Profiles), l.Total, l.Truncated, l.Note(), want)
	}
	wantCalls := [][2]int{{2000, want}, {4000, want}, {6000, want}, {8000, want}, {10000, want}, {want, want}}
	if len(calls) != len(wantCalls) {
		t.Fatalf("progress calls %v, want %v", calls, wantCalls)
	}
	for i := range calls {
		if calls[i] != wantCalls[i] {
			t.Errorf("progress call %d = %v, want %v", i, calls[i], wantCalls[i])
		}
	}
	seen := map[string]bool{}
	for i, p := range l.Profiles {
		if seen[p.ID] {
			t.Fatalf("profile %s twice", p.ID)
		}
		seen[p.ID] = true
		if i > 0 && strings.ToLower(l.Profiles[i-1].Name) > strings.ToLower(p.Name) {
			t.Fatalf("not by name: %q before %q", l.Profiles[i-1].Name, p.Name)
		}
	}
	// Communities first reads every page too.
	ps, err := listProfiles(context.Background(), nil, tok.InstanceURL, tok.AccessToken, true)
	if err != nil || len(ps) != want || !ps[0].Community() || ps[len(ps)-1].Community() {
		t.Errorf("ListProfiles = %d profiles, %v; want %d, communities first", len(ps), err, want)
	}
}

func TestListProfilesKeepsAtMostMaxAndSaysHowMany(t *testing.T) {
	sim := startSim(t, sfsim.Options{AccessTokens: []string{pastedToken}, ExtraProfiles: 10000})
	l, err := salesforce.ListProfiles(context.Background(), nil, sim.URL(), pastedToken, salesforce.ProfileOptions{Max: 4500})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Profiles) != 4500 || l.Total != 10004 || !l.Truncated || !strings.Contains(l.Note(), "first 4500 of 10004 profiles") {
		t.Errorf("%d of %d, truncated %v, note %q; want the first 4500 of 10004, said so", len(l.Profiles), l.Total, l.Truncated, l.Note())
	}
}

// pager answers every query with pages of n account records, never done,
// with next as nextRecordsUrl (on the test server itself when it starts
// with "/"), and counts the requests.
func pager(t *testing.T, n, totalSize int, next func(srvURL string) string) (*httptest.Server, *atomic.Int32) {
	var hits atomic.Int32
	recs := make([]json.RawMessage, n)
	for i := range recs {
		recs[i] = json.RawMessage(`{"Id":"00e5g000004Xq2bAAC","Name":"P"}`)
	}
	records, _ := json.Marshal(recs) // once: a page of 2,000 is written 25 times
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+pastedToken {
			t.Errorf("request without the token")
		}
		hits.Add(1)
		_ = json.NewEncoder(w).Encode(map[string]any{"totalSize": totalSize, "done": false, "nextRecordsUrl": next(srv.URL), "records": json.RawMessage(records)})
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

func TestListProfilesStopsAtMaxProfilesAndSaysSo(t *testing.T) {
	srv, hits := pager(t, 2000, 60000, func(string) string { return "/services/data/v62.0/query/01gD0000002HU6KIAW-2000" })
	l, err := salesforce.ListProfiles(context.Background(), nil, srv.URL, pastedToken, salesforce.ProfileOptions{})
	if err != nil || !l.Truncated || l.Total != 60000 || len(l.Profiles) != salesforce.MaxProfiles {
		t.Fatalf("ListProfiles = %d of %d profiles, truncated %v, %v; want the first %d of 60000", len(l.Profiles), l.Total, l.Truncated, err, salesforce.MaxProfiles)
	}
	if got := l.Note(); got != "Showing the first 50000 of 60000 profiles (by name); type the profile ID if yours is not listed." {
		t.Errorf("Note() = %q", got)
	}
	if n := hits.Load(); n != 25 {
		t.Errorf("%d requests, want 25 (no page past the bound)", n)
	}
}

func TestEndlessPagesEnd(t *testing.T) {
	next := func(string) string { return "/services/data/v62.0/query/01gX-2000" }
	srv, hits := pager(t, 1, 0, next)
	got, err := salesforce.SearchAccounts(context.Background(), nil, srv.URL, pastedToken, "", 0)
	if err != nil || len(got) != salesforce.DefaultAccountLimit || hits.Load() != int32(salesforce.DefaultAccountLimit) {
		t.Errorf("SearchAccounts over endless pages: %d records, %d requests, %v; want %d and %d", len(got), hits.Load(), err, salesforce.DefaultAccountLimit, salesforce.DefaultAccountLimit)
	}
	l, err := salesforce.ListProfiles(context.Background(), nil, srv.URL, pastedToken, salesforce.ProfileOptions{Max: 7})
	if err != nil || len(l.Profiles) != 7 || !l.Truncated || !strings.Contains(l.Note(), "Salesforce has more") {
		t.Errorf("ListProfiles with a totalSize of 0: %+v, %v; want 7, truncated, 'Salesforce has more'", l, err)
	}

	empty, hits := pager(t, 0, 10, next)
	_, err = salesforce.ListProfiles(context.Background(), nil, empty.URL, pastedToken, salesforce.ProfileOptions{})
	if err == nil || hits.Load() != 1 {
		t.Errorf("empty pages that are not the last: %v after %d requests; want an error after 1", err, hits.Load())
	}
}

func TestNextRecordsURLStaysOnTheInstance(t *testing.T) {
	for name, tc := range map[string]struct {
		next    func(srvURL string) string
		errHas  string // "" = followed
		maxHits int32
	}{
		"another host":               {func(string) string { return "https://elsewhere.example/services/data/v62.0/query/01gX-2000" }, "elsewhere.example", 1},
		"scheme-relative other host": {func(string) string { return "//elsewhere.example/services/data/v62.0/query/01gX-2000" }, "elsewhere.example", 1},
		"same host, http→https": {func(u string) string {
			return "https" + strings.TrimPrefix(u, "http") + "/services/data/v62.0/query/01gX-2000"
		}, "not on the instance", 1},
		"user info": {func(u string) string {
			return "http://user@" + strings.TrimPrefix(u, "http://") + "/services/data/v62.0/query/01gX-2000"
		}, "not followed", 1},
		"outside /services/data": {func(string) string { return "/secur/frontdoor.jsp?x=1" }, "outside /services/data/", 1},
		"no nextRecordsUrl":      {func(string) string { return "" }, "no nextRecordsUrl", 1},
		"not a URL":              {func(string) string { return "http://[::1" }, "not an address", 1},
		"same host, absolute":    {func(u string) string { return u + "/services/data/v62.0/query/01gX-2000" }, "", 3},
	} {
		t.Run(name, func(t *testing.T) {
			srv, hits := pager(t, 1, 3, tc.next)
			l, err := salesforce.ListProfiles(context.Background(), nil, srv.URL, pastedToken, salesforce.ProfileOptions{Max: 3})
			switch {
			case tc.errHas == "" && (err != nil || len(l.Profiles) != 3):
				t.Errorf("ListProfiles = %+v, %v; want 3 profiles over 3 pages", l, err)
			case tc.errHas != "" && (err == nil || !strings.Contains(err.Error(), tc.errHas)):
				t.Errorf("ListProfiles error = %v, want one about %q", err, tc.errHas)
			}
			if hits.Load() != tc.maxHits {
				t.Errorf("%d requests, want %d", hits.Load(), tc.maxHits)
			}
			if err != nil && strings.Contains(err.Error(), "elsewhere") && !strings.Contains(err.Error(), "not sent there") {
				t.Errorf("error %q does not say the token was not sent", err)
			}
		})
	}
}

func TestSearchAccountsFollowsPages(t *testing.T) {
	sim := startSim(t, sfsim.Options{AccessTokens: []string{pastedToken}, PageSize: 1})
	got, err := salesforce.SearchAccounts(context.Background(), nil, sim.URL(), pastedToken, "", 0)
	if err != nil || len(got) != len(demoorg.Accounts) {
		t.Errorf("SearchAccounts over pages of 1 = %+v, %v; want all %d", got, err, len(demoorg.Accounts))
	}
}
