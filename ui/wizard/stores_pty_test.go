//go:build unix

package wizard_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"sfstore/api"
	"sfstore/api/demoorg"
	"sfstore/api/simulator"
	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/settings"
	"sfstore/ui/stores"
	"sfstore/ui/wizard"
)

// startCommand runs a store command (package stores) with the wizard on an
// 80×24 pty, as sfstore does in a terminal; it is startWizard for a
// command other than create.
func startCommand(t *testing.T, setup *wizardSetup, run func(ctx context.Context, s *ui.Session, p stores.Prompter) (*api.Store, error)) *wizardPTY {
	t.Helper()
	return startOnPTY(t, setup, func(ctx context.Context, s *ui.Session, w *wizard.Wizard) (*api.Store, error) {
		return run(ctx, s, w)
	})
}

// storesSetup is a terminal run against a simulator holding the demo's two
// stores with sentinel secrets, the failed one's session dead.
func storesSetup(t *testing.T, opts simulator.Options, kr *secrets.Keyring) (*simulator.Server, *wizardSetup) {
	t.Helper()
	seeds := simulator.DemoStores(time.Now())
	for i := range seeds {
		c := &seeds[i].Configuration
		c.ClientSecret, c.OAuthAccessToken, c.OAuthRefreshToken = clientSecret, accessToken, refreshToken
	}
	opts.SeedStores, opts.ExpiredAccessTokens = seeds, []string{accessToken}
	sim := startSimulator(t, opts)
	setup, _ := wizardOptions(t, sim.URL(), kr)
	setup.Answers.WorkerClientSecret = workerSecret
	// As in the demo: the org lives on loopback, so the store's domain is
	// kept rather than replaced by the host of its instance URL.
	setup.Demo = true
	return sim, setup
}

// TestPTYReconnectSignsInAndShowsTheChangesAtTheReview: PingOne returns
// the store's secrets masked, the keyring holds the client secret saved
// at creation; the person signs in with the browser (the simulated org
// does it by itself), sees old → new at the review and updates. One PUT
// carries the keyring's client secret and the new tokens.
func TestPTYReconnectSignsInAndShowsTheChangesAtTheReview(t *testing.T) {
	t.Parallel() // each has its own pty, simulator and keyring
	kr := secrets.NewMemory()
	if err := kr.Set(context.Background(), secrets.SalesforceAccount(demoorg.Domain, demoorg.ClientID, secrets.ClientSecret), clientSecret); err != nil {
		t.Fatal(err)
	}
	sim, setup := storesSetup(t, simulator.Options{MaskSecretsOnRead: true}, kr)
	w := startCommand(t, setup, func(ctx context.Context, s *ui.Session, p stores.Prompter) (*api.Store, error) {
		return stores.Reconnect(ctx, s, p, simulator.DemoStoreCommunityName)
	})
	w.answer("How do you want to get the new tokens?", "")
	w.answer("Client secret (consumer secret)", "") // keeps the keyring's
	w.waitFor("Salesforce accepts the new access token")
	w.waitFor("Review: the store after your changes")
	w.waitFor("(not returned by PingOne) → ••••")
	w.waitFor("s  Save secrets: ")
	w.waitFor("Cancel: change nothing")
	w.send("c")
	w.waitFor("Press y to update")
	w.send("y")
	w.waitFor("Salesforce store updated")
	w.answer("Create a propagation revision now?", "")
	if r := w.wait(); r.err != nil || r.store == nil {
		t.Fatalf("reconnect = %v, %v", r.store, r.err)
	}
	puts := sim.RequestsWith("PUT")
	if len(puts) != 1 {
		t.Fatalf("%d PUTs, want one", len(puts))
	}
	var sent api.UpdateSalesforceStoreRequest
	if err := json.Unmarshal(puts[0].Body, &sent); err != nil {
		t.Fatal(err)
	}
	c := sent.Configuration
	if c.ClientSecret != clientSecret || c.SalesforceDomain != demoorg.Domain || c.OAuthAccessToken == accessToken || api.LooksMasked(c.OAuthAccessToken) || api.LooksMasked(c.OAuthRefreshToken) {
		t.Errorf("PUT configuration = %+v", c.Masked())
	}
	if got := keyringValue(t, kr, secrets.SalesforceAccount(demoorg.Domain, demoorg.ClientID, secrets.RefreshToken)); got != c.OAuthRefreshToken {
		t.Error("the new refresh token was not saved")
	}
	w.requireNoLeak(allSecrets...)
}

// TestPTYDeleteAfterTypingTheName: a wrong name is refused in place; the
// right one deletes the store.
func TestPTYDeleteAfterTypingTheName(t *testing.T) {
	t.Parallel() // each has its own pty, simulator and keyring
	sim, setup := storesSetup(t, simulator.Options{}, secrets.NewMemory())
	w := startCommand(t, setup, func(ctx context.Context, s *ui.Session, p stores.Prompter) (*api.Store, error) {
		return nil, stores.Delete(ctx, s, p, simulator.DemoStoreProductionID, stores.DeleteOptions{})
	})
	w.answer("Type the store's name to delete it", "Salesforce prod")
	w.waitFor("type Salesforce production exactly")
	w.send(keyCtrlU, simulator.DemoStoreProductionName, keyEnter)
	w.waitFor("Deleted the store Salesforce production")
	w.answer("Create a propagation revision now?", "")
	if r := w.wait(); r.err != nil {
		t.Fatalf("delete = %v", r.err)
	}
	if dels := sim.RequestsWith("DELETE"); len(dels) != 1 || len(sim.Stores()) != 1 {
		t.Fatalf("%d DELETEs, %d stores left", len(dels), len(sim.Stores()))
	}
	w.requireNoLeak(allSecrets...)
}

// hangingBackend is a keyring that never answers, like a locked one whose
// unlock window nobody sees; it counts the calls it gets. The test's end
// lets the calls left waiting return.
type hangingBackend struct {
	calls   atomic.Int32
	release chan struct{}
}

func newHangingBackend(t *testing.T) *hangingBackend {
	b := &hangingBackend{release: make(chan struct{})}
	t.Cleanup(func() { close(b.release) })
	return b
}

func (b *hangingBackend) hang() error {
	b.calls.Add(1)
	<-b.release
	return secrets.ErrNotFound
}

func (b *hangingBackend) Get(string, string) (string, error) { return "", b.hang() }
func (b *hangingBackend) Set(string, string, string) error   { return b.hang() }
func (b *hangingBackend) Delete(string, string) error        { return b.hang() }

// TestPTYEditWaitsForAHangingKeyringOnce: the keyring hangs when the edit
// looks for the secrets PingOne hides. That timeout is told once, the
// secrets are typed instead, and nothing after (the save the review
// offers, refreshing the saved secrets) waits on the keyring again.
func TestPTYEditWaitsForAHangingKeyringOnce(t *testing.T) {
	t.Parallel() // each has its own pty, simulator and keyring
	hung := newHangingBackend(t)
	kr := secrets.NewMemory(secrets.WithBackend(hung), secrets.WithTimeout(200*time.Millisecond))
	sim, setup := storesSetup(t, simulator.Options{MaskSecretsOnRead: true}, kr)
	w := startCommand(t, setup, func(ctx context.Context, s *ui.Session, p stores.Prompter) (*api.Store, error) {
		return stores.Edit(ctx, s, p, simulator.DemoStoreCommunityName, func(a *settings.Answers) error {
			a.Description = "Partners, edited"
			return nil
		})
	})
	w.waitFor("The OS keyring cannot be used: keyring did not answer")
	w.answer(settings.FieldClientSecret.Label, clientSecret)
	w.answer(settings.FieldAccessToken.Label, accessToken)
	w.answer(settings.FieldRefreshToken.Label, refreshToken)
	w.waitFor("Review: the store after your changes")
	w.waitFor("Cancel: change nothing")
	w.send("c")
	w.waitFor("Press y to update")
	w.send("y")
	w.waitFor("Salesforce store updated")
	w.answer("Create a propagation revision now?", "")
	if r := w.wait(); r.err != nil || r.store == nil {
		t.Fatalf("edit = %v, %v", r.store, r.err)
	}
	if n := len(sim.RequestsWith("PUT")); n != 1 {
		t.Errorf("%d PUTs, want one", n)
	}
	if n := hung.calls.Load(); n != 1 {
		t.Errorf("the edit called the hanging keyring %d times, want once", n)
	}
	if n := w.count("keyring did not answer"); n != 1 {
		t.Errorf("the timeout was told %d times, want once:\n%s", n, w.screen())
	}
	w.requireNoLeak(allSecrets...)
}

// TestPTYReconnectEscAtTheSignInGoesBackToTheChoice: Esc on the sign-in
// screen (its help says "esc back") goes back to reconnect's own question,
// how to get the tokens; no failure card, no create-wizard step.
func TestPTYReconnectEscAtTheSignInGoesBackToTheChoice(t *testing.T) {
	t.Parallel() // each has its own pty, simulator and keyring
	_, setup := storesSetup(t, simulator.Options{}, secrets.NewMemory())
	setup.Salesforce.OpenBrowser = func(string) error { return nil } // nobody signs in
	w := startCommand(t, setup, func(ctx context.Context, s *ui.Session, p stores.Prompter) (*api.Store, error) {
		return stores.Reconnect(ctx, s, p, simulator.DemoStoreCommunityName)
	})
	w.answer("How do you want to get the new tokens?", "") // the browser
	w.answer(settings.FieldClientSecret.Label, "")         // keeps PingOne's
	w.waitFor("Waiting for the browser")                   // the sign-in screen, not the secret's
	w.send("\x1b")
	back := w.waitForSegment("┃ How do you want to get the new tokens?")
	for _, wrong := range []string{"did not finish", "Step 3 of 5", "What now?"} {
		if strings.Contains(back, wrong) {
			t.Errorf("Esc at the sign-in showed %q:\n%s", wrong, back)
		}
	}
	// The question is live again: it takes keys (and has taken its size,
	// so no resize check of the program outlives the test's pty).
	w.send(keyDown)
	w.waitFor("> Paste an access token")
	w.pressCtrlC()
	w.requireNoLeak(allSecrets...)
}
