//go:build unix

package wizard_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sfstore/api"
	"sfstore/api/simulator"
	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/profile"
	"sfstore/ui/settings"
	"sfstore/ui/wizard"
)

const (
	keyUp          = "\x1b[A"
	ptyWorkerEnv   = simulator.DemoEnvironmentID
	ptyWorkerApp   = "6a4e7e1c-5d0f-4f3e-9a51-2b8f0c7d9e10"
	ptyProfileFile = "config.toml"
)

// createThenOffer is the create command's flow in a terminal: the create,
// then the offer to save its connection.
func createThenOffer(ctx context.Context, s *ui.Session, w *wizard.Wizard) (*api.Store, error) {
	st, err := ui.Create(ctx, s, w)
	if err == nil && st != nil {
		w.OfferSaveProfile(ctx)
	}
	return st, err
}

// walkAfterPingOne answers every step after the first, as walkToReview.
func (w *wizardPTY) walkAfterPingOne() {
	w.t.Helper()
	w.storeStep(storeName)
	w.salesforceAppStep()
	w.salesforceSecretsStep()
	w.provisioningStep()
	w.communitiesOffStep()
}

// TestPTYASavedProfileFillsTheConnection picks a saved profile on the
// first step: no PingOne question is asked but the keyring's secret, the
// store goes to the profile's environment, and nothing is offered for
// saving at the end.
func TestPTYASavedProfileFillsTheConnection(t *testing.T) {
	sim := startSimulator(t, simulator.Options{})
	kr := secrets.NewMemory()
	if err := kr.Set(context.Background(), secrets.PingOneAccount(ptyWorkerEnv, ptyWorkerApp), workerSecret); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), ptyProfileFile)
	err := profile.Update(context.Background(), file, func(c *profile.Config) error {
		c.Profiles["acme"] = profile.Profile{Description: "Acme sandbox", APIURL: sim.URL(), AuthURL: sim.URL(),
			WorkerEnvironmentID: ptyWorkerEnv, WorkerClientID: ptyWorkerApp}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	opts, _ := wizardOptions(t, "", kr)
	opts.Answers = settings.Defaults()
	opts.ProfileFile = file

	w := startOnPTY(t, opts, createThenOffer)
	w.waitFor("┃ Which PingOne connection?")
	w.waitFor("acme · Acme sandbox")
	w.send(keyUp, keyEnter)
	w.waitFor("Reuse them?")
	w.send(keyEnter)
	w.walkAfterPingOne()
	w.reviewAndCreate(false)
	w.requireCreated(sim)
	if w.count("┃ Region") != 0 || w.count("Save this PingOne connection") != 0 {
		t.Fatalf("with a profile chosen, the region was asked or saving offered:\n%s", w.tail())
	}
	if got := sim.Stores()[0]; !strings.Contains(got.Environment.ID, ptyWorkerEnv) {
		t.Fatalf("the store went to %+v", got.Environment)
	}
	w.requireNoLeak(allSecrets...)
}

// TestPTYANewConnectionIsOfferedAsAProfile creates a store over a
// connection typed in full, then saves it as a profile.
func TestPTYANewConnectionIsOfferedAsAProfile(t *testing.T) {
	sim := startSimulator(t, simulator.Options{})
	opts, _ := wizardOptions(t, sim.URL(), secrets.NewMemory())
	dir := t.TempDir()
	opts.ProfileFile = filepath.Join(dir, "sfstore", ptyProfileFile)

	w := startOnPTY(t, opts, createThenOffer)
	w.walkToReview()
	w.reviewAndCreate(true)
	w.waitFor("Salesforce store created")
	w.answer("Create a propagation revision now?", "")
	w.waitFor("┃ Save this PingOne connection as a profile?")
	w.send(keyLeft, keyEnter) // Yes
	w.answer("Profile name", "bad name")
	w.waitFor("a profile name is 1 to 63")
	w.send(keyCtrlU, "acme-pty", keyEnter)
	w.answer("Description", "made in a pty")
	w.waitFor("✓ Saved profile acme-pty")
	if r := w.wait(); r.err != nil || r.store == nil {
		t.Fatalf("Run = %v, %v", r.store, r.err)
	}
	c, err := profile.Load(opts.ProfileFile)
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.Lookup("acme-pty")
	want := profile.Profile{Description: "made in a pty", Region: "NA", APIURL: sim.URL(), AuthURL: sim.URL(),
		Auth: profile.AuthWorker, WorkerEnvironmentID: ptyWorkerEnv, WorkerClientID: ptyWorkerApp, EnvironmentID: got.EnvironmentID}
	if err != nil || got != want {
		t.Fatalf("saved %+v, %v; want %+v", got, err, want)
	}
	requireNoSecretIn(t, dir)
	w.requireNoLeak(allSecrets...)
}

// TestPTYACancelledSaveKeepsTheStore presses Ctrl-C at the profile's
// name: nothing is saved, and the run still returns the created store.
func TestPTYACancelledSaveKeepsTheStore(t *testing.T) {
	sim := startSimulator(t, simulator.Options{})
	opts, _ := wizardOptions(t, sim.URL(), secrets.NewMemory())
	opts.ProfileFile = filepath.Join(t.TempDir(), ptyProfileFile)

	w := startOnPTY(t, opts, createThenOffer)
	w.walkToReview()
	w.reviewAndCreate(true)
	w.waitFor("Salesforce store created")
	w.answer("Create a propagation revision now?", "")
	w.waitFor("┃ Save this PingOne connection as a profile?")
	w.send(keyLeft, keyEnter)
	w.waitFor("┃ Profile name")
	w.send(keyCtrlC)
	w.waitFor("No profile saved; the store is created as shown above.")
	r := w.wait()
	if r.err != nil || r.store == nil || len(sim.Stores()) != 1 {
		t.Fatalf("Run = %v, %v with %d stores", r.store, r.err, len(sim.Stores()))
	}
	if _, err := os.Stat(opts.ProfileFile); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("a profile file was written: %v", err)
	}
}

func requireNoSecretIn(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := os.ReadFile(path)
		if err == nil && strings.Contains(string(raw), "SENTINEL") {
			t.Errorf("%s holds a secret:\n%s", path, raw)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// nextStepHelp is under "What next?" after a create (the review's menu
// is titled "What next?" too).
const nextStepHelp = "A store alone provisions nothing"

// createThenProvisionOffer is the create command's flow as it runs for
// real: after the create the wizard asks "What next?" (provision is a
// stand-in that records it ran), then the offer comes if not made yet.
func createThenProvisionOffer(provisioned *bool) func(context.Context, *ui.Session, *wizard.Wizard) (*api.Store, error) {
	return func(ctx context.Context, s *ui.Session, w *wizard.Wizard) (*api.Store, error) {
		s.ProvisionNext = func(context.Context, string) error { *provisioned = true; return nil }
		return createThenOffer(ctx, s, w)
	}
}

// The offer to save the connection comes right after the result, before
// "What next?": a provision that fails or is stopped used to lose it, and
// Ctrl-C at "What next?" was followed by the offer's question. Ctrl-C at
// the offer asks nothing more and keeps the store.
func TestPTYTheProfileOfferComesBeforeWhatNext(t *testing.T) {
	for _, ctrlC := range []bool{false, true} {
		sim := startSimulator(t, simulator.Options{})
		opts, _ := wizardOptions(t, sim.URL(), secrets.NewMemory())
		opts.ProfileFile = filepath.Join(t.TempDir(), ptyProfileFile)
		provisioned := false
		w := startOnPTY(t, opts, createThenProvisionOffer(&provisioned))
		w.walkToReview()
		w.reviewAndCreate(true)
		w.waitFor("Salesforce store created")
		w.waitFor("┃ Save this PingOne connection as a profile?")
		if w.count(nextStepHelp) != 0 {
			t.Fatalf("What next? came before the offer:\n%s", w.tail())
		}
		if ctrlC {
			w.send(keyCtrlC)
		} else {
			w.send(keyEnter) // No
			w.waitFor(nextStepHelp)
			w.send(keyEnter) // Provision users now
		}
		r := w.wait()
		if r.err != nil || r.store == nil || provisioned == ctrlC {
			t.Fatalf("Ctrl-C %v: Run = %v, %v; provisioned %v", ctrlC, r.store, r.err, provisioned)
		}
		if n := w.count("Save this PingOne connection"); ctrlC && w.count(nextStepHelp) != 0 || n == 0 {
			t.Errorf("Ctrl-C %v: the offer showed %d times, then What next? %d:\n%s", ctrlC, n, w.count(nextStepHelp), w.tail())
		}
		if _, err := os.Stat(opts.ProfileFile); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("a profile file was written: %v", err)
		}
	}
}
