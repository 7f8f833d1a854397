//go:build unix

package wizard_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"sfstore/api"
	"sfstore/api/demoorg"
	"sfstore/api/redact"
	"sfstore/api/salesforce"
	"sfstore/api/salesforce/sfsim"
	"sfstore/api/simulator"
	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/cli"
	"sfstore/ui/settings"
)

// Every test secret contains sentinelMarker, so one search finds a leak of
// any of them, or of a part of one longer than the four characters a mask
// shows.
const sentinelMarker = "SENTINEL"

const (
	workerSecret   = "SENTINEL-WORKER-SECRET-41d7c2"
	clientSecret   = "SENTINEL-CLIENT-SECRET-7f3a9c"
	accessToken    = "SENTINEL-ACCESS-TOKEN-b81e44"
	refreshToken   = "SENTINEL-REFRESH-TOKEN-0c95da"
	typedDomain    = "https://Acme.my.salesforce.com/"
	sentDomain     = "acme.my.salesforce.com"
	sfClientID     = "3MVG9pRzvMkjMb6lZlt3YjDQwe.ptytest"
	storeName      = "Salesforce via pty"
	unknownProfile = "00e5g000004ZZZZ" // well formed, unknown to the simulator
)

var allSecrets = []string{workerSecret, clientSecret, accessToken, refreshToken}

// demoAnswers are the starting answers of `sfstore --demo`.
func demoAnswers() settings.Answers {
	a := settings.Defaults()
	a.WorkerEnvironmentID, a.WorkerClientID = simulator.DemoEnvironmentID, simulator.DemoWorkerClientID
	return a
}

// testNet is the wizard's network: PingOne is the simulator on loopback,
// and any other host (the Salesforce org the user typed) is played by a
// simulated org on loopback. Requests meant for a host off this machine are
// recorded, so a test can tell what would have left it.
type testNet struct {
	org       *sfsim.Server
	transport *http.Transport

	mu         sync.Mutex
	offMachine []string // URLs the wizard asked for outside loopback
}

func newTestNet(t *testing.T, org sfsim.Options) *testNet {
	t.Helper()
	return newTestNetWith(t, org)
}

func newTestNetWith(t *testing.T, orgOpts sfsim.Options) *testNet {
	t.Helper()
	org, err := sfsim.Start(orgOpts)
	if err != nil {
		t.Fatalf("start the simulated Salesforce org: %v", err)
	}
	n := &testNet{org: org, transport: &http.Transport{}}
	t.Cleanup(func() {
		n.transport.CloseIdleConnections()
		_ = org.Close()
	})
	return n
}

func (n *testNet) RoundTrip(r *http.Request) (*http.Response, error) {
	if isLoopback(r.URL.Hostname()) {
		return n.transport.RoundTrip(r)
	}
	n.mu.Lock()
	n.offMachine = append(n.offMachine, r.Method+" "+r.URL.Scheme+"://"+r.URL.Host+r.URL.Path)
	n.mu.Unlock()
	org, _ := url.Parse(n.org.URL())
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host, r.Host = org.Scheme, org.Host, ""
	return n.transport.RoundTrip(r)
}

func (n *testNet) client() *http.Client { return &http.Client{Transport: n, Timeout: 10 * time.Second} }

func (n *testNet) leftTheMachine() []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return slices.Clone(n.offMachine)
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
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

// wizardOptions wires the wizard as main does, to the simulator, a
// simulated org and kr.
func wizardOptions(t *testing.T, pingOneURL string, kr *secrets.Keyring) (*wizardSetup, *testNet) {
	return wizardOptionsWith(t, pingOneURL, kr, sfsim.Options{})
}

// wizardOptionsWith is wizardOptions with a simulated org set up by org.
func wizardOptionsWith(t *testing.T, pingOneURL string, kr *secrets.Keyring, org sfsim.Options) (*wizardSetup, *testNet) {
	n := newTestNet(t, org)
	return &wizardSetup{Answers: demoAnswers(), Options: ui.Options{
		APIURL: pingOneURL, AuthURL: pingOneURL,
		HTTPClient: n.client(), Keyring: kr,
		Salesforce: ui.SalesforceOptions{
			LoginURL: n.org.URL(), CallbackPort: salesforce.AnyPort,
			OpenBrowser: n.org.FollowRedirects, HTTPClient: n.client(),
		},
	}}, n
}

// wizardSetup is what a wizard run starts from: its answers and switches.
type wizardSetup struct {
	ui.Options
	Answers settings.Answers
}

func communityProfile(t *testing.T) demoorg.Profile {
	t.Helper()
	for _, p := range demoorg.Profiles {
		if strings.Contains(p.License, "Community") {
			return p
		}
	}
	t.Fatal("demoorg.Profiles has no community profile")
	return demoorg.Profile{}
}

// The walk, step by step, as a user types it. Each answer waits for its
// field to have the focus first.

// pingOneStep keeps the region, the sign-in method and the demo worker app,
// types the worker secret and keeps the preselected target environment.
func (w *wizardPTY) pingOneStep(secret string) {
	w.t.Helper()
	w.pingOneCredentials()
	w.answer(settings.FieldWorkerClientSecret.Label, secret)
	w.answer(settings.FieldEnvironmentID.Label, "")
}

func (w *wizardPTY) pingOneCredentials() {
	w.t.Helper()
	w.answer("Region", "")
	w.answer("How should sfstore sign in to PingOne?", "")
	w.answer(settings.FieldWorkerEnvironment.Label, "")
	w.answer(settings.FieldWorkerClientID.Label, "")
}

// storeStep types a name and keeps every other default.
func (w *wizardPTY) storeStep(name string) {
	w.t.Helper()
	w.answer(settings.FieldName.Label, name)
	w.answer(settings.FieldDescription.Label, "")
	w.answer(settings.FieldImageURL.Label, "")
	w.answer("Create it active?", "")
	w.answer("Deprovision its users if the store is deleted?", "")
}

// salesforceAppStep types the domain and client ID and chooses to paste
// the tokens.
func (w *wizardPTY) salesforceAppStep() {
	w.t.Helper()
	w.answer(settings.FieldSalesforceDomain.Label, typedDomain)
	w.answer(settings.FieldClientID.Label, sfClientID)
	w.waitFor("┃ How do you want to get the OAuth tokens?")
	w.send(keyDown) // the second option
	w.waitFor("> Paste an access token")
	w.send(keyEnter)
}

func (w *wizardPTY) salesforceSecretsStep() {
	w.t.Helper()
	w.answer(settings.FieldClientSecret.Label, clientSecret)
	w.answer(settings.FieldAccessToken.Label, accessToken)
	w.answer(settings.FieldRefreshToken.Label, refreshToken)
}

var provisioningTitles = []string{
	"Create users?", "Update users?", "Disable users?",
	"Provision disabled users?", "Freeze instead of deactivate?", settings.FieldPermissionSets.Label,
}

// provisioningStep keeps all six defaults.
func (w *wizardPTY) provisioningStep() {
	w.t.Helper()
	for _, title := range provisioningTitles {
		w.answer(title, "")
	}
}

// communitiesOffStep keeps Communities off and leaves the profile empty.
func (w *wizardPTY) communitiesOffStep() {
	w.t.Helper()
	w.answer("Provision to Salesforce Communities?", "")
	w.answer(settings.FieldProfileID.Label, "")
}

// walkToReview answers every step with the pasted sentinels and no
// Communities.
func (w *wizardPTY) walkToReview() {
	w.t.Helper()
	w.pingOneStep(workerSecret)
	w.storeStep(storeName)
	w.salesforceAppStep()
	w.salesforceSecretsStep()
	w.provisioningStep()
	w.communitiesOffStep()
}

// reviewAndCreate waits for the review's actions, presses c for Create
// and confirms with y: no test has passed, so Create asks first. The
// keyring choice is one of the actions, so saveQuestion only says whether
// it must be offered.
func (w *wizardPTY) reviewAndCreate(saveQuestion bool) {
	w.t.Helper()
	w.waitFor("Review: this is what will be sent")
	menu := w.waitForSegment("What next?")
	if saveQuestion {
		w.waitFor("s  Save secrets: ")
	}
	_ = menu
	w.waitFor("Cancel: create nothing")
	w.send("c")
	w.waitFor("Press y to create")
	w.send("y")
}

// requireCreated waits for the result card, declines the publish offer and
// checks Run's result against the one store the simulator holds.
func (w *wizardPTY) requireCreated(sim *simulator.Server) (runResult, api.Store) {
	w.t.Helper()
	w.waitFor("Salesforce store created")
	w.answer("Create a propagation revision now?", "")
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
// keystrokes, as `sfstore --demo` runs it, pasting the Salesforce tokens:
// PingOne refuses an unknown profile, the user goes straight back to
// Communities with every answer kept, fixes the profile and creates.
func TestPTYCreateAfterFixingARefusedProfile(t *testing.T) {
	t.Parallel() // each has its own pty, simulator and keyring
	sim := startSimulator(t, simulator.Options{})
	kr := secrets.NewMemory()
	opts, network := wizardOptions(t, sim.URL(), kr)
	// Wire the demo as `sfstore --demo` does, then put this test's
	// simulator and keyring in place of the demo's so the test can look
	// into them; the Salesforce side stays the demo's.
	stop, err := cli.StartDemo(&opts.Options, &opts.Answers, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	opts.APIURL, opts.AuthURL, opts.Keyring = sim.URL(), sim.URL(), kr
	account := demoorg.Accounts[0].ID
	profile := communityProfile(t).ID

	w := startWizard(t, opts)
	w.pingOneStep(workerSecret)
	w.storeStep(storeName)
	w.salesforceAppStep()
	w.salesforceSecretsStep()
	w.provisioningStep()

	w.waitFor("┃ Provision to Salesforce Communities?")
	w.send(keyLeft, keyEnter) // Yes
	w.answer(settings.FieldAccountID.Label, account)
	w.answer(settings.FieldProfileID.Label, unknownProfile)
	w.reviewAndCreate(true)

	w.waitFor("PingOne did not create the store")
	w.waitFor(settings.FieldProfileID.Label)
	w.waitFor("No profile")
	w.waitFor("┃ What now?")
	w.waitFor("> Fix: Communities")
	w.send(keyEnter)

	w.answer("Provision to Salesforce Communities?", "") // still Yes
	w.waitFor("┃ " + settings.FieldAccountID.Label)
	w.waitFor(account) // kept
	w.waitFor("PingOne: No profile")
	w.send(keyEnter)
	w.waitFor("┃ " + settings.FieldProfileID.Label)
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
	for _, mask := range []string{redact.Mask(clientSecret), redact.Mask(accessToken), redact.Mask(refreshToken)} {
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

	// 4. The demo says nothing leaves this machine.
	if off := network.leftTheMachine(); len(off) > 0 {
		t.Errorf("in demo mode the wizard sent requests off this machine (the test's network kept them on loopback):\n  %s",
			strings.Join(off, "\n  "))
	}
}

// TestPTYReusesSecretsFromTheKeyring: with the Salesforce secrets saved for
// the domain and client ID, the wizard offers them masked, skips the secrets
// form when they are reused, and sends them.
func TestPTYReusesSecretsFromTheKeyring(t *testing.T) {
	t.Parallel() // each has its own pty, simulator and keyring
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
	opts, _ := wizardOptions(t, sim.URL(), kr)

	w := startWizard(t, opts)
	w.pingOneStep(workerSecret)
	w.storeStep(storeName)
	w.answer(settings.FieldSalesforceDomain.Label, typedDomain)
	w.answer(settings.FieldClientID.Label, sfClientID)
	w.answer("How do you want to get the OAuth tokens?", "")

	w.waitFor("┃ The keyring has saved secrets for " + sentDomain)
	for _, name := range []secrets.SalesforceSecret{secrets.ClientSecret, secrets.AccessToken, secrets.RefreshToken} {
		w.waitFor(redact.Mask(saved[name]))
	}
	w.waitFor("Type new ones")
	w.send(keyEnter) // Reuse is preselected

	// Each form of the Salesforce step carries the step's title; the offer
	// has none.
	skipped := w.waitForSegment("┃ Create users?")
	if strings.Contains(skipped, settings.StepSalesforce.String()) {
		t.Errorf("the Salesforce step asked more after choosing Reuse:\n%s", skipped)
	}
	w.send(keyEnter)
	for _, title := range provisioningTitles[1:] {
		w.answer(title, "")
	}
	w.communitiesOffStep()
	w.reviewAndCreate(true)

	_, store := w.requireCreated(sim)
	requireSecrets(t, store.Configuration,
		saved[secrets.ClientSecret], saved[secrets.AccessToken], saved[secrets.RefreshToken])
	w.requireNoLeak(append(allSecrets, saved[secrets.ClientSecret], saved[secrets.AccessToken], saved[secrets.RefreshToken])...)
}

// TestPTYCtrlCAtAFormCancels: Ctrl-C at the store name ends Run with
// ErrCancelled at once, creates nothing and gives the terminal back in its
// normal mode.
func TestPTYCtrlCAtAFormCancels(t *testing.T) {
	t.Parallel() // each has its own pty, simulator and keyring
	sim := startSimulator(t, simulator.Options{})
	opts, _ := wizardOptions(t, sim.URL(), secrets.NewMemory())
	w := startWizard(t, opts)
	w.pingOneStep(workerSecret)
	w.waitFor("┃ " + settings.FieldName.Label)
	w.send("half a na")
	w.pressCtrlC()
	if n := len(sim.Stores()); n != 0 {
		t.Errorf("simulator has %d stores after Ctrl-C", n)
	}
	for _, req := range sim.Requests() {
		if req.Method == http.MethodPost && strings.HasSuffix(req.Path, "/propagation/stores") {
			t.Errorf("a create request was sent before the review: %s %s", req.Method, req.Path)
		}
	}
	w.requireCookedMode()
	w.requireNoLeak(allSecrets...)
}

// TestPTYCtrlCDuringTheSubmitSpinnerCancels: Ctrl-C while PingOne is slow
// to answer the create cancels the request and creates nothing.
func TestPTYCtrlCDuringTheSubmitSpinnerCancels(t *testing.T) {
	t.Parallel() // each has its own pty, simulator and keyring
	// Only the create is slow (3 s), so the walk to it stays quick.
	sim := simulator.New(simulator.Options{})
	var creates atomic.Int32
	slowCreate := http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/propagation/stores") {
			creates.Add(1)
			select {
			case <-time.After(3 * time.Second):
			case <-r.Context().Done():
				return // the client gave up: PingOne never sees it
			}
		}
		sim.ServeHTTP(rw, r)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: slowCreate, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })

	opts, _ := wizardOptions(t, "http://"+ln.Addr().String(), secrets.NewMemory())
	w := startWizard(t, opts)
	w.walkToReview()
	w.reviewAndCreate(true)

	w.waitFor("Creating the store in environment")
	w.pressCtrlC()
	// The flow looks instead of guessing: the request never reached the
	// simulator, so it says so.
	if screen := w.screen(); !strings.Contains(screen, "it is safe to run again") {
		t.Errorf("after Ctrl-C the wizard did not say whether the store exists:\n%s", w.tail())
	}
	if creates.Load() != 1 {
		t.Errorf("%d create requests reached the server, want the 1 that Ctrl-C cancelled", creates.Load())
	}
	if n := len(sim.Stores()); n != 0 {
		t.Errorf("simulator has %d stores after Ctrl-C", n)
	}
	w.requireCookedMode()
	w.requireNoLeak(allSecrets...)
}

// TestPTYWithoutAKeyring: when the keyring cannot be used the wizard says so
// once, does not offer to save, and still creates the store.
func TestPTYWithoutAKeyring(t *testing.T) {
	t.Parallel() // each has its own pty, simulator and keyring
	sim := startSimulator(t, simulator.Options{})
	kr := secrets.NewMemory(secrets.WithProbe(func() error {
		return &secrets.UnavailableError{Reason: "no D-Bus session bus", Hint: "run sfstore in a desktop session"}
	}))
	opts, _ := wizardOptions(t, sim.URL(), kr)
	w := startWizard(t, opts)
	w.walkToReview()

	w.waitFor("What next?")
	review := w.waitForSegment("Cancel: create nothing")
	if strings.Contains(review, "Save the secrets") {
		t.Errorf("the review offers to save the secrets without a keyring:\n%s", review)
	}
	w.waitFor("or press t c e a q")
	w.send("c")
	w.waitFor("Press y to create")
	w.send("y")
	_, store := w.requireCreated(sim)
	requireSecrets(t, store.Configuration, clientSecret, accessToken, refreshToken)

	if n := w.count("keyring cannot be used"); n != 1 {
		t.Errorf("the keyring notice was shown %d times, want once", n)
	}
	if n := w.count("no D-Bus session bus"); n != 1 {
		t.Errorf("the reason was shown %d times, want once", n)
	}
	if strings.Contains(w.screen(), "✓ Saved") {
		t.Errorf("the wizard claims to have saved secrets without a keyring")
	}
	w.requireNoLeak(allSecrets...)
}

// TestPTYEditAStepFromTheReviewKeepsTheAnswers: going back to the store step
// from the review and pressing Enter through it changes nothing.
func TestPTYEditAStepFromTheReviewKeepsTheAnswers(t *testing.T) {
	t.Parallel() // each has its own pty, simulator and keyring
	sim := startSimulator(t, simulator.Options{})
	opts, _ := wizardOptions(t, sim.URL(), secrets.NewMemory())
	w := startWizard(t, opts)
	w.walkToReview()

	w.waitFor("Review: this is what will be sent")
	first := w.waitForSegment("What next?")
	w.waitFor("Cancel: create nothing")
	w.send("e")
	w.waitFor("Edit which step?")
	w.send("2") // Store

	w.waitFor("┃ " + settings.FieldName.Label)
	w.waitFor(storeName) // the name is kept in the field
	w.send(keyEnter)
	w.answer(settings.FieldDescription.Label, "")
	w.answer(settings.FieldImageURL.Label, "")
	w.answer("Create it active?", "")
	w.answer("Deprovision its users if the store is deleted?", "")

	w.waitFor("Review: this is what will be sent")
	second := w.waitForSegment("What next?")
	if reviewTable(first) != reviewTable(second) {
		t.Errorf("the review changed after editing nothing:\n--- before ---\n%s\n--- after ---\n%s", reviewTable(first), reviewTable(second))
	}
	if !strings.Contains(second, storeName) {
		t.Errorf("second review lacks the store name:\n%s", second)
	}
	w.waitFor("Cancel: create nothing")
	w.send("c")
	w.waitFor("Press y to create")
	w.send("y")

	_, store := w.requireCreated(sim)
	if store.Name != storeName || store.Status != api.StatusInactive {
		t.Errorf("store name, status = %q, %q; want %q, %q", store.Name, store.Status, storeName, api.StatusInactive)
	}
	requireSecrets(t, store.Configuration, clientSecret, accessToken, refreshToken)
	w.requireNoLeak(allSecrets...)
}

// reviewTable is the review's answers in a segment that ends at its
// actions: what follows its heading.
func reviewTable(segment string) string {
	if i := strings.LastIndex(segment, "(secrets masked)"); i >= 0 {
		segment = segment[i:]
	}
	return strings.TrimSpace(strings.TrimSuffix(segment, "What next?"))
}

// TestPTYWrongWorkerSecretIsFixedInPlace: PingOne refuses the worker
// secret when the wizard lists the environments, at the end of the first
// step; the step is asked again with every answer kept, the user replaces
// the secret, and the store is created with it.
func TestPTYWrongWorkerSecretIsFixedInPlace(t *testing.T) {
	t.Parallel() // each has its own pty, simulator and keyring
	const rightSecret = "SENTINEL-RIGHT-SECRET-e6a5f0"
	a := demoAnswers()
	sim := startSimulator(t, simulator.Options{ClientID: a.WorkerClientID, ClientSecret: rightSecret})
	kr := secrets.NewMemory()
	opts, _ := wizardOptions(t, sim.URL(), kr)
	w := startWizard(t, opts)
	w.pingOneCredentials()
	w.answer(settings.FieldWorkerClientSecret.Label, workerSecret) // wrong

	w.waitFor("PingOne refused the sign-in")
	w.waitFor("invalid_client")
	w.pingOneCredentials()
	w.waitFor("┃ " + settings.FieldWorkerClientSecret.Label)
	w.send(keyCtrlU, rightSecret, keyEnter)
	w.answer(settings.FieldEnvironmentID.Label, "")

	w.storeStep(storeName)
	w.salesforceAppStep()
	w.salesforceSecretsStep()
	w.provisioningStep()
	w.communitiesOffStep()
	w.reviewAndCreate(true)

	_, store := w.requireCreated(sim)
	requireSecrets(t, store.Configuration, clientSecret, accessToken, refreshToken)
	if got := keyringValue(t, kr, secrets.PingOneAccount(a.WorkerEnvironmentID, a.WorkerClientID)); got != rightSecret {
		t.Errorf("keyring worker secret = %q, want the corrected %q", got, rightSecret)
	}
	w.requireNoLeak(append(allSecrets, rightSecret)...)
}

// TestPTYUnknownEnvironmentIsFixedFromTheErrorCard: a target environment
// PingOne does not know gets a 404 at create; "Fix: PingOne connection" is
// preselected, and clearing the typed ID (back to the worker app's
// environment) creates the store.
func TestPTYUnknownEnvironmentIsFixedFromTheErrorCard(t *testing.T) {
	t.Parallel() // each has its own pty, simulator and keyring
	const unknownEnv = "0b9e3c1d-2f4a-4b6c-8d7e-9f0a1b2c3d4e"
	sim := startSimulator(t, simulator.Options{Environments: []string{simulator.DemoEnvironmentID}})
	opts, _ := wizardOptions(t, sim.URL(), secrets.NewMemory())
	w := startWizard(t, opts)
	w.pingOneCredentials()
	w.answer(settings.FieldWorkerClientSecret.Label, workerSecret)
	w.waitFor("┃ " + settings.FieldEnvironmentID.Label)
	w.send("another") // the picker filters; the way out stays listed
	w.waitFor("> Another environment")
	w.send(keyEnter)
	w.answer(settings.FieldEnvironmentID.Label, unknownEnv)
	w.storeStep(storeName)
	w.salesforceAppStep()
	w.salesforceSecretsStep()
	w.provisioningStep()
	w.communitiesOffStep()
	w.waitFor("Review: this is what will be sent")
	w.waitFor(unknownEnv)
	w.waitFor("c  Create the store in environment " + unknownEnv)
	w.waitFor("Cancel: create nothing")
	w.send("c", "y")

	// The same-name check is the first call into the environment, and a
	// failed check stops the create.
	w.waitFor("sfstore could not check for a store with the same name")
	w.waitFor("404")
	w.waitFor("┃ What now?")
	w.waitFor("> Fix: " + settings.StepPingOne.String())
	w.send(keyEnter)

	w.pingOneCredentials()
	w.answer(settings.FieldWorkerClientSecret.Label, "") // kept
	w.waitFor("┃ " + settings.FieldEnvironmentID.Label)
	w.waitFor("> Another environment") // the typed ID is not in the list
	w.send(keyEnter)
	w.waitFor("┃ " + settings.FieldEnvironmentID.Label)
	w.waitFor(unknownEnv) // kept in the field
	w.send(keyCtrlU, keyEnter)
	w.reviewAndCreate(true)

	_, store := w.requireCreated(sim)
	if store.Environment == nil || store.Environment.ID != simulator.DemoEnvironmentID {
		t.Errorf("store environment = %+v, want %s", store.Environment, simulator.DemoEnvironmentID)
	}
	w.requireNoLeak(allSecrets...)
}

// requireCookedMode checks that Run gave the terminal back: the line
// discipline echoes and buffers lines again, as it did before Run, and the
// next line typed reaches whoever reads the terminal next.
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
		w.t.Errorf("after Run the line typed never reached the reader of the tty: something else consumed it")
	}
}
