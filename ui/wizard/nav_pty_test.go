//go:build unix

package wizard_test

import (
	"strings"
	"testing"

	"sfstore/api/simulator"
	"sfstore/secrets"
	"sfstore/ui/settings"
)

const keyShiftTab = "\x1b[Z"

// filledSetup is a run whose every answer is given, as with flags and
// environment variables: the wizard opens at the review.
func filledSetup(t *testing.T, sim *simulator.Server) *wizardSetup {
	t.Helper()
	opts, _ := wizardOptions(t, sim.URL(), secrets.NewMemory())
	a := &opts.Answers
	a.WorkerClientSecret, a.Name = workerSecret, storeName
	a.SalesforceDomain, a.ClientID = sentDomain, sfClientID
	a.ClientSecret, a.SalesforceAccessToken, a.SalesforceRefreshToken = clientSecret, accessToken, refreshToken
	a.Normalize()
	return opts
}

// TestPTYKeysTypedAheadAtTheReviewTestFirst: Enter and Down typed in one
// burst at a fresh review test the connection (the action the cursor
// starts on) and create nothing; the test's result then shows right above
// the actions, with the cursor on Create, which no longer asks to confirm;
// after it the headline, the ID and the publish question share a screen.
func TestPTYKeysTypedAheadAtTheReviewTestFirst(t *testing.T) {
	t.Parallel() // each has its own pty, simulator and keyring
	sim := startSimulator(t, simulator.Options{})
	w := startWizard(t, filledSetup(t, sim))
	w.waitFor("Review: this is what will be sent")
	w.waitFor("Cancel: create nothing")
	w.send(keyEnter + keyDown)
	review := w.waitForSegment("> c  Create the store in environment")
	if !strings.Contains(review, "✓ PingOne connected to Salesforce") || !strings.Contains(review, "What next?") {
		t.Fatalf("the test's result is not shown with the actions:\n%s", review)
	}
	if i, j := strings.LastIndex(review, "✓ PingOne connected"), strings.LastIndex(review, "What next?"); i > j {
		t.Errorf("the test's result is below the actions:\n%s", review)
	}
	if n := len(sim.Stores()); n != 0 {
		t.Fatalf("keys typed ahead at the review created %d stores", n)
	}
	w.waitFor("Cancel: create nothing")
	w.send("c")
	w.waitFor("✓ Salesforce store created")
	card := w.waitForSegment("Create a propagation revision now?")
	if lines := strings.Count(card, "\n"); lines > 20 {
		t.Errorf("the headline and the publish question are %d lines apart, more than an 80×24 screen shows:\n%s", lines, card)
	}
	stores := sim.Stores()
	if len(stores) != 1 || !strings.Contains(card, stores[0].ID) {
		t.Fatalf("the card does not show the store's ID (%d stores):\n%s", len(stores), card)
	}
	w.send(keyEnter)
	if r := w.wait(); r.err != nil || r.store == nil {
		t.Fatalf("Run returned (store %v, err %v)", r.store, r.err)
	}
	w.requireNoLeak(allSecrets...)
}

// TestPTYBackKeepsTheAnswers: Shift+Tab on a step's first question goes
// to the previous step (its last question), Esc too, and every answer
// typed is still there on the way forward.
func TestPTYBackKeepsTheAnswers(t *testing.T) {
	t.Parallel() // each has its own pty, simulator and keyring
	sim := startSimulator(t, simulator.Options{})
	opts, _ := wizardOptions(t, sim.URL(), secrets.NewMemory())
	w := startWizard(t, opts)
	first := w.waitForSegment("ctrl+c quit")
	if !strings.Contains(first, "┃ Region") || strings.Contains(first, "esc back") {
		t.Errorf("the very first question offers to go back:\n%s", first)
	}
	w.send(keyEnter) // Region
	w.answer("How should sfstore sign in to PingOne?", "")
	w.answer(settings.FieldWorkerEnvironment.Label, "")
	w.answer(settings.FieldWorkerClientID.Label, "")
	w.answer(settings.FieldWorkerClientSecret.Label, workerSecret)
	w.answer(settings.FieldEnvironmentID.Label, "")
	w.answer(settings.FieldName.Label, "kept name")
	w.waitFor("┃ " + settings.FieldDescription.Label)
	w.send(keyShiftTab) // to the name
	w.waitFor("┃ " + settings.FieldName.Label)
	w.send(keyShiftTab) // to the previous step's last question
	w.waitFor("┃ " + settings.FieldEnvironmentID.Label)
	w.waitFor("esc back")
	w.send("\x1b") // Esc: back again, to the worker secret
	w.waitFor("┃ " + settings.FieldWorkerClientSecret.Label)
	w.send(keyEnter) // the secret is kept
	w.waitFor("┃ " + settings.FieldEnvironmentID.Label)
	w.send(keyEnter)
	w.waitFor("┃ " + settings.FieldName.Label)
	w.waitFor("kept name")
	w.send(keyCtrlC)
	requireCancelled(t, w.wait())
	w.requireNoLeak(allSecrets...)
}
