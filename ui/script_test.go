package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"

	"sfstore/api"
	"sfstore/api/redact"
	"sfstore/api/simulator"
	"sfstore/secrets"
	"sfstore/ui/settings"
	"sfstore/ui/settings/settingstest"
)

const (
	sentinelWorker  = settingstest.WorkerSecret
	sentinelClient  = settingstest.ClientSecret
	sentinelAccess  = settingstest.AccessToken
	sentinelRefresh = settingstest.RefreshToken
)

var sentinels = []string{sentinelWorker, sentinelClient, sentinelAccess, sentinelRefresh}

// scriptRun runs a --no-input run against a simulator and returns what it
// printed on stdout and stderr.
type scriptRun struct {
	sim      *simulator.Server
	answers  settings.Answers
	opts     Options
	save     bool // --save-secrets
	out, err bytes.Buffer

	failListsAfter int             // see refuseCreates
	ctx            context.Context // the run's; Background when nil

}

func newScriptRun(t *testing.T, simOpts simulator.Options) *scriptRun {
	t.Helper()
	sim, err := simulator.Start(simOpts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sim.Close)
	r := &scriptRun{sim: sim}
	a := settings.Defaults()
	a.WorkerEnvironmentID, a.WorkerClientID = simulator.DemoEnvironmentID, simulator.DemoWorkerClientID
	a.WorkerClientSecret = sentinelWorker
	a.Name = "Salesforce production"
	a.SalesforceDomain = "acme.my.salesforce.com"
	a.ClientID = "3MVG9consumerKey"
	a.ClientSecret, a.SalesforceAccessToken, a.SalesforceRefreshToken = sentinelClient, sentinelAccess, sentinelRefresh
	r.answers = a
	r.opts = Options{APIURL: sim.URL(), AuthURL: sim.URL(), Keyring: secrets.NewMemory(), NoInput: true}
	return r
}

func (r *scriptRun) run(t *testing.T) (*api.Store, error) {
	t.Helper()
	r.out.Reset()
	r.err.Reset()
	ctx := r.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	s := NewSession(ctx, r.answers, r.opts, Streams{Out: &r.out, Err: &r.err, OutWidth: 80, ErrWidth: 80})
	s.Answers.SaveSecrets = r.save
	store, err := Create(ctx, s, NewScript(s))
	requireNoSecrets(t, r.out.String()+r.err.String(), sentinels...)
	if err != nil {
		requireNoSecrets(t, err.Error(), sentinels...)
	}
	return store, err
}

func TestNoInputListsEveryMissingValueWithWhatSuppliesIt(t *testing.T) {
	r := newScriptRun(t, simulator.Options{})
	r.answers = settings.Defaults()
	_, err := r.run(t)
	var ie *settings.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v, want an InputError", err)
	}
	msg := err.Error()
	for _, want := range []string{"env PINGONE_ENVIRONMENT_ID", "env PINGONE_CLIENT_ID", "env PINGONE_CLIENT_SECRET",
		"--name", "--salesforce-domain", "--client-id",
		"env SALESFORCE_CLIENT_SECRET", "env SALESFORCE_ACCESS_TOKEN", "env SALESFORCE_REFRESH_TOKEN"} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing-values message lacks %q:\n%s", want, msg)
		}
	}
	if n := len(r.sim.Requests()); n != 0 {
		t.Errorf("a run with missing values sent %d requests", n)
	}
}

func TestDryRunSendsNothingAndPrintsTheMaskedRequestAndCurl(t *testing.T) {
	r := newScriptRun(t, simulator.Options{})
	r.opts.DryRun = true
	r.answers.WorkerClientSecret = "" // a dry run signs in nowhere
	store, err := r.run(t)
	if err != nil || store != nil {
		t.Fatalf("dry run = %v, %v", store, err)
	}
	if n := len(r.sim.Requests()); n != 0 {
		t.Fatalf("dry run sent %d requests", n)
	}
	out := r.out.String()
	for _, want := range []string{"POST " + r.sim.URL() + "/v1/environments/", "Authorization: Bearer ••••",
		`"CLIENT_SECRET": "••••3a9c"`, "curl ", "env.SALESFORCE_CLIENT_SECRET", "env.PINGONE_CLIENT_SECRET",
		"--arg id '6a4e7e1c-5d0f-4f3e-9a51-2b8f0c7d9e10'", "# status is not sent", "# managed is not sent"} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run output lacks %q:\n%s", want, out)
		}
	}
	script := out[strings.Index(out, "# The same request"):]
	if msg, err := exec.Command("bash", "-n", "-c", script).CombinedOutput(); err != nil {
		t.Errorf("the curl commands do not parse: %v\n%s\n%s", err, msg, script)
	}
}

func TestJSONAndDebugOutputCarryNoSecret(t *testing.T) {
	r := newScriptRun(t, simulator.Options{})
	r.opts.JSON = true
	r.opts.Debug = &r.err
	r.opts.TestConnection, r.opts.Publish, r.save = true, true, true
	store, err := r.run(t)
	if err != nil {
		t.Fatalf("run: %v\nstderr:\n%s", err, r.err.String())
	}
	var printed api.Store
	if err := json.Unmarshal(r.out.Bytes(), &printed); err != nil {
		t.Fatalf("stdout is not the store as JSON: %v\n%s", err, r.out.String())
	}
	if printed.ID != store.ID || printed.Configuration.ClientSecret != redact.Mask(sentinelClient) {
		t.Fatalf("printed store = %+v", printed)
	}
	trace := r.err.String()
	for _, want := range []string{"/as/token", "/connection/status", "/propagation/stores", "/propagation/revisions", "201 Created"} {
		if !strings.Contains(trace, want) {
			t.Errorf("debug trace lacks %q", want)
		}
	}
	got, err := r.opts.Keyring.Get(context.Background(), secrets.SalesforceAccount("acme.my.salesforce.com", "3MVG9consumerKey", secrets.RefreshToken))
	if err != nil || got != sentinelRefresh {
		t.Fatalf("--save-secrets: keyring has %q, %v", redact.Mask(got), err)
	}
}

func TestJSONPrintsPingOneErrorAndExitsFailed(t *testing.T) {
	r := newScriptRun(t, simulator.Options{})
	r.opts.JSON = true
	r.answers.ProfileID = "00e5g000004ZZZZ" // well formed, unknown to the demo org
	_, err := r.run(t)
	var apiErr *api.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 {
		t.Fatalf("err = %v, want PingOne's 400", err)
	}
	var printed jsonError
	if err := json.Unmarshal(r.out.Bytes(), &printed); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, r.out.String())
	}
	e := printed.Error
	if e.Status != 400 || e.Code != "INVALID_DATA" || len(e.Details) != 1 || e.Details[0].Target != "configuration.PROFILE_ID" || e.CorrelationID == "" {
		t.Fatalf("printed error = %+v", e)
	}
}

func TestFailedConnectionTestCreatesNothing(t *testing.T) {
	r := newScriptRun(t, simulator.Options{})
	r.opts.TestConnection = true
	r.answers.SalesforceDomain = "acme.example.com"
	_, err := r.run(t)
	if err == nil || !strings.Contains(err.Error(), "test connection") {
		t.Fatalf("err = %v, want the connection test's failure", err)
	}
	if n := len(r.sim.Stores()); n != 0 {
		t.Fatalf("%d stores created after a failed connection test", n)
	}
}

func TestDuplicateNameIsRefusedUnlessAllowed(t *testing.T) {
	seed := api.Store{ID: "11111111-2222-4333-8444-555555555555", Type: "Salesforce", Name: "Salesforce production", Status: "ACTIVE"}
	r := newScriptRun(t, simulator.Options{SeedStores: []api.Store{seed}})
	_, err := r.run(t)
	var dup *DuplicateError
	if !errors.As(err, &dup) || dup.ID != seed.ID {
		t.Fatalf("err = %v, want a DuplicateError naming %s", err, seed.ID)
	}
	before := len(r.sim.Stores())
	r.opts.AllowDuplicateName = true
	if _, err := r.run(t); err != nil {
		t.Fatalf("with --allow-duplicate-name: %v", err)
	}
	if after := len(r.sim.Stores()); after != before+1 {
		t.Fatalf("stores %d → %d, want one more", before, after)
	}
}

func TestSecretsComeFromTheKeyringWhenNothingElseGivesThem(t *testing.T) {
	r := newScriptRun(t, simulator.Options{})
	ctx := context.Background()
	for name, v := range map[secrets.SalesforceSecret]string{secrets.ClientSecret: sentinelClient, secrets.AccessToken: sentinelAccess, secrets.RefreshToken: sentinelRefresh} {
		if err := r.opts.Keyring.Set(ctx, secrets.SalesforceAccount("acme.my.salesforce.com", "3MVG9consumerKey", name), v); err != nil {
			t.Fatal(err)
		}
	}
	r.answers.ClientSecret, r.answers.SalesforceAccessToken, r.answers.SalesforceRefreshToken = "", "", ""
	if _, err := r.run(t); err != nil {
		t.Fatalf("run: %v", err)
	}
	got := r.sim.Stores()[0].Configuration
	if got.ClientSecret != sentinelClient || got.OAuthAccessToken != sentinelAccess || got.OAuthRefreshToken != sentinelRefresh {
		t.Fatal("the store does not carry the secrets saved in the keyring")
	}
}

func TestUnavailableKeyringIsSaidOnceAndNothingIsSaved(t *testing.T) {
	r := newScriptRun(t, simulator.Options{})
	r.opts.Keyring = secrets.NewMemory(secrets.WithProbe(func() error {
		return &secrets.UnavailableError{Reason: "no D-Bus session bus", Hint: "start gnome-keyring"}
	}))
	r.save = true
	r.answers.ClientSecret = ""
	_, err := r.run(t)
	if err == nil || !strings.Contains(err.Error(), "SALESFORCE_CLIENT_SECRET") {
		t.Fatalf("err = %v, want the missing client secret listed", err)
	}
	if c := strings.Count(r.err.String(), "keyring cannot be used"); c != 1 {
		t.Fatalf("keyring notice shown %d times:\n%s", c, r.err.String())
	}
}

func TestARefusedScriptedCreateNamesTheFieldAndPingOnesIDs(t *testing.T) {
	r := newScriptRun(t, simulator.Options{})
	r.answers.ProfileID = "00e5g000004ZZZZ" // well formed, unknown to the demo org
	_, err := r.run(t)
	var shown *ShownError
	if !errors.As(err, &shown) {
		t.Fatalf("err = %v, want the failure shown in full", err)
	}
	var apiErr *api.Error
	if !errors.As(err, &apiErr) || apiErr.ID == "" || apiErr.CorrelationID == "" {
		t.Fatalf("err = %v, want PingOne's error with its IDs", err)
	}
	report := r.err.String()
	for _, want := range []string{"PingOne did not create the store", "Profile ID", "INVALID_DATA",
		"Error ID", apiErr.ID, "Correlation-Id", apiErr.CorrelationID} {
		if !strings.Contains(report, want) {
			t.Errorf("stderr lacks %q:\n%s", want, report)
		}
	}
	if strings.ContainsAny(report, "╭│╰") {
		t.Errorf("a script's report is drawn as a box:\n%s", report)
	}
}

func TestAFailedDuplicateCheckStopsTheCreateOnBothPaths(t *testing.T) {
	r := newScriptRun(t, simulator.Options{})
	// A 500, which a read does not try again: the list, the first API call.
	f := simulator.Failures["500"]
	r.sim.FailWith(f.Status, f.ContentType, f.Body)
	_, err := r.run(t)
	if err == nil || !strings.Contains(r.err.String(), "could not check for a store with the same name") {
		t.Fatalf("err = %v; stderr:\n%s", err, r.err.String())
	}
	if n := len(r.sim.Stores()); n != 0 {
		t.Fatalf("%d stores created without the duplicate check", n)
	}
}

// requireNoSecrets fails when any secret appears in out.
func requireNoSecrets(t *testing.T, out string, secrets ...string) {
	t.Helper()
	for _, s := range append(secrets, settingstest.Marker) {
		if s != "" && strings.Contains(out, s) {
			t.Errorf("secret %q appears in clear in:\n%s", s, out)
		}
	}
}

// TestNothingFromPingOneReachesTheTerminalAsControl: a name with escape
// sequences is refused from a flag or file, and a created store, an error
// and their details that carry them from the server reach the output
// inert: no ESC and no other control character is printed.
func TestNothingFromPingOneReachesTheTerminalAsControl(t *testing.T) {
	const evil = "\x1b]0;pwned\x07\x1b[2J\x1b]8;;https://evil.example\x07click\x1b]8;;\x07\u009b31m"
	r := newScriptRun(t, simulator.Options{})
	r.answers.Name = "Store " + evil
	var ie *settings.InputError
	if _, err := r.run(t); !errors.As(err, &ie) || !strings.Contains(err.Error(), "Store name: contains a control character") {
		t.Fatalf("a name with escapes: %v", err)
	}

	r.answers.Name = "Plain"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Method != http.MethodPost || !strings.HasSuffix(req.URL.Path, "/propagation/stores") {
			r.sim.ServeHTTP(w, req)
			return
		}
		rec := httptest.NewRecorder()
		r.sim.ServeHTTP(rec, req)
		var store map[string]any
		_ = json.Unmarshal(rec.Body.Bytes(), &store)
		store["name"], store["description"] = "Store "+evil, evil
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(rec.Code)
		_ = json.NewEncoder(w).Encode(store)
	}))
	defer srv.Close()
	r.opts.APIURL, r.opts.AuthURL = srv.URL, srv.URL
	if _, err := r.run(t); err != nil {
		t.Fatalf("run: %v\n%s", err, r.err.String())
	}
	requireInert(t, r.out.String()+r.err.String())

	r.sim.FailWith(400, "application/json", `{"id":"e1","code":"INVALID_DATA","message":"bad `+jsonEscape(evil)+`",
	  "details":[{"code":"INVALID_VALUE","target":"name","message":"no `+jsonEscape(evil)+`"}]}`)
	r.answers.Name = "Another"
	if _, err := r.run(t); err == nil {
		t.Fatal("the refused create succeeded")
	}
	requireInert(t, r.out.String()+r.err.String())
	if !strings.Contains(r.err.String(), "click") {
		t.Errorf("the text around the sequences is gone:\n%s", r.err.String())
	}
}

func jsonEscape(s string) string {
	b, _ := json.Marshal(s)
	return string(b[1 : len(b)-1])
}

func requireInert(t *testing.T, out string) {
	t.Helper()
	for _, r := range out {
		if r != '\n' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f)) {
			t.Fatalf("control character %U reached the output:\n%q", r, out)
		}
	}
}

func TestUnpublishedCreateSaysHowToPublish(t *testing.T) {
	r := newScriptRun(t, simulator.Options{})
	if _, err := r.run(t); err != nil {
		t.Fatalf("run: %v\nstderr:\n%s", err, r.err.String())
	}
	if !strings.Contains(r.err.String(), "Not published yet") || !strings.Contains(r.err.String(), "`sfstore publish`") {
		t.Fatalf("stderr lacks the publish hint:\n%s", r.err.String())
	}
	r.opts.Publish = true
	r.answers.Name = "Salesforce staging"
	if _, err := r.run(t); err != nil {
		t.Fatalf("run with --publish: %v\nstderr:\n%s", err, r.err.String())
	}
	if strings.Contains(r.err.String(), "Not published") || !strings.Contains(r.err.String(), "Revision created") {
		t.Fatalf("with --publish, stderr reads:\n%s", r.err.String())
	}
}

func TestScriptTaskTitleIsInert(t *testing.T) {
	const evil = "\x1b]0;pwned\x07\x1b[2J"
	var out bytes.Buffer
	s := NewSession(context.Background(), settings.Defaults(), Options{NoInput: true}, Streams{Out: &out, Err: &out})
	if err := NewScript(s).Task(context.Background(), "Reading the store "+evil, func(context.Context) error { return nil }); err != nil {
		t.Fatal(err)
	}
	requireInert(t, out.String())
	if !strings.Contains(out.String(), "Reading the store") {
		t.Errorf("the title is gone: %q", out.String())
	}
}

func TestSayWrapsBetweenWordsAndIsInert(t *testing.T) {
	var out bytes.Buffer
	s := NewSession(context.Background(), settings.Defaults(), Options{NoInput: true}, Streams{Out: &out, Err: io.Discard, OutWidth: 40})
	id := "8a2a220b-f5db-47c0-97f7-ab46430d2872"
	if err := s.Say(s.OutStyles.OK, "✓ Revision created (id "+id+"): the admin console shows the stores \x1b[2J as the API left them."); err != nil {
		t.Fatal(err)
	}
	requireInert(t, out.String())
	for _, l := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		if n := utf8.RuneCountInString(l); n > 40 {
			t.Errorf("line of %d columns at width 40: %q", n, l)
		}
	}
	if !strings.Contains(out.String(), id) {
		t.Errorf("the ID was split:\n%s", out.String())
	}
}
