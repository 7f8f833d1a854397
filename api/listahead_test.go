package api_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"sfstore/api"
)

// The pages of a list are fetched ahead of the callback (see fetchAhead):
// what the callback sees, and how a list ends, must be as if they were not.

// nextPage is the link to the page at cursor.
func nextPage(cursor string) string {
	return "https://api.pingone.com/v1/environments/" + testEnvID + "/propagation/stores?cursor=" + cursor
}

// hanging answers the first page and then hangs on the next until the
// client goes away, saying on gone when it has.
func hanging(first []byte) (http.HandlerFunc, chan struct{}) {
	gone := make(chan struct{}, 1)
	return func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("cursor") == "" {
			_, _ = w.Write(first)
			return
		}
		<-r.Context().Done()
		gone <- struct{}{}
	}, gone
}

// returnsSoon runs list and fails the test if it has not returned within
// a bound far beyond what it needs.
func returnsSoon(t *testing.T, list func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- list() }()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("the list did not return")
		return nil
	}
}

func TestACallbacksErrorEndsTheListWhileTheNextPageHangs(t *testing.T) {
	h, gone := hanging(storesPage(0, 300, nextPage("300")))
	c := setup(t, h)
	stop := errors.New("enough")
	n := 0
	err := returnsSoon(t, func() error {
		return c.EachStore(context.Background(), testEnvID, func(api.Store) error {
			if n++; n == 300 {
				return stop
			}
			return nil
		})
	})
	if !errors.Is(err, stop) || n != 300 {
		t.Fatalf("err = %v after %d stores", err, n)
	}
	select {
	case <-gone: // the hanging request was given up
	case <-time.After(10 * time.Second):
		t.Fatal("the next page's request is still open")
	}
}

func TestCancellingTheContextEndsAListWhoseNextPageHangs(t *testing.T) {
	h, _ := hanging(storesPage(0, 10, nextPage("10")))
	c := setup(t, h)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	err := returnsSoon(t, func() error {
		return c.EachStoreSummary(ctx, testEnvID, func(api.Store) error {
			if n++; n == 10 {
				cancel() // as Ctrl-C would, with the next page asked for
			}
			return nil
		})
	})
	if !errors.Is(err, context.Canceled) || n != 10 {
		t.Fatalf("err = %v after %d stores", err, n)
	}
}

func TestEveryItemOfAPageComesBeforeTheNextPagesError(t *testing.T) {
	first := storesPage(0, 250, nextPage("250")) // more than one batch of items
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("cursor") == "" {
			_, _ = w.Write(first)
			return
		}
		respond(http.StatusBadRequest, `{"id":"e1","code":"INVALID_REQUEST","message":"Bad cursor."}`, "Content-Type", "application/json")(w, r)
	})
	var stores []api.Store
	err := c.EachStore(context.Background(), testEnvID, func(s api.Store) error {
		stores = append(stores, s)
		return nil
	})
	var e *api.Error
	if !errors.As(err, &e) || e.StatusCode != http.StatusBadRequest || !strings.HasPrefix(err.Error(), "list stores: ") {
		t.Fatalf("err = %v", err)
	}
	checkStores(t, stores, 250)
}

func TestAnItemLargerThanABatchComesWhole(t *testing.T) {
	long := strings.Repeat("d", 300<<10)
	page := `{"_embedded":{"stores":[` + storeJSON(0) + `,{"id":"big","type":"Salesforce","name":"big","description":"` + long + `"},` + storeJSON(2) + `]}}`
	c := setup(t, respond(200, page))
	stores, err := c.ListStores(context.Background(), testEnvID)
	if err != nil || len(stores) != 3 || stores[1].Description != long || stores[2].Name != "store 2" {
		t.Fatalf("%d stores, %v", len(stores), err)
	}
}

// Once the context is cancelled, no more stores come: not those the
// fetcher had already read ahead.
func TestNoStoreComesAfterTheContextIsCancelled(t *testing.T) {
	c := setup(t, respond(200, string(storesPage(0, 1000, ""))))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	err := c.EachStore(ctx, testEnvID, func(api.Store) error {
		if n++; n == 1 {
			cancel()
		}
		return nil
	})
	// The batch being handed on ends; about 100 stores fill one.
	if !errors.Is(err, context.Canceled) || n > 200 {
		t.Fatalf("err = %v after %d stores", err, n)
	}
}
