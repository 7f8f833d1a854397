package api_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"sfstore/api"
)

// storeJSON is store i in the shape of the documented Create Store 201
// answer, about 1.2 KB.
func storeJSON(i int) string {
	var b strings.Builder
	writeStore(&b, i)
	return b.String()
}

// storeParts are storeJSON's fixed parts, around its ID (four times) and
// its name's number.
var storeParts = strings.Split(`{"id":"@ID@","environment":{"id":"`+testEnvID+`"},`+
	`"createdAt":"2022-11-28T18:12:22.282Z","updatedAt":"2022-11-28T18:12:22.282Z",`+
	`"image":{"href":"https://d1oekt4jpdthse.cloudfront.net/branding/market/cb933bfe-8282-405a-a780-0a19b97edc02.png"},`+
	`"type":"Salesforce","status":"INACTIVE","configuration":{"FREEZE_USER_FLAG":false,"ENABLE_COMMUNITIES":true,`+
	`"PERMISSION_SET_MANAGEMENT":"Merge with permission sets in Salesforce","CREATE_USERS":true,"UPDATE_USERS":true,`+
	`"DISABLE_USERS":true,"PROVISION_DISABLED_USERS":true,"SALESFORCE_DOMAIN":"https://example.com","PROFILE_ID":"fds",`+
	`"ACCOUNT_ID":"fdsf","CLIENT_ID":"fdsfd","CLIENT_SECRET":"fdsafds","OAUTH_ACCESS_TOKEN":"fdsfds","OAUTH_REFRESH_TOKEN":"fdsfdsa"},`+
	`"name":"store N","_links":{"self":{"href":"https://api.pingone.com/v1/environments/`+testEnvID+`/propagation/stores/@ID@"},`+
	`"update":{"href":"https://api.pingone.com/v1/environments/`+testEnvID+`/propagation/stores/@ID@"},`+
	`"delete":{"href":"https://api.pingone.com/v1/environments/`+testEnvID+`/propagation/stores/@ID@"}}}`, "@ID@")

func writeStore(b *strings.Builder, i int) {
	id := fmt.Sprintf("8305f20e-d0e2-4a92-aa0d-%012d", i)
	for k, part := range storeParts {
		if k > 0 {
			b.WriteString(id)
		}
		if head, tail, ok := strings.Cut(part, `"store N"`); ok {
			b.WriteString(head + `"store ` + strconv.Itoa(i) + `"` + tail)
			continue
		}
		b.WriteString(part)
	}
}

// storesPage is a page of n stores from the first, linking to next
// unless it is "".
func storesPage(first, n int, next string) []byte {
	var b strings.Builder
	b.WriteString(`{"_links":{"self":{"href":"https://api.pingone.com/v1/x"}`)
	if next != "" {
		b.WriteString(`,"next":{"href":"` + next + `"}`)
	}
	b.WriteString(`},"_embedded":{"stores":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		writeStore(&b, first+i)
	}
	fmt.Fprintf(&b, `]},"count":%d,"size":%d}`, n, n)
	return []byte(b.String())
}

// pagedStores serves total stores in pages of size, each page's next link
// naming PingOne's host and a cursor, as PingOne does.
func pagedStores(total, size int) (http.HandlerFunc, *atomic.Int32) {
	pages := map[string][]byte{}
	for first := 0; first < total; first += size {
		next := ""
		if first+size < total {
			next = "https://api.pingone.com/v1/environments/" + testEnvID + "/propagation/stores?cursor=" + strconv.Itoa(first+size)
		}
		pages[strconv.Itoa(first)] = storesPage(first, min(size, total-first), next)
	}
	var requests atomic.Int32
	return func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		cursor := r.URL.Query().Get("cursor")
		if cursor == "" {
			cursor = "0"
		}
		body, ok := pages[cursor]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	}, &requests
}

// pagedStores20000 is pagedStores(20000, 100), built once for the tests
// that share it.
var pagedStores20000 = sync.OnceValues(func() (http.HandlerFunc, *atomic.Int32) { return pagedStores(20000, 100) })

// checkStores checks that stores are stores 0 to n-1, in order.
func checkStores(t *testing.T, stores []api.Store, n int) {
	t.Helper()
	if len(stores) != n {
		t.Fatalf("%d stores, want %d", len(stores), n)
	}
	for i, s := range stores {
		if s.Name != "store "+strconv.Itoa(i) || s.Configuration.ClientID != "fdsfd" || s.Links["self"].Href == "" {
			t.Fatalf("store %d = %+v", i, s)
		}
	}
}

func TestListStoresOfOnePageOf5000Stores(t *testing.T) {
	h, _ := pagedStores(5000, 5000)
	c := setup(t, h)
	stores, err := c.ListStores(context.Background(), testEnvID)
	if err != nil {
		t.Fatal(err)
	}
	checkStores(t, stores, 5000)
}

// The list, the lookups and the duplicate check read summaries.
func TestEachStoreSummaryOf20000StoresInPagesOf100(t *testing.T) {
	h, requests := pagedStores20000()
	c := setup(t, h)
	before := requests.Load() // the handler is shared
	n := 0
	err := c.EachStoreSummary(context.Background(), testEnvID, func(s api.Store) error {
		if s.Name != "store "+strconv.Itoa(n) || s.Configuration.ClientID != "fdsfd" || s.Configuration.ClientSecret != "" {
			t.Fatalf("store %d = %+v", n, s)
		}
		n++
		return nil
	})
	if got := requests.Load() - before; err != nil || n != 20000 || got != 200 {
		t.Errorf("%d stores in %d requests, %v", n, got, err)
	}
}

func TestFindSalesforceStoresAmong20000(t *testing.T) {
	h, _ := pagedStores20000()
	c := setup(t, h)
	found, err := c.FindSalesforceStores(context.Background(), testEnvID, " STORE 19999 ")
	if err != nil || len(found) != 1 || found[0].Name != "store 19999" {
		t.Fatalf("found %v, %v", found, err)
	}
}

// The list stops at the callback's error, having fetched no more than its
// read-ahead holds (five batches of 128 KiB: five or six of these pages of
// 120 KiB, and the one being cut) beyond the page it was reading, of 30.
func TestEachStoreStopsAtTheCallbacksError(t *testing.T) {
	h, requests := pagedStores(3000, 100)
	c := setup(t, h)
	stop := errors.New("enough")
	n := 0
	err := c.EachStore(context.Background(), testEnvID, func(api.Store) error {
		if n++; n == 150 {
			return stop
		}
		return nil
	})
	if n := requests.Load(); !errors.Is(err, stop) || n < 2 || n > 10 {
		t.Errorf("err = %v after %d requests", err, requests.Load())
	}
}

func TestListStopsOnALoopingNextLink(t *testing.T) {
	next := func(cursor string) string {
		return "https://api.pingone.com/v1/environments/" + testEnvID + "/propagation/stores?cursor=" + cursor
	}
	tests := []struct {
		name  string
		pages map[string][]byte // by cursor
		want  string
	}{
		{"back to the first", map[string][]byte{"": storesPage(0, 2, next("a")), "a": storesPage(2, 2, next("b")), "b": storesPage(4, 2, next("a"))},
			"next page link repeats an earlier page; got 6 items so far"},
		{"to itself", map[string][]byte{"": storesPage(0, 2, next("a")), "a": storesPage(2, 2, next("a"))},
			"next page link repeats an earlier page; got 4 items so far"},
		{"empty pages that go on", map[string][]byte{"": storesPage(0, 0, next("a")), "a": storesPage(0, 0, next("b"))},
			"an empty page that links to another; got 0 items so far"},
		{"no /v1/ path", map[string][]byte{"": storesPage(0, 1, "https://api.pingone.com/elsewhere")},
			"does not name a /v1/ path; got 1 items so far"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var requests atomic.Int32
			c := setup(t, func(w http.ResponseWriter, r *http.Request) {
				if requests.Add(1) > 10 {
					t.Fatal("the list went on")
				}
				_, _ = w.Write(tt.pages[r.URL.Query().Get("cursor")])
			})
			_, err := c.ListStores(context.Background(), testEnvID)
			if err == nil || !strings.HasPrefix(err.Error(), "list stores: pingone") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestListRefusesPagesThatAreNotAPage(t *testing.T) {
	for body, want := range map[string]string{
		`<html>gateway</html>`:                             "decode pingone response: want a JSON object, got '<' at byte 0",
		`{"_embedded":{"stores":{"id":"s"}}}`:              "want a JSON array of items, got '{' at byte 23",
		`{"_embedded":{"stores":[{"id":"s"]}}`:             "invalid character ']' at byte 33",
		`{"_embedded":{"stores":[{"id":tru}]}}`:            "invalid character '}' at byte 33",
		`{"_embedded":{"stores":[{"id":"a"} {"id":"b"}]}}`: "want ',' or ']', got '{' at byte 35",
		`{"_embedded":{"stores":[{"id":5}]}}`:              "decode store 0: json: cannot unmarshal number",
		`{"_embedded":{"stores":[]}} trailing`:             "data after the page's JSON object",
		`{"_embedded":{"stores":[{"id":"s"}`:               "unexpected EOF",
		``:                                                 "unexpected EOF",
	} {
		c := setup(t, respond(200, body))
		if _, err := c.ListStores(context.Background(), testEnvID); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want %q", body, err, want)
		}
	}
}

// endless answers 200 with a body that claims 5 GB, written in chunks
// until the client hangs up, and says how many bytes it managed to write.
func endless(head string, chunk func(i int) string) (http.HandlerFunc, *atomic.Int64, chan struct{}) {
	var written atomic.Int64
	done := make(chan struct{}, 1)
	return func(w http.ResponseWriter, _ *http.Request) {
		defer func() { done <- struct{}{} }()
		w.Header().Set("Content-Length", strconv.FormatInt(5<<30, 10))
		n, err := w.Write([]byte(head))
		written.Add(int64(n))
		for i := 0; err == nil && written.Load() < 5<<30; i++ {
			n, err = w.Write([]byte(chunk(i)))
			written.Add(int64(n))
		}
	}, &written, done
}

func TestListRefusesA5GBAnswerWithoutReadingIt(t *testing.T) {
	wait := func(t *testing.T, done chan struct{}) {
		t.Helper()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("the server is still writing")
		}
	}
	t.Run("one item that never ends", func(t *testing.T) {
		h, written, done := endless(`{"_embedded":{"stores":[{"id":"s","name":"`, func(int) string { return strings.Repeat("a", 32<<10) })
		c := setup(t, h)
		_, err := c.ListStores(context.Background(), testEnvID)
		if err == nil || !strings.Contains(err.Error(), "an item of pingone's list is larger than 1024 KiB; refusing to read it") {
			t.Fatalf("err = %v", err)
		}
		wait(t, done)
		// What the loopback's socket buffers took, beyond what was read.
		if n := written.Load(); n > 64<<20 {
			t.Errorf("the server wrote %d MiB before the client stopped", n>>20)
		}
	})
	t.Run("stores that never end", func(t *testing.T) {
		defer api.SetListBounds(8<<20, 1<<20)()
		h, written, done := endless(`{"_embedded":{"stores":[`, func(i int) string { return storeJSON(i) + "," })
		c := setup(t, h)
		err := c.EachStoreSummary(context.Background(), testEnvID, func(api.Store) error { return nil })
		if err == nil || !strings.Contains(err.Error(), "list stores: pingone response is larger than 8 MiB; refusing to read more") {
			t.Fatalf("err = %v", err)
		}
		wait(t, done)
		if n := written.Load(); n > 72<<20 {
			t.Errorf("the server wrote %d MiB before the client stopped", n>>20)
		}
	})
}

func TestEachStoreSummaryDecodesNoSecrets(t *testing.T) {
	c := setup(t, respond(200, `{"_embedded":{"stores":[`+storeJSON(7)+`,
		{"id":"s2","type":"Workday","name":"WD","configuration":{"CLIENT_ID":{"nested":1},"SALESFORCE_DOMAIN":5,"CLIENT_SECRET":"pw"},
		 "syncStatus":{"syncState":"FAILED","failedCount":3}}]}}`))
	var got []api.Store
	if err := c.EachStoreSummary(context.Background(), testEnvID, func(s api.Store) error { got = append(got, s); return nil }); err != nil {
		t.Fatal(err)
	}
	want := api.Store{ID: "8305f20e-d0e2-4a92-aa0d-000000000007", Type: "Salesforce", Name: "store 7", Status: "INACTIVE",
		CreatedAt: "2022-11-28T18:12:22.282Z", UpdatedAt: "2022-11-28T18:12:22.282Z",
		Configuration: api.SalesforceConfiguration{SalesforceDomain: "https://example.com", ClientID: "fdsfd"}}
	if len(got) != 2 || fmtAny(got[0]) != fmtAny(want) {
		t.Fatalf("got %s\nwant %s", fmtAny(got), fmtAny(want))
	}
	if got[1].Configuration != (api.SalesforceConfiguration{}) || got[1].SyncStatus.FailedCount != 3 || got[1].Type != "Workday" {
		t.Errorf("another type's store = %s", fmtAny(got[1]))
	}
}
