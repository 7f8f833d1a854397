package cli

import (
	"context"
	"sync"
	"time"
)

// RecordRetryWaits makes provision's waits before sending a write again
// return at once, and returns what they were asked to wait; the waits are
// restored when the test ends.
func RecordRetryWaits(cleanup func(func())) func() []time.Duration {
	var mu sync.Mutex
	var waits []time.Duration
	retrySleep = func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		waits = append(waits, d)
		mu.Unlock()
		return ctx.Err()
	}
	cleanup(func() { retrySleep = nil })
	return func() []time.Duration {
		mu.Lock()
		defer mu.Unlock()
		return append([]time.Duration(nil), waits...)
	}
}
