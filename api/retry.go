package api

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Read retries. A read changes nothing, so PingOne's "too many requests"
// (429) and a gateway's 502, 503 or 504 are worth a few more tries; a
// write is never repeated here (see OutcomeUnknownError).
const (
	maxRetries    = 3
	maxRetryAfter = 60 * time.Second       // a longer Retry-After is not waited for
	retryBackoff  = 500 * time.Millisecond // doubled at each retry
)

// RetryNotice says that a read is about to be tried again, after Wait.
type RetryNotice struct {
	Op      string // e.g. OpListStores
	Status  int    // 429, 502, 503 or 504
	Wait    time.Duration
	Attempt int // 1 for the first retry
}

type retryNotifyKey struct{}

// WithRetryNotify returns a context under which every retry of a read is
// told to notify before its wait, for example to show it on a spinner.
// notify must return quickly; it may be called from any goroutine.
func WithRetryNotify(ctx context.Context, notify func(RetryNotice)) context.Context {
	return context.WithValue(ctx, retryNotifyKey{}, notify)
}

func notifyRetry(ctx context.Context, n RetryNotice) {
	if f, ok := ctx.Value(retryNotifyKey{}).(func(RetryNotice)); ok && f != nil {
		f(n)
	}
}

// retryWait says whether call k, answered resp on its attempt-th retry
// (0 for the first try), is tried again and after how long. A Retry-After
// beyond maxRetryAfter is honoured by not retrying: the answer stands.
func (c *Client) retryWait(k call, resp *http.Response, attempt int) (time.Duration, bool) {
	if resp == nil || attempt >= maxRetries || (k.method != http.MethodGet && !k.read) {
		return 0, false
	}
	switch resp.StatusCode {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
	default:
		return 0, false
	}
	wait := retryBackoff << attempt
	if d, ok := retryDelay(resp.Header.Get("Retry-After"), c.now()); ok {
		wait = d
	}
	return wait, wait <= maxRetryAfter
}

// retryDelay reads a Retry-After header: seconds, or an HTTP date.
func retryDelay(h string, now time.Time) (time.Duration, bool) {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(h, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		return time.Duration(min(n, 1<<20)) * time.Second, true
	}
	if t, err := http.ParseTime(h); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// retrySleep is every new client's wait before a retry; a variable so that
// tests do not wait.
var retrySleep = sleepCtx

// sleepCtx waits for d, or until ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
