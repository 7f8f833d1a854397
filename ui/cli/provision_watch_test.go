package cli

import (
	"testing"
	"time"

	"sfstore/ui/provision"
)

// The demo's watch polls every second, for the command and for the
// provision the wizard runs after a create (which polled every 5 s, so
// its first synced user showed seconds late); a real one keeps the 5 s.
func TestTheDemosWatchPollsEverySecond(t *testing.T) {
	w := provision.Watch{Wait: 2 * time.Minute}
	if got := watchFor(true, w); got.Interval != time.Second || got.Wait != w.Wait {
		t.Errorf("demo: %+v", got)
	}
	if got := watchFor(false, w); got.Interval != 0 {
		t.Errorf("real: %+v", got)
	}
}
