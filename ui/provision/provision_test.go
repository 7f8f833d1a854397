package provision

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"sfstore/api"
)

func TestFromNothingToASyncedUser(t *testing.T) {
	f := newFake(t, api.StatusInactive)
	r := provisionRun(t, context.Background(), f, Options{Watch: Watch{Wait: 2 * time.Minute}}, true)
	if r.e != nil {
		t.Fatalf("run: %v\n%s\n%s", r.e, r.out, r.err)
	}
	var res Result
	if err := json.Unmarshal([]byte(r.out), &res); err != nil {
		t.Fatalf("json: %v\n%s", err, r.out)
	}
	if res.Outcome != OutcomeSynced || res.Sync == nil || res.Sync.Synced != 3 {
		t.Errorf("outcome %q sync %+v", res.Outcome, res.Sync)
	}
	t.Log(r.err)
	t.Log(r.out)
}
