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
