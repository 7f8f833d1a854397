package api_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"sfstore/api"
)

// streamBody writes n bytes of filler after prefix, in reused chunks, so the
// server side allocates almost nothing.
func streamBody(status int, contentType, prefix string, n int) http.HandlerFunc {
	chunk := []byte(strings.Repeat("x", 32<<10))
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(status)
		_, _ = w.Write([]byte(prefix))
		for written := 0; written < n; written += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return // the client hung up, as it should
			}
		}
	}
}

func TestOversizedSuccessBodyIsRefusedWithoutReadingItAll(t *testing.T) {
	const size = 16 << 20
	c := setup(t, streamBody(201, "application/json", `{"name":"`, size))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := c.CreateSalesforceStore(ctx, testEnvID, exampleRequest(t))
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "larger than 1024 KiB") {
		t.Fatalf("err = %v, want a clear size error", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > size/2 {
		t.Errorf("allocated %d MiB reading a %d MiB body", grew>>20, size>>20)
	}
}

func TestOversizedErrorBodyGivesAShortExcerpt(t *testing.T) {
	c := setup(t, streamBody(500, "text/html", "<html><body><h1>Internal error</h1>", 5<<20))
	_, err := c.CreateSalesforceStore(context.Background(), testEnvID, exampleRequest(t))
	var e *api.Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v, want *api.Error", err)
	}
	if e.StatusCode != 500 || len([]rune(e.Body)) > 200 || !strings.HasPrefix(e.Body, "Internal error") {
		t.Errorf("status %d, Body %q; want 500 and a short excerpt", e.StatusCode, e.Body)
	}
}

func TestUnreachablePingOneNamesTheHost(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	host := strings.TrimPrefix(srv.URL, "http://")
	srv.Close()
	c, err := api.NewClient(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.CreateSalesforceStore(context.Background(), testEnvID, exampleRequest(t))
	var e *api.Error
	if err == nil || errors.As(err, &e) {
		t.Fatalf("err = %v, want a transport error", err)
	}
	if want := "create store: could not reach pingone at " + host; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("err = %q, want prefix %q", err, want)
	}
}

func TestCanceledContextIsReportedAsCanceled(t *testing.T) {
	// The handler waits for the client to hang up, or for the test to end:
	// never on a timer alone, so a slow machine cannot make it hang.
	testDone := make(chan struct{})
	got := make(chan struct{})
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		// Read the body first: only then does the server notice the client
		// hanging up and cancel r.Context.
		_, _ = io.Copy(io.Discard, r.Body)
		close(got)
		select {
		case <-r.Context().Done():
		case <-testDone:
		}
	})
	t.Cleanup(func() { close(testDone) }) // runs before setup's srv.Close
	req := exampleRequest(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { <-got; cancel() }() // cancel once the request is in
	err := within(t, 30*time.Second, func() error {
		_, err := c.CreateSalesforceStore(ctx, testEnvID, req)
		return err
	})
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "canceled") {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// within runs f and returns its error, failing the test (instead of hanging
// until go test's timeout) when f has not returned after d.
func within(t *testing.T, d time.Duration, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case err := <-done:
		return err
	case <-timer.C:
		t.Fatalf("call still running after %v", d)
		return nil
	}
}
