package provision

import (
	"context"
	"strings"
	"testing"
)

// One synced user reads "1 user synced", not "1 users".
func TestTheSummaryCountsOneUserInTheSingular(t *testing.T) {
	f := newFake(t, "ACTIVE")
	f.syncUsers = 1
	r := provisionRun(t, context.Background(), f, wait2m(), false)
	if code := exitCodeOf(r.e); code != ExitSynced || !strings.Contains(r.out, "Provisioning works: 1 user synced to Salesforce") {
		t.Errorf("exit %d (%v)\n%s", code, r.e, r.out)
	}
}

// A scripted run logs each new figure once: the summary does not print
// the watch's last line again.
func TestAScriptedWatchLogsItsLastLineOnce(t *testing.T) {
	f := newFake(t, "ACTIVE")
	r := provisionRun(t, context.Background(), f, wait2m(), false)
	if code := exitCodeOf(r.e); code != ExitSynced {
		t.Fatalf("exit %d (%v)\n%s", code, r.e, r.err)
	}
	lines := strings.Split(strings.TrimSpace(r.err), "\n")
	last := strings.TrimSpace(lines[len(lines)-1])
	if !strings.Contains(last, "synced 3 of 3") || strings.Count(r.err, last) != 1 {
		t.Errorf("the watch's last line %q shows %d times:\n%s", last, strings.Count(r.err, last), r.err)
	}
}
