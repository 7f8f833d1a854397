package cli_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"sfstore/api"
	"sfstore/api/simulator"
	"sfstore/ui/chain"
	"sfstore/ui/cli"
)

// `sfstore doctor STORE` runs here against the PingOne simulator, each
// chain set up with the api calls themselves, as provision would leave it
// or short of one link.

// doctorDoc is `doctor STORE --json`.
type doctorDoc struct {
	Store  struct{ ID, Name string }
	OK     bool
	Checks []struct {
		Check, Status, Evidence, Fix string
	}
	Summary string
}

func (d doctorDoc) line(t *testing.T, check string) (status, evidence, fix string) {
	t.Helper()
	for _, c := range d.Checks {
		if c.Check == check {
			return c.Status, c.Evidence, c.Fix
		}
	}
	t.Fatalf("no check %q in %+v", check, d.Checks)
	return "", "", ""
}

// setup builds the chain through healthyName with the api client: a
// directory store, an active plan, a rule scoped to the default
// population with the given mappings (nil: none), and, with publish, a
// revision.
type setup struct {
	ruleInactive bool
	mappings     []chain.Mapping
	publish      bool
}

func (w *world) client(t *testing.T) *api.Client {
	t.Helper()
	creds := api.Credentials{AuthURL: w.sim.URL(), WorkerEnvironmentID: simulator.DemoEnvironmentID,
		ClientID: "6a4e7e1c-5d0f-4f3e-9a51-2b8f0c7d9e10", ClientSecret: "SENTINEL-WORKER-SECRET-41d7c2"}
	c, err := api.NewClient(w.sim.URL(), api.WithTokenSource(api.NewTokenSource(context.Background(), creds, nil)))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (w *world) provision(t *testing.T, s setup) *api.Rule {
	t.Helper()
	ctx, c, env := context.Background(), w.client(t), simulator.DemoEnvironmentID
	dir, err := c.CreateDirectoryStore(ctx, env, "PingOne Directory")
	if err != nil {
		t.Fatal(err)
	}
	plan, err := c.CreatePlan(ctx, env, &api.PlanRequest{Name: "sfstore", Status: api.PlanStatusActive})
	if err != nil {
		t.Fatal(err)
	}
	rule, err := c.CreateRule(ctx, env, &api.RuleRequest{Name: "PingOne → " + healthyName, Active: !s.ruleInactive,
		PlanID: plan.ID, SourceStoreID: dir.ID, TargetStoreID: healthyID,
		PopulationExpression: api.PopulationExpression(simulator.DemoPopulationEveryoneID)})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range s.mappings {
		if _, err := c.CreateMapping(ctx, env, rule.ID, &api.MappingRequest{Name: m.Target, TargetAttribute: m.Target,
			SourceAttribute: m.Source, Expression: m.Expression}); err != nil {
			t.Fatalf("mapping %s: %v", m, err)
		}
	}
	if s.publish {
		if _, err := c.CreateRevision(ctx, env); err != nil {
			t.Fatal(err)
		}
	}
	return rule
}

// doctor runs `doctor healthyName --json` and reads its document.
func (w *world) doctor(t *testing.T, wantExit int) doctorDoc {
	t.Helper()
	out, errOut, err := w.run(t, nil, "doctor", healthyName, "--json")
	requireExit(t, err, wantExit, errOut+out)
	var d doctorDoc
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("doctor --json: %v\n%s", err, out)
	}
	if d.Store.ID != healthyID || d.OK != (wantExit == 0) || d.Summary == "" || len(d.Checks) != 12 {
		t.Errorf("doctor --json: store %+v, ok %v, %d checks, summary %q", d.Store, d.OK, len(d.Checks), d.Summary)
	}
	return d
}

// ticking is a simulator clock a second later at each reading, so that a
// change made after a revision is dated after it, however fast the test.
func ticking() func() time.Time {
	var n atomic.Int64
	start := time.Now().Add(-time.Hour)
	return func() time.Time { return start.Add(time.Duration(n.Add(1)) * time.Second) }
}

func defaults(t *testing.T, w *world) []chain.Mapping {
	t.Helper()
	return chain.Defaults(w.stored(t, healthyID).Configuration)
}

func TestDoctorStorePassesAfterAGoodProvision(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	w.provision(t, setup{mappings: defaults(t, w), publish: true})
	d := w.doctor(t, 0)
	for _, c := range d.Checks {
		if c.Status != "PASS" {
			t.Errorf("%s: %s %s → %s", c.Check, c.Status, c.Evidence, c.Fix)
		}
	}
	if _, ev, _ := d.line(t, "Sync"); !strings.Contains(ev, "4 synced, 0 failed of 4") {
		t.Errorf("sync: %s", ev)
	}
	if _, ev, _ := d.line(t, "Mappings"); !strings.Contains(ev, "user attributes of the store metadata") {
		t.Errorf("the mappings were not checked against the metadata: %s", ev)
	}
	if n := len(w.sim.RequestsWith("PUT")) + len(w.sim.RequestsWith("DELETE")); n != 0 {
		t.Errorf("doctor changed %d things", n)
	}

	out, errOut, err := w.run(t, nil, "doctor", healthyName)
	requireExit(t, err, 0, errOut)
	if !strings.Contains(out, "PASS Rule: PingOne → Salesforce production") || !strings.Contains(out, "Every check passes.") {
		t.Errorf("doctor:\n%s", out)
	}
}

func TestDoctorStoreNamesTheMissingLinkAndItsFix(t *testing.T) {
	const provision = `sfstore provision "Salesforce production"`
	tests := []struct {
		name  string
		setup func(t *testing.T, w *world)
		check string
		says  string
		fix   string
	}{
		{"no rule", func(*testing.T, *world) {}, "Rule", "no propagation rule targets this store", provision},
		{"an inactive rule", func(t *testing.T, w *world) {
			w.provision(t, setup{ruleInactive: true, mappings: defaults(t, w), publish: true})
		}, "Rule active and scoped", "is inactive", provision},
		{"no mappings", func(t *testing.T, w *world) { w.provision(t, setup{publish: true}) },
			"Mappings", "no attribute mappings", provision},
		{"an unpublished change", func(t *testing.T, w *world) {
			w.provision(t, setup{mappings: defaults(t, w)})
		}, "Published", "nothing was ever published", "sfstore publish"},
		{"a change after the revision", func(t *testing.T, w *world) {
			rule := w.provision(t, setup{mappings: defaults(t, w), publish: true})
			if _, err := w.client(t).CreateMapping(context.Background(), simulator.DemoEnvironmentID, rule.ID,
				&api.MappingRequest{Name: "Title", TargetAttribute: "Title", SourceAttribute: "title"}); err != nil {
				t.Fatal(err)
			}
		}, "Published", "): 1 mapping", "sfstore publish"},
		{"a failed sync", func(t *testing.T, w *world) {
			w.provision(t, setup{mappings: chain.Merge(defaults(t, w), []chain.Mapping{{Target: "Username", Source: "username"}}), publish: true})
		}, "Sync", "INVALID_EMAIL_ADDRESS", `sfstore provision "Salesforce production" --map Username=email`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t, simulator.Options{Now: ticking()})
			tt.setup(t, w)
			d := w.doctor(t, 1)
			status, ev, fix := d.line(t, tt.check)
			if status != "FAIL" || !strings.Contains(ev, tt.says) || fix != tt.fix {
				t.Errorf("%s: %s %q → %q; want FAIL with %q → %q", tt.check, status, ev, fix, tt.says, tt.fix)
			}
		})
	}
}

func TestDoctorStoreOfAFailedSessionPointsToReconnect(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	out, errOut, err := w.run(t, nil, "doctor", failedName)
	requireExit(t, err, 1, errOut)
	for _, want := range []string{"FAIL Connection test", "INVALID_SESSION_ID", `→ sfstore reconnect "Salesforce partner community"`,
		"FAIL Sync", "checks fail"} {
		if !strings.Contains(out, want) {
			t.Errorf("doctor lacks %q:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if w := len([]rune(line)); w > 80 && !strings.Contains(line, "→ sfstore") {
			t.Errorf("line wider than 80 (%d): %q", w, line)
		}
	}
}

func TestDoctorStoreWithoutTheRoleSaysSo(t *testing.T) {
	w := newWorld(t, simulator.Options{DenyStores: true})
	out, errOut, err := w.run(t, nil, "doctor", healthyName, "--json")
	requireExit(t, err, 1, errOut)
	var d doctorDoc
	if err := json.Unmarshal([]byte(out), &d); err != nil || len(d.Checks) != 1 {
		t.Fatalf("doctor --json: %v\n%s", err, out)
	}
	if status, ev, fix := d.line(t, "Worker role"); status != "FAIL" || !strings.Contains(ev, "403") || !strings.Contains(fix, "Environment Admin") {
		t.Errorf("role: %s %q → %q", status, ev, fix)
	}
}

func TestDoctorStoreWithMaskedSecretsAndNoKeyringWarnsThatTheTestDidNotRun(t *testing.T) {
	w := newWorld(t, simulator.Options{MaskSecretsOnRead: true})
	w.provision(t, setup{mappings: defaults(t, w), publish: true})
	d := w.doctor(t, 0)
	status, ev, fix := d.line(t, "Connection test")
	if status != "WARN" || !strings.Contains(ev, "SALESFORCE_CLIENT_SECRET") || fix != `sfstore reconnect "Salesforce production"` {
		t.Errorf("connection: %s %q → %q", status, ev, fix)
	}
	if _, ev, _ := d.line(t, "Mappings"); !strings.Contains(ev, "the store metadata was not read, as the connection test did not run") {
		t.Errorf("mappings: %s", ev)
	}
}

func TestDoctorStoreTakesAtMostOneStore(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	_, errOut, err := w.run(t, nil, "doctor", "a", "b")
	requireExit(t, err, 2, errOut)
	_, errOut, err = w.run(t, nil, "doctor", "Salesforce nowhere")
	requireExit(t, err, 1, errOut)
	if !strings.Contains(errOut, "No such store") {
		t.Errorf("stderr:\n%s", errOut)
	}
}

func TestShowSaysWhatProvisionsThroughTheStore(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	out, errOut, err := w.run(t, nil, "show", healthyName)
	requireExit(t, err, 0, errOut)
	for _, want := range []string{"Provisioning", "Nothing provisions through this store", `sfstore provision "Salesforce production"`} {
		if !strings.Contains(out, want) {
			t.Errorf("show without a rule lacks %q:\n%s", want, out)
		}
	}
	rule := w.provision(t, setup{mappings: defaults(t, w), publish: true})
	out, errOut, err = w.run(t, nil, "show", healthyName)
	requireExit(t, err, 0, errOut)
	for _, want := range []string{"Rule PingOne → Salesforce production: active, 9 mappings, published; population Everyone; last sync", rule.ID} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
			t.Errorf("show after a provision lacks %q:\n%s", want, out)
		}
	}
	out, errOut, err = w.run(t, nil, "show", healthyName, "--json")
	requireExit(t, err, 0, errOut)
	var got struct {
		Provisioning struct {
			Rules []struct {
				ID, Published string
				Active        bool
				Mappings      int
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got.Provisioning.Rules) != 1 {
		t.Fatalf("show --json: %v\n%s", err, out)
	}
	if r := got.Provisioning.Rules[0]; r.ID != rule.ID || !r.Active || r.Mappings != 9 || r.Published != "published" {
		t.Errorf("provisioning = %+v", r)
	}
}

// PingOne's names reach --json inert too: JSON escapes ESC and BEL, but a
// bidi override or a zero-width space would still reorder or hide text
// when the document is printed.
func TestShowAndDoctorJSONMakeARulesTextInert(t *testing.T) {
	w := newWorld(t, simulator.Options{})
	const hostile = "Rule \x1b]8;;https://evil.example\x07click\x1b]8;;\x07 \u202egnp.exe\u200b \x1b[2J"
	ctx, c, env := context.Background(), w.client(t), simulator.DemoEnvironmentID
	dir, err := c.CreateDirectoryStore(ctx, env, "PingOne Directory")
	if err != nil {
		t.Fatal(err)
	}
	plan, err := c.CreatePlan(ctx, env, &api.PlanRequest{Name: "sfstore", Status: api.PlanStatusActive})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateRule(ctx, env, &api.RuleRequest{Name: hostile, Active: true, PlanID: plan.ID,
		SourceStoreID: dir.ID, TargetStoreID: healthyID,
		PopulationExpression: `email ew "` + hostile + `"`}); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"show", healthyName, "--json"}, {"doctor", healthyName, "--json"},
		{"show", healthyName}, {"doctor", healthyName}} {
		out, _, _ := w.run(t, nil, args...)
		if !strings.Contains(out, "gnp.exe") {
			t.Errorf("%s lacks the rule:\n%s", strings.Join(args, " "), out)
		}
		for _, bad := range []string{"\x1b", `\u001b`, "\u202e", "\u200b", "\x07", `\u0007`} {
			if strings.Contains(out, bad) {
				t.Errorf("%s prints %q:\n%s", strings.Join(args, " "), bad, out)
			}
		}
	}
}

func TestDoctorHelpExplainsTheStoreTheChecksAndTheExitStatus(t *testing.T) {
	out, _, err := runCLI(t, cli.Deps{}, nil, "doctor", "--help")
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{"sfstore doctor [STORE] [flags]", "With a STORE (its name or ID)", "PASS, WARN or FAIL",
		"Exit status: 0 when nothing fails", "1 when a check fails", "2 for a usage error", "130 when interrupted",
		`sfstore doctor --demo "Salesforce partner community"`} {
		if !strings.Contains(flat, want) {
			t.Errorf("doctor --help lacks %q:\n%s", want, out)
		}
	}
}
