package api_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"sfstore/api"
)

// waitRecorder records a client's waits before retries instead of waiting.
type waitRecorder struct{ waits []time.Duration }

func (c *waitRecorder) option() api.Option {
	now := time.Date(2026, 12, 7, 1, 0, 0, 0, time.UTC)
	return api.WithRetryClock(func(_ context.Context, d time.Duration) error {
		c.waits = append(c.waits, d)
		return nil
	}, func() time.Time { return now })
}

// failing answers the first fails requests with status and header, then
// as ok does.
func failing(fails int32, status int, header []string, ok http.HandlerFunc) (http.HandlerFunc, *atomic.Int32) {
	var n atomic.Int32
	return func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) <= fails {
			respond(status, `{"id":"e1","code":"REQUEST_LIMITED","message":"Slow down."}`, append(header, "Content-Type", "application/json")...)(w, r)
			return
		}
		ok(w, r)
	}, &n
}

func TestAReadAnswered429WaitsAsRetryAfterSaysAndTriesAgain(t *testing.T) {
	for _, after := range []string{"12", "Mon, 07 Dec 2026 01:00:12 GMT"} {
		var clk waitRecorder
		h, requests := failing(1, 429, []string{"Retry-After", after}, respond(200, `{"_embedded":{"stores":[{"id":"s1"}]}}`))
		c := setup(t, h, clk.option())
		var notes []api.RetryNotice
		ctx := api.WithRetryNotify(context.Background(), func(n api.RetryNotice) { notes = append(notes, n) })
		stores, err := c.ListStores(ctx, testEnvID)
		if err != nil || len(stores) != 1 || requests.Load() != 2 {
			t.Fatalf("Retry-After %s: %v, %v after %d requests", after, stores, err, requests.Load())
		}
		want := api.RetryNotice{Op: api.OpListStores, Status: 429, Wait: 12 * time.Second, Attempt: 1}
		if len(clk.waits) != 1 || clk.waits[0] != 12*time.Second || len(notes) != 1 || notes[0] != want {
			t.Errorf("Retry-After %s: waits %v, notices %+v", after, clk.waits, notes)
		}
	}
}

func TestAReadAnswered503BacksOffAndTriesAgain(t *testing.T) {
	var clk waitRecorder
	h, requests := failing(2, 503, nil, respond(200, `{"id":"`+testEnvID+`","name":"Prod","type":"PRODUCTION","region":"NA"}`))
	c := setup(t, h, clk.option())
	env, err := c.GetEnvironment(context.Background(), testEnvID)
	if err != nil || env.Name != "Prod" || requests.Load() != 3 {
		t.Fatalf("%v, %v after %d requests", env, err, requests.Load())
	}
	if len(clk.waits) != 2 || clk.waits[0] != 500*time.Millisecond || clk.waits[1] != time.Second {
		t.Errorf("waits %v, want 500ms then 1s", clk.waits)
	}
}

func TestAReadThatKeepsFailingStopsAfterThreeRetries(t *testing.T) {
	for _, status := range []int{429, 502, 503, 504} {
		var clk waitRecorder
		h, requests := failing(100, status, nil, nil)
		c := setup(t, h, clk.option())
		_, err := c.GetStore(context.Background(), testEnvID, "8305f20e-d0e2-4a92-aa0d-c7af0f88d2d5")
		var e *api.Error
		if !errors.As(err, &e) || e.StatusCode != status || requests.Load() != 4 || len(clk.waits) != 3 {
			t.Errorf("%d: err %v after %d requests, waits %v", status, err, requests.Load(), clk.waits)
		}
	}
}

func TestARetryAfterBeyondTheCapIsNotWaitedFor(t *testing.T) {
	var clk waitRecorder
	h, requests := failing(1, 429, []string{"Retry-After", "61"}, respond(200, `{}`))
	c := setup(t, h, clk.option())
	_, err := c.ListStores(context.Background(), testEnvID)
	var e *api.Error
	if !errors.As(err, &e) || e.StatusCode != 429 || e.RetryAfter != 61*time.Second || requests.Load() != 1 || len(clk.waits) != 0 {
		t.Errorf("err %v after %d requests, waits %v", err, requests.Load(), clk.waits)
	}
}

func TestOtherFailuresOfAReadAreNotRetried(t *testing.T) {
	for _, status := range []int{400, 401, 403, 404, 500} {
		var clk waitRecorder
		h, requests := failing(1, status, nil, respond(200, `{}`))
		c := setup(t, h, clk.option())
		if _, err := c.ListStores(context.Background(), testEnvID); err == nil || requests.Load() != 1 {
			t.Errorf("%d: err %v after %d requests", status, err, requests.Load())
		}
	}
}

func TestAWriteAnswered429Or503IsNeverRetried(t *testing.T) {
	for _, status := range []int{429, 503} {
		var clk waitRecorder
		h, requests := failing(1, status, []string{"Retry-After", "1"}, respond(201, `{}`))
		c := setup(t, h, clk.option())
		_, err := c.CreateSalesforceStore(context.Background(), testEnvID, exampleRequest(t))
		if err == nil || requests.Load() != 1 || len(clk.waits) != 0 {
			t.Errorf("%d: err %v after %d requests, waits %v", status, err, requests.Load(), clk.waits)
		}
		h, requests = failing(1, status, []string{"Retry-After", "1"}, respond(201, `{}`))
		c = setup(t, h, clk.option())
		if _, err := c.CreateRevision(context.Background(), testEnvID); err == nil || requests.Load() != 1 || len(clk.waits) != 0 {
			t.Errorf("%d: a revision: err %v after %d requests", status, err, requests.Load())
		}
	}
}

func TestTheConnectionCheckIsRetriedAsARead(t *testing.T) {
	var clk waitRecorder
	h, requests := failing(1, 503, nil, respond(200, `{"status":"SUCCESS"}`))
	c := setup(t, h, clk.option())
	res, err := c.TestConnection(context.Background(), testEnvID, exampleRequest(t))
	if err != nil || !res.OK || requests.Load() != 2 {
		t.Errorf("%+v, %v after %d requests", res, err, requests.Load())
	}
}

func TestCtrlCDuringARetryWaitEndsTheRead(t *testing.T) {
	h, requests := failing(100, 429, []string{"Retry-After", "30"}, nil)
	ctx, cancel := context.WithCancel(context.Background())
	c := setup(t, h, api.WithRetryClock(func(ctx context.Context, _ time.Duration) error {
		cancel()
		<-ctx.Done()
		return ctx.Err()
	}, time.Now))
	_, err := c.ListStores(ctx, testEnvID)
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "list stores: request to pingone at") || requests.Load() != 1 {
		t.Errorf("err %v after %d requests", err, requests.Load())
	}
}
