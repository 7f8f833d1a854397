package ui

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"sfstore/api"
	"sfstore/ui/settings"
)

func TestRetryMessages(t *testing.T) {
	for n, want := range map[api.RetryNotice]string{
		{Status: 429, Wait: 12 * time.Second}:            "PingOne asked to wait 12 s (rate limited)…",
		{Status: 429, Wait: 11200 * time.Millisecond}:    "PingOne asked to wait 12 s (rate limited)…",
		{Status: 503, Wait: 500 * time.Millisecond}:      "PingOne answered 503 (Service Unavailable); trying again in 0.5 s…",
		{Status: 504, Wait: 2 * time.Second, Attempt: 3}: "PingOne answered 504 (Gateway Timeout); trying again in 2 s…",
	} {
		if got := RetryMessage(n); got != want {
			t.Errorf("%+v: %q, want %q", n, got, want)
		}
	}
}

// A script's task says on stderr that PingOne asked it to wait.
func TestAScriptTaskSaysWhenPingOneAsksToWait(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if n.Add(1) == 1 {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		_, _ = w.Write([]byte(`{"_embedded":{"stores":[]}}`))
	}))
	t.Cleanup(srv.Close)
	c, err := api.NewClient(srv.URL, api.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "t"})))
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	s := NewSession(context.Background(), settings.Answers{}, Options{NoInput: true}, Streams{Out: io.Discard, Err: &stderr, OutWidth: 80, ErrWidth: 80})
	err = NewScript(s).Task(context.Background(), "Listing the stores", func(ctx context.Context) error {
		_, err := c.ListStores(ctx, "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6")
		return err
	})
	if err != nil || n.Load() != 2 || !strings.Contains(stderr.String(), "Listing the stores…\nPingOne asked to wait 0.0 s (rate limited)…\n") {
		t.Errorf("err %v after %d requests; stderr:\n%s", err, n.Load(), stderr.String())
	}
}
