package sfsim_test

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"sfstore/api/demoorg"
	"sfstore/api/salesforce"
	"sfstore/api/salesforce/sfsim"
)

type page struct {
	TotalSize      int    `json:"totalSize"`
	Done           bool   `json:"done"`
	NextRecordsURL string `json:"nextRecordsUrl"`
	Records        []struct {
		ID          string `json:"Id"`
		Name        string `json:"Name"`
		UserLicense struct {
			Name string `json:"Name"`
		} `json:"UserLicense"`
	} `json:"records"`
}

func getPage(t *testing.T, s *sfsim.Server, path string) page {
	t.Helper()
	status, body := getREST(t, s, path, "pasted")
	if status != 200 {
		t.Fatalf("GET %s: %d %s", path, status, body)
	}
	var p page
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

var profileQueryPath = "/services/data/v62.0/query?q=" + url.QueryEscape(salesforce.ProfileQuery)

func TestQueryPagesLikeSalesforce(t *testing.T) {
	s := start(t, sfsim.Options{AccessTokens: []string{"pasted"}, ExtraProfiles: 10000})
	want := 10000 + len(demoorg.Profiles)
	locRE := regexp.MustCompile(`^/services/data/v62\.0/query/(01g[0-9A-Za-z]{15})-(\d+)$`)
	seen := map[string]bool{}
	var names []string
	community := 0
	path, pages, locator := profileQueryPath, 0, ""
	for {
		p := getPage(t, s, path)
		pages++
		if p.TotalSize != want {
			t.Fatalf("page %d: totalSize %d, want %d on every page", pages, p.TotalSize, want)
		}
		for _, r := range p.Records {
			if seen[r.ID] {
				t.Fatalf("ID %s twice", r.ID)
			}
			seen[r.ID] = true
			if err := salesforce.ValidID(r.ID, salesforce.ProfilePrefix); err != nil || len(r.ID) != 18 {
				t.Fatalf("profile ID %q: %v", r.ID, err)
			}
			if (salesforce.Profile{License: r.UserLicense.Name}).Community() {
				community++
			}
			names = append(names, strings.ToLower(r.Name))
		}
		if p.Done {
			if p.NextRecordsURL != "" {
				t.Errorf("last page has nextRecordsUrl %q", p.NextRecordsURL)
			}
			break
		}
		m := locRE.FindStringSubmatch(p.NextRecordsURL)
		if m == nil || len(p.Records) != 2000 || m[2] != itoa(2000*pages) {
			t.Fatalf("page %d: %d records, nextRecordsUrl %q; want 2000 and …/query/01g…-%d", pages, len(p.Records), p.NextRecordsURL, 2000*pages)
		}
		if _, _, err := salesforce.CanonicalID(m[1]); err != nil {
			t.Errorf("query locator %s is not an 18-character ID: %v", m[1], err)
		}
		if locator != "" && m[1] != locator {
			t.Errorf("locator changed from %s to %s", locator, m[1])
		}
		locator, path = m[1], p.NextRecordsURL
	}
	if pages != 6 || len(seen) != want {
		t.Errorf("%d pages, %d profiles; want 6 pages of up to 2000, %d profiles", pages, len(seen), want)
	}
	for i := 1; i < len(names); i++ {
		if names[i-1] > names[i] {
			t.Fatalf("not by name: %q before %q", names[i-1], names[i])
		}
	}
	if community < 2500 {
		t.Errorf("%d community profiles, want every fourth generated one", community)
	}
	// The locator is gone once its last page was read, as are made-up ones.
	for _, bad := range []string{locator + "-2000", locator + "-0", locator, "01g5g0000000000AAA-2000", locator + "-x"} {
		if status, body := getREST(t, s, "/services/data/v62.0/query/"+bad, "pasted"); status != 400 || !strings.Contains(body, "INVALID_QUERY_LOCATOR") {
			t.Errorf("GET …/query/%s: %d %s, want 400 INVALID_QUERY_LOCATOR", bad, status, body)
		}
	}
}

func TestQueryWithoutExtraProfilesIsOnePage(t *testing.T) {
	s := start(t, sfsim.Options{AccessTokens: []string{"pasted"}})
	p := getPage(t, s, profileQueryPath)
	if !p.Done || p.NextRecordsURL != "" || p.TotalSize != len(demoorg.Profiles) || len(p.Records) != len(demoorg.Profiles) {
		t.Errorf("page = %+v", p)
	}
}

func TestOldQueryLocatorsAreForgotten(t *testing.T) {
	s := start(t, sfsim.Options{AccessTokens: []string{"pasted"}, PageSize: 1})
	first := getPage(t, s, profileQueryPath).NextRecordsURL
	for i := 0; i < 20; i++ {
		getPage(t, s, profileQueryPath)
	}
	if status, _ := getREST(t, s, first, "pasted"); status != 400 {
		t.Errorf("the oldest of 21 open locators still answers %d, want 400", status)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
