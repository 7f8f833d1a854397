package stores

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"sfstore/api"
	"sfstore/api/salesforce/sfsim"
	"sfstore/api/simulator"
	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/settings"
	"sfstore/ui/settings/settingstest"
)

// The commands run here in-process against the PingOne simulator and a
// simulated Salesforce org on loopback, with a keyring in memory. Every
// secret is a sentinel carrying settingstest.Marker, and every run's
// output is scanned for one.

const (
	healthyID   = simulator.DemoStoreProductionID
	healthyName = simulator.DemoStoreProductionName
	failedID    = simulator.DemoStoreCommunityID // its sync FAILED: its session expired
	failedName  = simulator.DemoStoreCommunityName

	oldAccess  = "SENTINEL-OLD-ACCESS-TOKEN-5e11aa" // the failed store's dead session
	newAccess  = "SENTINEL-NEW-ACCESS-TOKEN-c0ffee" // what a reconnect brings
	newRefresh = "SENTINEL-NEW-REFRESH-TOKEN-beef01"
)

// seeded are the demo's two stores with sentinel secrets, the failed one's
// session one Salesforce no longer accepts.
func seeded() []api.Store {
	stores := simulator.DemoStores(time.Now())
	for i := range stores {
		c := &stores[i].Configuration
		c.ClientSecret, c.OAuthAccessToken, c.OAuthRefreshToken = settingstest.ClientSecret, settingstest.AccessToken, settingstest.RefreshToken
	}
	stores[1].Configuration.OAuthAccessToken = oldAccess
	return stores
}

// bench is a PingOne simulator, a Salesforce org that takes newAccess and
// a keyring, shared by the runs of one test.
type bench struct {
	sim *simulator.Server
	org *sfsim.Server
	kr  *secrets.Keyring
}

func newBench(t *testing.T, opts simulator.Options) *bench {
	t.Helper()
	if opts.SeedStores == nil {
		opts.SeedStores = seeded()
	}
	opts.ExpiredAccessTokens = append(opts.ExpiredAccessTokens, oldAccess)
	sim, err := simulator.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sim.Close)
	org, err := sfsim.Start(sfsim.Options{AccessTokens: []string{newAccess}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = org.Close() })
	return &bench{sim: sim, org: org, kr: secrets.NewMemory()}
}

// run is one command's session and what it wrote.
type run struct {
	s        *ui.Session
	out, err bytes.Buffer
}

// session is a run without a terminal, signed in with the sentinel worker
// secret; change adjusts its answers and options first.
func (b *bench) session(t *testing.T, change func(*settings.Answers, *ui.Options)) *run {
	t.Helper()
	a := settings.Defaults()
	a.WorkerEnvironmentID, a.WorkerClientID = simulator.DemoEnvironmentID, simulator.DemoWorkerClientID
	a.WorkerClientSecret = settingstest.WorkerSecret
	opts := ui.Options{APIURL: b.sim.URL(), AuthURL: b.sim.URL(), Keyring: b.kr, NoInput: true,
		Salesforce: ui.SalesforceOptions{LoginURL: b.org.URL(), InstanceURL: b.org.URL()}}
	if change != nil {
		change(&a, &opts)
	}
	r := &run{}
	r.s = ui.NewSession(context.Background(), a, opts, ui.Streams{Out: &r.out, Err: &r.err, OutWidth: 80, ErrWidth: 80})
	t.Cleanup(func() { r.requireNoLeak(t) })
	return r
}

// requireNoLeak fails the test when any output holds a sentinel secret, or
// a piece of one longer than a mask's last four.
func (r *run) requireNoLeak(t *testing.T) {
	t.Helper()
	all := r.out.String() + r.err.String()
	for _, secret := range []string{settingstest.WorkerSecret, settingstest.ClientSecret, settingstest.AccessToken,
		settingstest.RefreshToken, oldAccess, newAccess, newRefresh} {
		for _, piece := range []string{secret, secret[:len(secret)-4]} {
			if strings.Contains(all, piece) {
				t.Errorf("a secret (%s…) shows in the output:\n%s", secret[:12], all)
			}
		}
	}
}

// stored is the simulator's copy of store id.
func (b *bench) stored(t *testing.T, id string) (api.Store, bool) {
	t.Helper()
	for _, st := range b.sim.Stores() {
		if st.ID == id {
			return st, true
		}
	}
	return api.Store{}, false
}

// asker is a Prompter that answers as a person at a terminal would, from
// what the test set; what it is not told, it answers as a script.
type asker struct {
	*Script
	choose     func([]api.Store) api.Store // ChooseStore's choice
	confirm    map[string]bool             // Confirm's answer by title
	asked      []string                    // the titles Confirm was asked
	secrets    map[*settings.Field]string  // AskSecrets' answers
	askedFor   []*settings.Field
	deleteOK   bool // ConfirmDelete: the name was typed
	candidates int  // how many stores ChooseStore was offered
}

func newAsker(r *run) *asker {
	return &asker{Script: NewScript(r.s, false), confirm: map[string]bool{}, secrets: map[*settings.Field]string{}}
}

func (p *asker) ChooseStore(_ context.Context, _ string, candidates []api.Store) (api.Store, error) {
	p.candidates = len(candidates)
	return p.choose(candidates), nil
}

func (p *asker) Confirm(_ context.Context, q Question) (bool, error) {
	p.asked = append(p.asked, q.Title)
	return p.confirm[q.Title], nil
}

func (p *asker) ConfirmDelete(context.Context, api.Store, string) error {
	if !p.deleteOK {
		return ui.ErrCancelled
	}
	return nil
}

func (p *asker) AskSecrets(_ context.Context, fields []*settings.Field, _ string) error {
	p.askedFor = append(p.askedFor, fields...)
	for _, f := range fields {
		if v, ok := p.secrets[f]; ok {
			if err := f.Set(p.s.Answers, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// apiRequests are the requests of method to PingOne's API (not its token
// endpoint).
func (b *bench) apiRequests(method string) []simulator.RecordedRequest {
	var out []simulator.RecordedRequest
	for _, r := range b.sim.RequestsWith(method) {
		if strings.HasPrefix(r.Path, "/v1/") {
			out = append(out, r)
		}
	}
	return out
}

// saveApp puts the sentinel secrets of store id's app in the keyring, as
// sfstore saves them at creation.
func (b *bench) saveApp(t *testing.T, id string) settings.Answers {
	t.Helper()
	st, ok := b.stored(t, id)
	if !ok {
		t.Fatalf("no store %s", id)
	}
	a := settings.FromStore(st)
	values := []string{settingstest.ClientSecret, settingstest.AccessToken, settingstest.RefreshToken}
	for i, w := range ui.SalesforceSecrets(a) {
		if err := b.kr.Set(context.Background(), w.Account, values[i]); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// savedCount is how many of a's app secrets the keyring holds.
func (b *bench) savedCount(t *testing.T, a settings.Answers) int {
	t.Helper()
	n := 0
	for _, w := range ui.SalesforceSecrets(a) {
		if _, err := b.kr.Get(context.Background(), w.Account); err == nil {
			n++
		}
	}
	return n
}

// flat is text with its line breaks and runs of space made one space, to
// find a sentence the width wrapped.
func flat(text string) string { return strings.Join(strings.Fields(text), " ") }
