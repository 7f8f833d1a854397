package simulator_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"sfstore/api/simulator"
)

// page is one page of the stores list.
type page struct {
	Links struct {
		Self, Next struct{ Href string }
	} `json:"_links"`
	Embedded struct {
		Stores []struct{ ID, Name string }
	} `json:"_embedded"`
	Count, Size int
}

func readPage(t *testing.T, w *httptest.ResponseRecorder) page {
	t.Helper()
	if w.Code != 200 {
		t.Fatalf("list: %d %s", w.Code, w.Body)
	}
	var p page
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// nextPath is the path and query of a next link, as a client following it
// through its own base URL sends it.
func nextPath(t *testing.T, href string) string {
	t.Helper()
	u, err := url.Parse(href)
	if err != nil || u.Host != "example.com" {
		t.Fatalf("next link %q", href)
	}
	return u.RequestURI()
}

func TestListPagesFollowNextLinksToTheEnd(t *testing.T) {
	sim := simulator.New(simulator.Options{AccessTokens: []string{goodToken}, PageSize: 2})
	var want []string
	for range 5 {
		want = append(want, created(t, sim))
	}
	var got []string
	var sizes []int
	path := storesURL
	for pages := 0; path != ""; pages++ {
		if pages == 10 {
			t.Fatal("the next links never end")
		}
		p := readPage(t, send(t, sim, "GET", path, nil))
		if p.Count != 5 || p.Size != len(p.Embedded.Stores) {
			t.Errorf("count %d size %d for %d stores", p.Count, p.Size, len(p.Embedded.Stores))
		}
		for _, s := range p.Embedded.Stores {
			got = append(got, s.ID)
		}
		sizes = append(sizes, p.Size)
		path = ""
		if p.Links.Next.Href != "" {
			path = nextPath(t, p.Links.Next.Href)
		}
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("ids over pages = %v, want %v", got, want)
	}
	if len(sizes) != 3 || sizes[0] != 2 || sizes[2] != 1 {
		t.Errorf("page sizes %v, want [2 2 1]", sizes)
	}
}

func TestListHonoursASmallerLimitAndKeepsItInNextLinks(t *testing.T) {
	sim := simulator.New(simulator.Options{AccessTokens: []string{goodToken}, PageSize: 2})
	for range 3 {
		created(t, sim)
	}
	p := readPage(t, send(t, sim, "GET", storesURL+"?limit=1", nil))
	if p.Size != 1 || !strings.Contains(p.Links.Next.Href, "limit=1") || !strings.Contains(p.Links.Self.Href, "?limit=1") {
		t.Errorf("limit=1: size %d links %+v", p.Size, p.Links)
	}
	if p := readPage(t, send(t, sim, "GET", storesURL+"?limit=50", nil)); p.Size != 2 {
		t.Errorf("limit=50 over PageSize 2: size %d", p.Size)
	}
}

func TestListWithoutPageSizeIsOnePage(t *testing.T) {
	sim := newSim()
	for range 3 {
		created(t, sim)
	}
	if p := readPage(t, send(t, sim, "GET", storesURL, nil)); p.Size != 3 || p.Links.Next.Href != "" {
		t.Errorf("size %d next %q", p.Size, p.Links.Next.Href)
	}
}

func TestListRefusesABadLimitOrCursor(t *testing.T) {
	sim := newSim()
	for _, q := range []string{"limit=0", "limit=x", "cursor=nope", "cursor=" + url.QueryEscape("b2Zmc2V0Oi0x")} {
		w := send(t, sim, http.MethodGet, storesURL+"?"+q, nil)
		if w.Code != 400 || decodeError(t, w).Code != "INVALID_REQUEST" {
			t.Errorf("%s: %d %s", q, w.Code, w.Body)
		}
	}
}
