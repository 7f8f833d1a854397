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
	a := &app{}
	if got := a.watchFor(true, w); got.Interval != time.Second || got.Wait != w.Wait {
		t.Errorf("demo: %+v", got)
	}
	if got := a.watchFor(false, w); got.Interval != 0 {
		t.Errorf("real: %+v", got)
	}
	// A quicker sync pace (the tests') is watched at that pace.
	a.deps.DemoSyncPace = 20 * time.Millisecond
	if got := a.watchFor(true, w); got.Interval != 20*time.Millisecond {
		t.Errorf("demo at a 20 ms pace: %+v", got)
	}
}
