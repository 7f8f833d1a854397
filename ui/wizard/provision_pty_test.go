//go:build unix

package wizard_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"sfstore/api"
	"sfstore/api/simulator"
	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/provision"
	"sfstore/ui/wizard"
)

// TestPTYProvisionPicksAPopulationReviewsTheMappingsAndSyncs: on an 80×24
// pty the person picks the default population, tries to drop a required
// mapping (refused), drops an optional one, continues, confirms the
// writes, and the watch ends on a synced user.
func TestPTYProvisionPicksAPopulationReviewsTheMappingsAndSyncs(t *testing.T) {
	seeds := simulator.DemoStores(time.Now())
	for i := range seeds {
		c := &seeds[i].Configuration
		c.ClientSecret, c.OAuthAccessToken, c.OAuthRefreshToken = clientSecret, accessToken, refreshToken
	}
	sim := startSimulator(t, simulator.Options{SeedStores: seeds})
	setup, _ := wizardOptions(t, sim.URL(), secrets.NewMemory())
	setup.Answers.WorkerClientSecret = workerSecret
	w := startOnPTY(t, setup, func(ctx context.Context, s *ui.Session, wz *wizard.Wizard) (*api.Store, error) {
		return nil, provision.Run(ctx, s, wz, provision.Options{Store: simulator.DemoStoreProductionName,
			Watch: provision.Watch{Wait: time.Minute, Interval: 10 * time.Millisecond}})
	})
	w.waitFor("Which population?")
	w.send(keyEnter)
	w.waitFor("Mappings: Salesforce ← PingOne")
	w.send("d")
	w.waitFor("Username is required")
	w.send(keyDown, keyDown)
	w.waitFor(">   FirstName")
	w.send("d") // optional: dropped
	w.waitFor("> * LastName")
	w.send("c")
	w.waitFor("Send these 14 writes to PingOne?")
	w.send(keyEnter)
	r := w.wait()
	if r.err != nil {
		t.Fatalf("provision: %v\n%s", r.err, w.tail())
	}
	w.waitFor("Provisioning works")
	var mappings int
	for _, req := range sim.Requests() {
		if req.Method == "POST" && strings.HasSuffix(req.Path, "/mappings") {
			mappings++
			if strings.Contains(string(req.Body), "FirstName") {
				t.Errorf("the dropped mapping was sent: %s", req.Body)
			}
		}
	}
	if mappings != 8 {
		t.Errorf("%d mappings created, want 8", mappings)
	}
	w.requireNoLeak(clientSecret, accessToken, refreshToken, workerSecret)
}
