package stores

import (
	"context"
	"strings"
	"testing"

	"sfstore/api"
	"sfstore/api/simulator"
	"sfstore/ui"
	"sfstore/ui/settings"
)

func TestCompleteOffersNamesAndTheIDsOfSharedNames(t *testing.T) {
	twin := api.Store{ID: "5b0c8f2e-7d41-4c59-a0d3-2f6e9b1c4a88", Name: healthyName}
	odd := api.Store{ID: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", Name: "Sales\tforce\x1b[2J sandbox"}
	other := api.Store{ID: "1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", Type: "Workday", Name: "Salesforce HR"}
	b := newBench(t, simulator.Options{SeedStores: append(seeded(), twin, odd, other)})
	r := b.session(t, nil)
	got := Complete(context.Background(), r.s, "SALESFORCE P")
	want := []string{failedName + "\t" + failedID + " · sync FAILED"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Complete(SALESFORCE P) = %q, want %q", got, want)
	}
	got = Complete(context.Background(), r.s, "")
	joined := strings.Join(got, "\n")
	for _, want := range []string{healthyID + "\t" + healthyID, twin.ID + "\t" + twin.ID + " · not synced", "Sales force sandbox\t" + odd.ID} {
		if !strings.Contains(joined, want) {
			t.Errorf("Complete() lacks %q:\n%s", want, joined)
		}
	}
	if strings.Contains(joined, "Workday") || strings.Contains(joined, "HR") || strings.Contains(joined, "\x1b") || len(got) != 4 {
		t.Errorf("Complete() = %q", got)
	}
}

// Without a sign-in in the flags and the environment it offers nothing,
// and never reads the keyring, whose prompt would hang the shell.
func TestCompleteWithoutASignInOffersNothing(t *testing.T) {
	b := newBench(t, simulator.Options{})
	r := b.session(t, func(a *settings.Answers, o *ui.Options) { a.WorkerClientSecret, o.Keyring = "", nil })
	if got := Complete(context.Background(), r.s, ""); got != nil {
		t.Errorf("Complete without a sign-in = %q", got)
	}
	if n := len(b.sim.Requests()); n != 0 {
		t.Errorf("%d requests", n)
	}
	b.sim.Close()
	r = b.session(t, nil)
	if got := Complete(context.Background(), r.s, ""); got != nil {
		t.Errorf("Complete with PingOne down = %q", got)
	}
}
