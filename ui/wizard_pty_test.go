package ui_test

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"sfstore/api"
	"sfstore/api/simulator"
	"sfstore/secrets"
	"sfstore/ui"
)

// Every test secret contains sentinelMarker, so one search finds a leak of
// any of them, or of a part of one longer than the four characters a mask
// shows.
const sentinelMarker = "SENTINEL"

const (
	workerSecret  = "SENTINEL-WORKER-SECRET-41d7c2"
	clientSecret  = "SENTINEL-CLIENT-SECRET-7f3a9c"
	accessToken   = "SENTINEL-ACCESS-TOKEN-b81e44"
	refreshToken  = "SENTINEL-REFRESH-TOKEN-0c95da"
	typedDomain   = "https://Acme.my.salesforce.com/"
	sentDomain    = "acme.my.salesforce.com"
	sfClientID    = "3MVG9pRzvMkjMb6lZlt3YjDQwe.ptytest"
	storeName     = "Salesforce via pty"
	unknownProfle = "00e5g000004ZZZZ" // well formed, unknown to the simulator
)

var allSecrets = []string{workerSecret, clientSecret, accessToken, refreshToken}

// demoAnswers are the starting answers of `sfstore --demo`.
func demoAnswers() ui.Answers {
	a := ui.DefaultAnswers()
	ui.FillDemoAnswers(&a)
	return a
}

func startSimulator(t *testing.T, opts simulator.Options) *simulator.Server {
	t.Helper()
	sim, err := simulator.Start(opts)
	if err != nil {
		t.Fatalf("start simulator: %v", err)
	}
	t.Cleanup(sim.Close)
	return sim
}

func wizardOptions(sim *simulator.Server, kr *secrets.Keyring) ui.Options {
	return ui.Options{Answers: demoAnswers(), APIURL: sim.URL(), AuthURL: sim.URL(), Keyring: kr}
}

func communityProfile(t *testing.T) simulator.Profile {
	t.Helper()
	for _, p := range simulator.DemoProfiles {
		if strings.Contains(p.License, "Community") {
			return p
		}
	}
	t.Fatal("simulator.DemoProfiles has no community profile")
	return simulator.Profile{}
}

// The walk, step by step, as a user types it. Each answer waits for its
// field to have the focus first.

// pingOneStep keeps the region, the sign-in method and the demo worker app,
// leaves the target environment empty and types the worker secret.
func (w *wizardPTY) pingOneStep(secret string) {
	w.t.Helper()
	w.answer("Region", "")
	w.answer("How should sfstore sign in to PingOne?", "")
	w.answer(ui.FieldWorkerEnvironment.Label, "")
	w.answer(ui.FieldWorkerClientID.Label, "")
	w.answer(ui.FieldEnvironmentID.Label, "")
	w.answer(ui.FieldWorkerClientSecret.Label, secret)
}

// storeStep types a name and keeps every other default.
func (w *wizardPTY) storeStep(name string) {
	w.t.Helper()
	w.answer(ui.FieldName.Label, name)
	w.answer(ui.FieldDescription.Label, "")
	w.answer(ui.FieldImageURL.Label, "")
	w.answer("Create it active?", "")
	w.answer("Deprovision its users if the store is deleted?", "")
}

func (w *wizardPTY) salesforceAppStep() {
	w.t.Helper()
	w.answer(ui.FieldSalesforceDomain.Label, typedDomain)
	w.answer(ui.FieldClientID.Label, sfClientID)
}

func (w *wizardPTY) salesforceSecretsStep() {
	w.t.Helper()
	w.answer(ui.FieldClientSecret.Label, clientSecret)
	w.answer(ui.FieldAccessToken.Label, accessToken)
	w.answer(ui.FieldRefreshToken.Label, refreshToken)
}

// provisioningStep keeps all six defaults.
func (w *wizardPTY) provisioningStep() {
	w.t.Helper()
	w.provisioningStepFrom(0)
}

// communitiesOffStep keeps Communities off and leaves the profile empty.
func (w *wizardPTY) communitiesOffStep() {
	w.t.Helper()
	w.answer("Provision to Salesforce Communities?", "")
	w.answer(ui.FieldProfileID.Label, "")
}

// reviewAndCreate waits for the review, answers the keyring question when
// asked, and picks the preselected "Create".
func (w *wizardPTY) reviewAndCreate(saveQuestion bool) {
	w.t.Helper()
	w.waitFor("Review: this is what will be sent")
	if saveQuestion {
		w.answer("Save the secrets in the", "")
	}
	w.waitFor("┃ What next?")
	w.waitFor("> Create the store in environment")
	w.send(keyEnter)
}

func (w *wizardPTY) requireCreated(sim *simulator.Server) (runResult, api.Store) {
	w.t.Helper()
	w.waitFor("Salesforce store created")
	r := w.wait()
	if r.err != nil || r.store == nil {
		w.t.Fatalf("Run returned (store %v, err %v), want a store", r.store, r.err)
	}
	stores := sim.Stores()
	if len(stores) != 1 {
		w.t.Fatalf("simulator has %d stores, want 1", len(stores))
	}
	if r.store.ID != stores[0].ID {
		w.t.Errorf("Run returned store %s, the simulator created %s", r.store.ID, stores[0].ID)
	}
	return r, stores[0]
}

func requireSecrets(t *testing.T, c api.SalesforceConfiguration, secret, access, refresh string) {
	t.Helper()
	if c.ClientSecret != secret || c.OAuthAccessToken != access || c.OAuthRefreshToken != refresh {
		t.Errorf("store secrets = %q, %q, %q; want %q, %q, %q",
			c.ClientSecret, c.OAuthAccessToken, c.OAuthRefreshToken, secret, access, refresh)
	}
}

func keyringValue(t *testing.T, kr *secrets.Keyring, account string) string {
	t.Helper()
	v, err := kr.Get(context.Background(), account)
	if err != nil {
		t.Errorf("keyring Get(%s): %v", account, err)
	}
	return v
}

// TestPTYCreateAfterFixingARefusedProfile walks the whole demo wizard by
// keystrokes: PingOne refuses an unknown profile, the user goes straight back
// to Communities with every answer kept, fixes the profile and creates.
func TestPTYCreateAfterFixingARefusedProfile(t *testing.T) {
	sim := startSimulator(t, simulator.Options{})
	kr := secrets.NewMemory()
	opts := wizardOptions(sim, kr)
	opts.Demo = true
	account := simulator.DemoAccounts[0].ID
	profile := communityProfile(t).ID

	w := startWizard(t, opts)
	w.pingOneStep(workerSecret)
	w.storeStep(storeName)
	w.salesforceAppStep()
	w.salesforceSecretsStep()
	w.provisioningStep()

	w.waitFor("┃ Provision to Salesforce Communities?")
	w.send(keyLeft, keyEnter) // Yes
	w.answer(ui.FieldAccountID.Label, account)
	w.answer(ui.FieldProfileID.Label, unknownProfle)
	w.reviewAndCreate(true)

	w.waitFor("PingOne did not create the store")
	w.waitFor(ui.FieldProfileID.Label)
	w.waitFor("No profile")
	w.waitFor("┃ The store was not created. What now?")
	w.waitFor("> Fix: Communities")
	w.send(keyEnter)

	w.answer("Provision to Salesforce Communities?", "") // still Yes
	w.waitFor("┃ " + ui.FieldAccountID.Label)
	w.waitFor(account) // kept
	w.waitFor("PingOne: No profile")
	w.send(keyEnter)
	w.waitFor("┃ " + ui.FieldProfileID.Label)
	w.send(keyCtrlU, profile, keyEnter)
	w.reviewAndCreate(true)

	r, store := w.requireCreated(sim)
	t.Logf("created in %s", r.took.Round(time.Millisecond))

	// 1. What PingOne got: the secrets typed, the normalised domain, the
	// second profile and the account typed before the refusal.
	c := store.Configuration
	requireSecrets(t, c, clientSecret, accessToken, refreshToken)
	if c.SalesforceDomain != sentDomain || c.ClientID != sfClientID {
		t.Errorf("domain, client ID = %q, %q; want %q, %q", c.SalesforceDomain, c.ClientID, sentDomain, sfClientID)
	}
	if !c.EnableCommunities || c.AccountID != account || c.ProfileID != profile {
		t.Errorf("communities = %v, account %q, profile %q; want true, %q, %q",
			c.EnableCommunities, c.AccountID, c.ProfileID, account, profile)
	}
	if store.Name != storeName {
		t.Errorf("name = %q, want %q", store.Name, storeName)
	}

	// 2. The screen showed masks only.
	w.requireNoLeak(allSecrets...)
	for _, mask := range []string{api.Mask(clientSecret), api.Mask(accessToken), api.Mask(refreshToken)} {
		if w.count(mask) == 0 {
			t.Errorf("mask %q never shown", mask)
		}
	}

	// 3. The keyring holds what was typed.
	for name, want := range map[secrets.SalesforceSecret]string{
		secrets.ClientSecret: clientSecret, secrets.AccessToken: accessToken, secrets.RefreshToken: refreshToken,
	} {
		if got := keyringValue(t, kr, secrets.SalesforceAccount(sentDomain, sfClientID, name)); got != want {
			t.Errorf("keyring %s = %q, want %q", name, got, want)
		}
	}
	a := demoAnswers()
	if got := keyringValue(t, kr, secrets.PingOneAccount(a.WorkerEnvironmentID, a.WorkerClientID)); got != workerSecret {
		t.Errorf("keyring worker secret = %q, want %q", got, workerSecret)
	}
}

// TestPTYReusesSecretsFromTheKeyring: with the Salesforce secrets saved for
// the domain and client ID, the wizard offers them masked, skips the secrets
// form when they are reused, and sends them.
func TestPTYReusesSecretsFromTheKeyring(t *testing.T) {
	sim := startSimulator(t, simulator.Options{})
	kr := secrets.NewMemory()
	saved := map[secrets.SalesforceSecret]string{
		secrets.ClientSecret: "SENTINEL-SAVED-SECRET-5e21aa",
		secrets.AccessToken:  "SENTINEL-SAVED-ACCESS-9b03fe",
		secrets.RefreshToken: "SENTINEL-SAVED-REFRESH-d4c817",
	}
	for name, v := range saved {
		// The domain as typed: the account name must not depend on it.
		if err := kr.Set(context.Background(), secrets.SalesforceAccount(typedDomain, sfClientID, name), v); err != nil {
			t.Fatal(err)
		}
	}

	w := startWizard(t, wizardOptions(sim, kr))
	w.pingOneStep(workerSecret)
	w.storeStep(storeName)
	w.salesforceAppStep()

	w.waitFor("┃ The keyring has saved secrets for " + sentDomain)
	for _, name := range []secrets.SalesforceSecret{secrets.ClientSecret, secrets.AccessToken, secrets.RefreshToken} {
		w.waitFor(api.Mask(saved[name]))
	}
	w.waitFor("Type new ones")
	w.send(keyEnter) // Reuse is preselected

	// The secrets form would come under the step's title; the offer has none.
	skipped := w.waitForSegment("┃ Create users?")
	if strings.Contains(skipped, ui.StepSalesforce.String()) {
		t.Errorf("the Salesforce step went on after choosing Reuse:\n%s", skipped)
	}
	w.send(keyEnter)
	w.provisioningStepFrom(1)
	w.communitiesOffStep()
	w.reviewAndCreate(true)

	_, store := w.requireCreated(sim)
	requireSecrets(t, store.Configuration,
		saved[secrets.ClientSecret], saved[secrets.AccessToken], saved[secrets.RefreshToken])
	w.requireNoLeak(append(allSecrets, saved[secrets.ClientSecret], saved[secrets.AccessToken], saved[secrets.RefreshToken])...)
}

// provisioningStepFrom keeps the defaults of the provisioning fields from
// index i on (0 is "Create users?").
func (w *wizardPTY) provisioningStepFrom(i int) {
	w.t.Helper()
	titles := []string{
		"Create users?", "Update users?", "Disable users?",
		"Provision disabled users?", "Freeze instead of deactivate?", ui.FieldPermissionSets.Label,
	}
	for _, title := range titles[i:] {
		w.answer(title, "")
	}
}

// TestPTYCtrlCAtAFormCancels: Ctrl-C at the store name ends Run with
// ErrCancelled at once, creates nothing and gives the terminal back in its
// normal mode.
func TestPTYCtrlCAtAFormCancels(t *testing.T) {
	sim := startSimulator(t, simulator.Options{})
	w := startWizard(t, wizardOptions(sim, secrets.NewMemory()))
	w.pingOneStep(workerSecret)
	w.waitFor("┃ " + ui.FieldName.Label)
	w.send("half a na")
	pressed := time.Now()
	w.send(keyCtrlC)
	r := w.waitWithin(2 * time.Second)
	requireCancelled(t, r)
	if d := time.Since(pressed); d > time.Second {
		t.Errorf("Run took %s after Ctrl-C", d)
	}
	if n := len(sim.Stores()); n != 0 {
		t.Errorf("simulator has %d stores after Ctrl-C", n)
	}
	if n := len(sim.Requests()); n != 0 {
		t.Errorf("the wizard called PingOne %d times before the review", n)
	}
	w.requireCookedMode()
	w.requireNoLeak(allSecrets...)
}

// TestPTYCtrlCDuringTheSubmitSpinnerCancels: Ctrl-C while PingOne is slow to
// answer cancels the request and creates nothing.
func TestPTYCtrlCDuringTheSubmitSpinnerCancels(t *testing.T) {
	sim := startSimulator(t, simulator.Options{Latency: 3 * time.Second})
	w := startWizard(t, wizardOptions(sim, secrets.NewMemory()))
	w.pingOneStep(workerSecret)
	w.storeStep(storeName)
	w.salesforceAppStep()
	w.salesforceSecretsStep()
	w.provisioningStep()
	w.communitiesOffStep()
	w.reviewAndCreate(true)

	w.waitFor("Creating the store in PingOne")
	pressed := time.Now()
	w.send(keyCtrlC)
	r := w.waitWithin(2 * time.Second)
	requireCancelled(t, r)
	if d := time.Since(pressed); d > time.Second {
		t.Errorf("Run took %s after Ctrl-C", d)
	}
	if n := len(sim.Stores()); n != 0 {
		t.Errorf("simulator has %d stores after Ctrl-C", n)
	}
	for _, req := range sim.Requests() {
		if req.Method == "POST" && strings.HasSuffix(req.Path, "/propagation/stores") {
			t.Errorf("the create request was sent although Ctrl-C came during sign-in: %s %s", req.Method, req.Path)
		}
	}
	w.requireCookedMode()
	w.requireNoLeak(allSecrets...)
}

// TestPTYWithoutAKeyring: when the keyring cannot be used the wizard says so
// once, does not offer to save, and still creates the store.
func TestPTYWithoutAKeyring(t *testing.T) {
	sim := startSimulator(t, simulator.Options{})
	kr := secrets.NewMemory(secrets.WithProbe(func() error {
		return &secrets.UnavailableError{Reason: "no D-Bus session bus", Hint: "run sfstore in a desktop session"}
	}))
	w := startWizard(t, wizardOptions(sim, kr))
	w.pingOneStep(workerSecret)
	w.storeStep(storeName)
	w.salesforceAppStep()
	w.salesforceSecretsStep()
	w.provisioningStep()
	w.communitiesOffStep()

	review := w.waitForSegment("┃ What next?")
	if strings.Contains(review, "Save the secrets") {
		t.Errorf("the review asks to save the secrets without a keyring:\n%s", review)
	}
	w.waitFor("> Create the store in environment")
	w.send(keyEnter)
	_, store := w.requireCreated(sim)
	requireSecrets(t, store.Configuration, clientSecret, accessToken, refreshToken)

	if n := w.count("keyring cannot be used"); n != 1 {
		t.Errorf("the keyring notice was shown %d times, want once", n)
	}
	if n := w.count("no D-Bus session bus"); n != 1 {
		t.Errorf("the reason was shown %d times, want once", n)
	}
	if strings.Contains(w.Screen(), "Saved ") {
		t.Errorf("the wizard claims to have saved secrets without a keyring")
	}
	w.requireNoLeak(allSecrets...)
}

// TestPTYEditAStepFromTheReviewKeepsTheAnswers: going back to the store step
// from the review and pressing Enter through it changes nothing.
func TestPTYEditAStepFromTheReviewKeepsTheAnswers(t *testing.T) {
	sim := startSimulator(t, simulator.Options{})
	w := startWizard(t, wizardOptions(sim, secrets.NewMemory()))
	w.pingOneStep(workerSecret)
	w.storeStep(storeName)
	w.salesforceAppStep()
	w.salesforceSecretsStep()
	w.provisioningStep()
	w.communitiesOffStep()

	w.waitFor("Review: this is what will be sent")
	first := w.waitForSegment("┃ Save the secrets in the")
	w.send(keyEnter)
	w.waitFor("┃ What next?")
	w.send(keyDown, keyDown)
	w.waitFor("> Edit: Store")
	w.send(keyEnter)

	w.waitFor("┃ " + ui.FieldName.Label)
	w.waitFor(storeName) // the name is kept in the field
	w.send(keyEnter)
	w.answer(ui.FieldDescription.Label, "")
	w.answer(ui.FieldImageURL.Label, "")
	w.answer("Create it active?", "")
	w.answer("Deprovision its users if the store is deleted?", "")

	w.waitFor("Review: this is what will be sent")
	second := w.waitForSegment("┃ Save the secrets in the")
	if reviewTable(first) != reviewTable(second) {
		t.Errorf("the review changed after editing nothing:\n--- before ---\n%s\n--- after ---\n%s", reviewTable(first), reviewTable(second))
	}
	if !strings.Contains(second, storeName) {
		t.Errorf("second review lacks the store name:\n%s", second)
	}
	w.send(keyEnter)
	w.waitFor("┃ What next?")
	w.waitFor("> Create the store in environment")
	w.send(keyEnter)

	_, store := w.requireCreated(sim)
	if store.Name != storeName || store.Status != api.StatusInactive {
		t.Errorf("store name, status = %q, %q; want %q, %q", store.Name, store.Status, storeName, api.StatusInactive)
	}
	requireSecrets(t, store.Configuration, clientSecret, accessToken, refreshToken)
	w.requireNoLeak(allSecrets...)
}

// reviewTable is the printed review in a segment that ends at the review
// form, whose title contains "Review".
func reviewTable(segment string) string {
	if i := strings.LastIndex(segment, "Review"); i >= 0 {
		segment = segment[:i]
	}
	return strings.TrimSpace(segment)
}

// TestPTYWrongWorkerSecretIsFixedInPlace: PingOne refuses the sign-in, the
// wizard offers to fix the PingOne connection, and the corrected secret
// creates the store.
func TestPTYWrongWorkerSecretIsFixedInPlace(t *testing.T) {
	const rightSecret = "right-secret"
	a := demoAnswers()
	sim := startSimulator(t, simulator.Options{ClientID: a.WorkerClientID, ClientSecret: rightSecret})
	w := startWizard(t, wizardOptions(sim, secrets.NewMemory()))
	w.pingOneStep(workerSecret) // wrong
	w.storeStep(storeName)
	w.salesforceAppStep()
	w.salesforceSecretsStep()
	w.provisioningStep()
	w.communitiesOffStep()
	w.reviewAndCreate(true)

	w.waitFor("PingOne refused the sign-in")
	w.waitFor("┃ The store was not created. What now?")
	w.waitFor("> Fix: " + ui.StepPingOne.String())
	w.send(keyEnter)

	w.answer("Region", "")
	w.answer("How should sfstore sign in to PingOne?", "")
	w.answer(ui.FieldWorkerEnvironment.Label, "")
	w.answer(ui.FieldWorkerClientID.Label, "")
	w.answer(ui.FieldEnvironmentID.Label, "")
	w.waitFor("┃ " + ui.FieldWorkerClientSecret.Label)
	w.send(keyCtrlU, rightSecret, keyEnter)
	w.reviewAndCreate(true)

	_, store := w.requireCreated(sim)
	requireSecrets(t, store.Configuration, clientSecret, accessToken, refreshToken)
	w.requireNoLeak(allSecrets...)
	if strings.Contains(string(w.Raw()), rightSecret) {
		t.Errorf("the worker secret %q appears on screen", rightSecret)
	}
}

// requireCookedMode checks that Run gave the terminal back: the line
// discipline echoes and buffers lines again, as it did before Run.
func (w *wizardPTY) requireCookedMode() {
	w.t.Helper()
	got := make(chan string, 1)
	go func() {
		buf := make([]byte, 64)
		n, err := w.tty.Read(buf)
		if err != nil && !errors.Is(err, io.EOF) {
			got <- "read error: " + err.Error()
			return
		}
		got <- string(buf[:n])
	}()
	w.send("still-usable\r")
	w.waitForWithin("still-usable", 2*time.Second) // echoed
	select {
	case line := <-got:
		if line != "still-usable\n" {
			w.t.Errorf("after Run the tty read %q, want a cooked line %q", line, "still-usable\n")
		}
	case <-time.After(2 * time.Second):
		w.t.Errorf("after Run the tty delivers no line: not back in canonical mode")
	}
}
