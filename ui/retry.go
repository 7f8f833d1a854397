package ui

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"time"

	"sfstore/api"
)

// RetryMessage is what a task shows while a read waits to be tried again:
// "PingOne asked to wait 12 s (rate limited)…".
func RetryMessage(n api.RetryNotice) string {
	wait := waitWords(n.Wait)
	if n.Status == http.StatusTooManyRequests {
		return "PingOne asked to wait " + wait + " (rate limited)…"
	}
	return fmt.Sprintf("PingOne answered %d (%s); trying again in %s…", n.Status, http.StatusText(n.Status), wait)
}

// waitWords is a wait in whole seconds, rounded up, or tenths under one.
func waitWords(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%.1f s", d.Seconds())
	}
	return fmt.Sprintf("%d s", int(math.Ceil(d.Seconds())))
}

// WithRetryNotice returns ctx under which every retry of a PingOne read
// calls show with RetryMessage and the time the wait ends, for a task's
// spinner or line.
func WithRetryNotice(ctx context.Context, show func(msg string, until time.Time)) context.Context {
	return api.WithRetryNotify(ctx, func(n api.RetryNotice) { show(RetryMessage(n), time.Now().Add(n.Wait)) })
}
