//go:build unix

package wizard_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"sfstore/api"
	"sfstore/api/simulator"
	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/stores"
)

// TestPTYChooseStoreAmongSameNamedByTypingPartOfItsID: a thousand stores
// share a name; the question is the wizard's picker, typing part of an ID
// narrows the list to one, and Enter reads that store, no other.
func TestPTYChooseStoreAmongSameNamedByTypingPartOfItsID(t *testing.T) {
	t.Parallel() // each has its own pty, simulator and keyring
	const n = 1000
	twins := make([]api.Store, n)
	for i := range twins {
		twins[i] = api.Store{ID: fmt.Sprintf("5f1e%04d-0000-4000-8000-000000000000", i), Name: "Twin"}
	}
	want := twins[617].ID
	sim := startSimulator(t, simulator.Options{SeedStores: twins})
	setup, _ := wizardOptions(t, sim.URL(), secrets.NewMemory())
	setup.Answers.WorkerClientSecret = workerSecret
	w := startCommand(t, setup, func(ctx context.Context, s *ui.Session, p stores.Prompter) (*api.Store, error) {
		return nil, stores.Show(ctx, s, p, "twin")
	})
	w.waitFor(`1,000 Salesforce stores are named "twin"`)
	w.waitFor("(1,000 of 1,000)")
	w.send("5f1e0617")
	w.waitFor("(1 of 1,000)")
	w.send(keyEnter)
	if r := w.wait(); r.err != nil {
		t.Fatalf("show = %v", r.err)
	}
	w.waitFor(want)
	var read []string
	for _, r := range sim.RequestsWith("GET") {
		if strings.HasSuffix(r.Path, "/propagation/stores/"+want) {
			read = append(read, r.Path)
		} else if strings.Contains(r.Path, "/propagation/stores/") {
			t.Errorf("read another store: %s", r.Path)
		}
	}
	if len(read) != 1 {
		t.Errorf("the chosen store was read %d times, want once", len(read))
	}
	w.requireNoLeak(workerSecret)
}
