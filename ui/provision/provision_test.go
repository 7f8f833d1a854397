package provision

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"sfstore/api"
	"sfstore/ui"
)

func wait2m() Options { return Options{Watch: Watch{Wait: 2 * time.Minute}} }

func decode(t *testing.T, r run) Result {
	t.Helper()
	var res Result
	if err := json.Unmarshal([]byte(r.out), &res); err != nil {
		t.Fatalf("stdout is not one JSON document: %v\n%s", err, r.out)
	}
	return res
}

func exitCodeOf(err error) int {
	var coded interface{ ExitCode() int }
	switch {
	case err == nil:
		return 0
	case errors.As(err, &coded):
		return coded.ExitCode()
	case errors.Is(err, ui.ErrCancelled):
		return 130
	}
	return -1
}

// complete checks that the chain is whole, each part once.
func complete(t *testing.T, f *fakeP1) {
	t.Helper()
	dirs, plans, rules, mappings, revisions := f.count()
	if dirs != 1 || plans != 1 || rules != 1 || mappings != 9 || revisions < 1 {
		t.Errorf("chain: %d directory stores, %d plans, %d rules, %d mappings, %d revisions; want 1, 1, 1, 9, ≥1", dirs, plans, rules, mappings, revisions)
	}
	for target, n := range f.targets() {
		if n != 1 {
			t.Errorf("%d mappings of %s", n, target)
		}
	}
}

func TestFromNothingToASyncedUser(t *testing.T) {
	f := newFake(t, api.StatusInactive)
	r := provisionRun(t, context.Background(), f, wait2m(), true)
	if r.e != nil {
		t.Fatalf("run: %v\n%s", r.e, r.err)
	}
	res := decode(t, r)
	if res.Outcome != OutcomeSynced || res.Sync == nil || res.Sync.Synced != 3 {
		t.Errorf("outcome %q, sync %+v", res.Outcome, res.Sync)
	}
	complete(t, f)
	if res.Rule == nil || !res.Rule.Active || res.Rule.PopulationExpression != `population.id eq "pop-default-1111"` {
		t.Errorf("rule %+v: want active, scoped to the default population", res.Rule)
	}
	if res.Revision == nil || len(res.Created) != 12 || len(res.Writes) != 16 {
		t.Errorf("revision %+v, %d created, %d writes", res.Revision, len(res.Created), len(res.Writes))
	}
	for _, w := range res.Writes {
		if w.Status != statusDone || strings.Contains(w.Path, "{new") {
			t.Errorf("write %s %s: %s", w.Method, w.Path, w.Status)
		}
	}
}

func TestASecondRunChangesNothing(t *testing.T) {
	f := newFake(t, api.StatusInactive)
	if r := provisionRun(t, context.Background(), f, wait2m(), false); r.e != nil {
		t.Fatalf("first run: %v\n%s", r.e, r.err)
	}
	before := f.writeCount()
	r := provisionRun(t, context.Background(), f, wait2m(), true)
	if r.e != nil {
		t.Fatalf("second run: %v\n%s", r.e, r.err)
	}
	if n := f.writeCount() - before; n != 0 {
		t.Errorf("the second run wrote %d times: %v", n, f.writes[before:])
	}
	res := decode(t, r)
	if len(res.Writes) != 0 || len(res.Created) != 0 || len(res.Reused) != 3 || res.Outcome != OutcomeSynced {
		t.Errorf("second run: %d writes, created %v, reused %v, outcome %s", len(res.Writes), res.Created, res.Reused, res.Outcome)
	}
}

func TestAnExistingRuleAndMappingsAreReusedAndCorrected(t *testing.T) {
	f := newFake(t, api.StatusActive)
	f.stores = append(f.stores, map[string]any{"id": "dir-seeded", "type": "directory", "name": "Console directory"})
	f.plans = []map[string]any{{"id": "plan-seeded", "name": "Console plan", "status": "ACTIVE"}}
	f.rules = []map[string]any{{"id": "rule-seeded", "name": "Console rule", "active": false, "plan": map[string]any{"id": "plan-seeded"},
		"sourceStore": map[string]any{"id": "dir-seeded"}, "targetStore": map[string]any{"id": f.storeID()},
		"populationExpression": `population.id eq "pop-other-0000"`}}
	rule := map[string]any{"id": "rule-seeded"}
	f.mappings = []map[string]any{
		{"id": "m-email", "rule": rule, "targetAttribute": "Email", "sourceAttribute": "username"},
		{"id": "m-email-2", "rule": rule, "targetAttribute": "Email", "sourceAttribute": "email"},
		{"id": "m-first", "rule": rule, "targetAttribute": "FirstName", "sourceAttribute": "name.given"},
		{"id": "m-fed", "rule": rule, "targetAttribute": "FederationIdentifier", "sourceAttribute": "externalId"},
	}
	o := wait2m()
	o.Population = "Employees"
	o.Overrides = []Override{{Target: "Email", Source: "email"}}
	r := provisionRun(t, context.Background(), f, o, true)
	if r.e != nil {
		t.Fatalf("run: %v\n%s", r.e, r.err)
	}
	res := decode(t, r)
	dirs, plans, rules, mappings, _ := f.count()
	if dirs != 1 || plans != 1 || rules != 1 || mappings != 10 {
		t.Errorf("%d directory stores, %d plans, %d rules, %d mappings; want 1, 1, 1, 10 (9 defaults and FederationIdentifier kept)", dirs, plans, rules, mappings)
	}
	for target, n := range f.targets() {
		if n != 1 {
			t.Errorf("%d mappings of %s", n, target)
		}
	}
	want := map[string]bool{"DELETE propagation/mappings/m-email-2": true, "PUT propagation/mappings/m-email": true}
	for _, w := range res.Writes {
		delete(want, w.Method+" "+strings.TrimPrefix(w.Path, "/environments/"+fakeEnv+"/"))
		if w.Method == "POST" && (strings.HasSuffix(w.Path, "/rules") || strings.HasSuffix(w.Path, "/plans") || strings.HasSuffix(w.Path, "/stores")) {
			t.Errorf("created again: %s %s", w.Method, w.Path)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing writes %v in %+v", want, res.Writes)
	}
	if f.rules[0]["populationExpression"] != `population.id eq "pop-default-1111"` || f.rules[0]["active"] != true {
		t.Errorf("rule not corrected: %v", f.rules[0])
	}
}

func TestARefusedMappingStopsBeforePublishingAndSaysWhatExists(t *testing.T) {
	f := newFake(t, api.StatusInactive)
	f.refuse["POST propagation/rules/{id}/mappings#3"] = "FirstName is not a field of User"
	f.refuse["POST propagation/rules/{id}/mappings#4"] = "FirstName is not a field of User"
	r := provisionRun(t, context.Background(), f, wait2m(), false)
	if code := exitCodeOf(r.e); code != ExitFailed {
		t.Fatalf("exit %d (%v), want %d", code, r.e, ExitFailed)
	}
	if _, _, _, _, revisions := f.count(); revisions != 0 {
		t.Errorf("%d revisions after a refusal", revisions)
	}
	for _, want := range []string{"FirstName is not a field of User", "err-id-5678", "corr-refused-1234", "What exists now",
		"rule-0003", "2 of 9 in PingOne", "Email            ", "map-0005", `sfstore provision "Salesforce production" --no-input`, "Stopped at write 6 of 16"} {
		if !strings.Contains(r.err, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.err)
		}
	}
	j := provisionRun(t, context.Background(), f, wait2m(), true) // PingOne refuses the same mapping again
	res := decode(t, j)
	e, _ := json.Marshal(res.Error)
	if res.Outcome != outcomeStopped || !strings.Contains(string(e), `"id":"err-id-5678"`) || !strings.Contains(string(e), `"correlationId":"corr-refused-1234"`) || res.Rerun == "" {
		t.Errorf("--json of a refusal: outcome %q, error %s, rerun %q", res.Outcome, e, res.Rerun)
	}
	again := provisionRun(t, context.Background(), f, wait2m(), false)
	if again.e != nil {
		t.Fatalf("re-run: %v\n%s", again.e, again.err)
	}
	complete(t, f)
	if !strings.Contains(again.err, "Reusing the rule PingOne → Salesforce production") {
		t.Errorf("the re-run does not show the rule it reuses:\n%s", again.err)
	}
}

// writesOfAFullRun are the writes from nothing, in order, as the fake
// names them.
var writesOfAFullRun = []string{
	"POST propagation/stores", "POST propagation/plans", "POST propagation/rules",
	"POST propagation/rules/{id}/mappings#1", "POST propagation/rules/{id}/mappings#2", "POST propagation/rules/{id}/mappings#3",
	"POST propagation/rules/{id}/mappings#4", "POST propagation/rules/{id}/mappings#5", "POST propagation/rules/{id}/mappings#6",
	"POST propagation/rules/{id}/mappings#7", "POST propagation/rules/{id}/mappings#8", "POST propagation/rules/{id}/mappings#9",
	"PUT propagation/stores/{id}", "PUT propagation/rules/{id}", "PUT propagation/plans/{id}", "POST propagation/revisions",
}

func TestRateLimitsAndServerErrorsAtEachWrite(t *testing.T) {
	for _, flt := range []struct {
		name string
		f    fault
	}{{"429", fault429}, {"500 after the write", faultAppliedThen500}, {"500 before it", faultBefore500}, {"reset after the write", faultAppliedThenReset}} {
		for i, w := range writesOfAFullRun {
			t.Run(fmt.Sprintf("%s at %d %s", flt.name, i+1, w), func(t *testing.T) {
				f := newFake(t, api.StatusInactive)
				key := w
				if !strings.Contains(key, "#") {
					key += "#1"
				}
				f.faults[key] = flt.f
				r := provisionRun(t, context.Background(), f, wait2m(), false)
				if r.e != nil {
					t.Fatalf("run: %v\n%s", r.e, r.err)
				}
				complete(t, f)
				if _, _, _, _, revisions := f.count(); revisions != 1 {
					t.Errorf("%d revisions", revisions)
				}
			})
		}
	}
}

func TestCtrlCAtEachWriteSaysWhatExistsAndARerunCompletes(t *testing.T) {
	for i := range writesOfAFullRun {
		t.Run(fmt.Sprint("write ", i+1), func(t *testing.T) {
			f := newFake(t, api.StatusInactive)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			f.hangAt, f.onHang = i+1, cancel
			r := provisionRun(t, ctx, f, wait2m(), true)
			if !errors.Is(r.e, ui.ErrCancelled) {
				t.Fatalf("run: %v, want cancelled\n%s", r.e, r.err)
			}
			for _, want := range []string{"cancelled", "What exists now", "Run again to continue"} {
				if !strings.Contains(r.err, want) {
					t.Errorf("stderr lacks %q:\n%s", want, r.err)
				}
			}
			// The write was made before Ctrl-C: the report knows it, and
			// nothing after it was sent.
			res := decode(t, r)
			if res.Outcome != outcomeCancelled || len(res.Writes) != len(writesOfAFullRun) {
				t.Fatalf("outcome %q, %d writes", res.Outcome, len(res.Writes))
			}
			for j, w := range res.Writes {
				want := statusDone
				switch {
				case j == i:
					want = statusReadBack
				case j > i:
					want = statusNotSent
				}
				if w.Status != want {
					t.Errorf("write %d (%s): %q, want %q", j+1, w.What, w.Status, want)
				}
			}
			if f.writeCount() != i+1 {
				t.Errorf("%d writes made, want %d", f.writeCount(), i+1)
			}
			again := provisionRun(t, context.Background(), f, wait2m(), false)
			if again.e != nil {
				t.Fatalf("re-run: %v\n%s", again.e, again.err)
			}
			complete(t, f)
			if _, _, _, _, revisions := f.count(); revisions != 1 {
				t.Errorf("%d revisions", revisions)
			}
		})
	}
}

func TestDryRunSendsNoWrite(t *testing.T) {
	f := newFake(t, api.StatusInactive)
	o := wait2m()
	o.DryRun = true
	r := provisionRun(t, context.Background(), f, o, false)
	if r.e != nil {
		t.Fatalf("dry run: %v\n%s", r.e, r.err)
	}
	if n := f.writeCount(); n != 0 {
		t.Fatalf("a dry run wrote %d times: %v", n, f.writes)
	}
	for _, want := range []string{"POST /environments/" + fakeEnv + "/propagation/stores", "POST /environments/" + fakeEnv + "/propagation/rules/{new-rule-id}/mappings",
		`"targetAttribute": "LastName"`, "PUT /environments/" + fakeEnv + "/propagation/stores/" + f.storeID(), `"CLIENT_SECRET": "••••`, "# 16. Publish a propagation revision"} {
		if !strings.Contains(r.out, want) {
			t.Errorf("dry run lacks %q:\n%s", want, r.out)
		}
	}
	o.DryRun = true
	j := provisionRun(t, context.Background(), f, o, true)
	res := decode(t, j)
	if !res.DryRun || len(res.Writes) != 16 || f.writeCount() != 0 {
		t.Errorf("JSON dry run: %+v, %d writes made", res, f.writeCount())
	}
}

func TestTheWatchEndsOnSuccessFailureAndTimeout(t *testing.T) {
	t.Run("success", func(t *testing.T) {
		f := newFake(t, api.StatusActive)
		f.syncedPoll = 3
		r := provisionRun(t, context.Background(), f, wait2m(), false)
		if code := exitCodeOf(r.e); code != ExitSynced || !strings.Contains(r.out, "Provisioning works: 3 users synced") {
			t.Errorf("exit %d (%v)\n%s\n%s", code, r.e, r.out, r.err)
		}
	})
	t.Run("success after reads that failed", func(t *testing.T) {
		f := newFake(t, api.StatusActive)
		f.faults["GET propagation/stores/{id}#2"], f.faults["GET propagation/stores/{id}#3"] = faultBefore500, faultBefore500
		r := provisionRun(t, context.Background(), f, wait2m(), false)
		if code := exitCodeOf(r.e); code != ExitSynced || !strings.Contains(r.err, "trying again") {
			t.Errorf("exit %d (%v)\n%s", code, r.e, r.err)
		}
	})
	t.Run("failed", func(t *testing.T) {
		f := newFake(t, api.StatusActive)
		f.failSync = `[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]`
		r := provisionRun(t, context.Background(), f, wait2m(), false)
		if code := exitCodeOf(r.e); code != ExitFailed {
			t.Errorf("exit %d (%v), want %d", code, r.e, ExitFailed)
		}
		for _, want := range []string{f.failSync, "sfstore reconnect", "FAILED"} {
			if !strings.Contains(r.err, want) {
				t.Errorf("stderr lacks %q:\n%s", want, r.err)
			}
		}
	})
	t.Run("timeout", func(t *testing.T) {
		f := newFake(t, api.StatusActive)
		f.syncedPoll = 1000
		r := provisionRun(t, context.Background(), f, wait2m(), true)
		if code := exitCodeOf(r.e); code != ExitTimedOut {
			t.Errorf("exit %d (%v), want %d", code, r.e, ExitTimedOut)
		}
		res := decode(t, r)
		if res.Outcome != OutcomeTimedOut || !strings.Contains(r.err, "goes on in PingOne") {
			t.Errorf("outcome %q\n%s", res.Outcome, r.err)
		}
	})
	t.Run("no wait", func(t *testing.T) {
		f := newFake(t, api.StatusActive)
		r := provisionRun(t, context.Background(), f, Options{}, false)
		if r.e != nil || strings.Contains(r.err, "Watching") || !strings.Contains(r.out, "not waiting") {
			t.Errorf("--wait 0: %v\n%s\n%s", r.e, r.out, r.err)
		}
	})
}

func TestCtrlCWhileWatchingSaysProvisioningGoesOn(t *testing.T) {
	f := newFake(t, api.StatusActive)
	f.syncedPoll = 1000
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	o := wait2m()
	o.Watch.Now = time.Now
	o.Watch.Sleep = func(ctx context.Context, d time.Duration) error { cancel(); return ctx.Err() }
	r := provisionRun(t, ctx, f, o, false)
	if !errors.Is(r.e, ui.ErrCancelled) || !strings.Contains(r.err, "provisioning goes on in PingOne") {
		t.Errorf("run: %v\n%s", r.e, r.err)
	}
}

func TestNoPublishAndNoActivateStopShort(t *testing.T) {
	f := newFake(t, api.StatusInactive)
	o := wait2m()
	o.NoActivate, o.NoPublish = true, true
	r := provisionRun(t, context.Background(), f, o, true)
	if r.e != nil {
		t.Fatalf("--no-activate: %v\n%s", r.e, r.err)
	}
	dirs, plans, rules, mappings, revisions := f.count()
	if dirs != 1 || plans != 1 || rules != 1 || mappings != 9 || revisions != 0 || f.rules[0]["active"] != false || f.stores[0]["status"] != api.StatusInactive {
		t.Errorf("--no-activate: %d %d %d %d %d, rule %v, store %v", dirs, plans, rules, mappings, revisions, f.rules[0]["active"], f.stores[0]["status"])
	}
	if res := decode(t, r); res.Outcome != OutcomeNotWaited {
		t.Errorf("--no-activate: outcome %q", res.Outcome)
	}
	o = wait2m()
	o.NoPublish = true
	if r := provisionRun(t, context.Background(), f, o, false); r.e != nil || !strings.Contains(r.err, "sfstore publish") {
		t.Fatalf("--no-publish: %v\n%s", r.e, r.err)
	}
	if _, _, _, _, revisions := f.count(); revisions != 0 || f.rules[0]["active"] != true || f.stores[0]["status"] != api.StatusActive {
		t.Errorf("--no-publish: %d revisions, rule %v, store %v", revisions, f.rules[0]["active"], f.stores[0]["status"])
	}
	// What was left unpublished is published by the next run.
	if r := provisionRun(t, context.Background(), f, wait2m(), false); r.e != nil {
		t.Fatalf("then: %v\n%s", r.e, r.err)
	}
	if _, _, _, _, revisions := f.count(); revisions != 1 {
		t.Errorf("the next run made %d revisions", revisions)
	}
}

func TestARuleOfAnotherSourceAndPlanGetsTheDirectoryAndThePlan(t *testing.T) {
	f := newFake(t, api.StatusActive)
	f.rules = []map[string]any{{"id": "rule-seeded", "name": "Console rule", "active": true, "plan": map[string]any{"id": "plan-x"},
		"sourceStore": map[string]any{"id": "gone-store"}, "targetStore": map[string]any{"id": f.storeID()},
		"populationExpression": `population.id eq "pop-default-1111"`}}
	r := provisionRun(t, context.Background(), f, wait2m(), false)
	if r.e != nil {
		t.Fatalf("run: %v\n%s", r.e, r.err)
	}
	src, _ := f.rules[0]["sourceStore"].(map[string]any)
	plan, _ := f.rules[0]["plan"].(map[string]any)
	if len(f.rules) != 1 || src["id"] != "dir-0001-0000-0000-000000000000" || plan["id"] != "plan-0002-0000-0000-000000000000" || f.rules[0]["active"] != true {
		t.Errorf("rules %v", f.rules)
	}
}
