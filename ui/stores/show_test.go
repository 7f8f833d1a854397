package stores

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"sfstore/api"
	"sfstore/api/simulator"
	"sfstore/ui"
	"sfstore/ui/settings"
	"sfstore/ui/settings/settingstest"
)

func TestShowByNameGivesTheReasonAndTheCommandThatFixesIt(t *testing.T) {
	b := newBench(t, simulator.Options{})
	for _, ref := range []string{failedName, strings.ToUpper(failedName), "  " + failedID + " "} {
		r := b.session(t, nil)
		if err := Show(context.Background(), r.s, NewScript(r.s, false), ref); err != nil {
			t.Fatalf("show %q: %v\n%s", ref, err, r.err.String())
		}
		for _, want := range []string{failedID, "acme-demo.my.salesforce.com", "Session expired or invalid (INVALID_SESSION_ID)",
			"Why provisioning stopped", `sfstore reconnect "Salesforce partner community"`, "••••"} {
			if !strings.Contains(r.out.String(), want) {
				t.Errorf("show %q lacks %q:\n%s", ref, want, r.out.String())
			}
		}
		if title, _, _ := strings.Cut(r.out.String(), "\n"); strings.Contains(title, "DEMO") {
			t.Errorf("show outside the demo says DEMO: %s", title)
		}
	}
}

func TestShowJSONIsTheStoreMaskedWithItsDiagnosis(t *testing.T) {
	b := newBench(t, simulator.Options{})
	r := b.session(t, func(_ *settings.Answers, o *ui.Options) { o.JSON = true })
	if err := Show(context.Background(), r.s, NewScript(r.s, false), failedID); err != nil {
		t.Fatal(err)
	}
	var got showJSON
	if err := json.Unmarshal(r.out.Bytes(), &got); err != nil {
		t.Fatalf("show --json is not JSON: %v\n%s", err, r.out.String())
	}
	if got.ID != failedID || got.Diagnosis.State != "FAILED" || got.Diagnosis.Cause != CauseSession || !api.LooksMasked(got.Configuration.ClientSecret) {
		t.Errorf("show --json = %+v", got)
	}
}

// The demo's show is marked as such, and what it suggests runs in the
// demo; its JSON stays JSON.
func TestShowInTheDemoSaysDEMOAndSuggestsDemoCommands(t *testing.T) {
	b := newBench(t, simulator.Options{})
	r := b.session(t, func(_ *settings.Answers, o *ui.Options) { o.Demo = true })
	if err := Show(context.Background(), r.s, NewScript(r.s, false), failedID); err != nil {
		t.Fatal(err)
	}
	title, _, _ := strings.Cut(r.out.String(), "\n")
	if out := r.out.String(); !strings.Contains(title, "DEMO") || !strings.Contains(out, `reconnect "Salesforce partner community" --demo`) {
		t.Errorf("the demo's show:\n%s", out)
	}
	r = b.session(t, func(_ *settings.Answers, o *ui.Options) { o.Demo, o.JSON = true, true })
	if err := Show(context.Background(), r.s, NewScript(r.s, false), failedID); err != nil {
		t.Fatal(err)
	}
	var got showJSON
	if err := json.Unmarshal(r.out.Bytes(), &got); err != nil || got.Diagnosis.Command != `sfstore reconnect "Salesforce partner community" --demo` {
		t.Errorf("the demo's show --json = %+v, %v:\n%s", got.Diagnosis, err, r.out.String())
	}
}

func TestShowOfNoSuchStoreSaysWhereItLookedAndHowToList(t *testing.T) {
	b := newBench(t, simulator.Options{})
	r := b.session(t, nil)
	err := Show(context.Background(), r.s, NewScript(r.s, false), "nope")
	var shown *ui.ShownError
	var nf *notFoundError
	if !errors.As(err, &shown) || !errors.As(err, &nf) {
		t.Fatalf("show nope = %v, want a shown not-found error", err)
	}
	for _, want := range []string{`"nope"`, simulator.DemoEnvironmentID, "sfstore list"} {
		if !strings.Contains(r.err.String(), want) {
			t.Errorf("the failure lacks %q:\n%s", want, r.err.String())
		}
	}
	if r.out.Len() != 0 {
		t.Errorf("stdout holds %q", r.out.String())
	}
}

func TestShowOfAStoreOfAnotherTypeSaysItsType(t *testing.T) {
	other := api.Store{ID: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", Type: "Workday", Name: "HR"}
	b := newBench(t, simulator.Options{SeedStores: append(seeded(), other)})
	r := b.session(t, func(_ *settings.Answers, o *ui.Options) { o.JSON = true })
	err := Show(context.Background(), r.s, NewScript(r.s, false), strings.ToUpper(other.ID))
	var ns *notSalesforceError
	if !errors.As(err, &ns) || !strings.Contains(r.err.String(), "of type Workday") {
		t.Fatalf("show of a Workday store = %v:\n%s", err, r.err.String())
	}
	// With --json the failure is JSON on stdout as well.
	var body map[string]any
	if err := json.Unmarshal(r.out.Bytes(), &body); err != nil || body["error"] == nil {
		t.Errorf("stdout = %v, %q", err, r.out.String())
	}
}

// A name several stores share: a script lists them to choose by ID; a
// person chooses, and only the chosen one is read.
func TestANameSeveralStoresShareIsChosenOrListed(t *testing.T) {
	twin := api.Store{ID: "5b0c8f2e-7d41-4c59-a0d3-2f6e9b1c4a88", Name: failedName + " ", Status: api.StatusInactive}
	b := newBench(t, simulator.Options{SeedStores: append(seeded(), twin)})

	r := b.session(t, nil)
	err := Show(context.Background(), r.s, NewScript(r.s, false), failedName)
	var input *settings.InputError
	if !errors.As(err, &input) {
		t.Fatalf("a script's show of a shared name = %v, want an InputError", err)
	}
	for _, want := range []string{"2 Salesforce stores are named", "give the ID", failedID, twin.ID, "not synced"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error lacks %q:\n%s", want, err)
		}
	}

	r = b.session(t, func(_ *settings.Answers, o *ui.Options) { o.NoInput = false })
	p := newAsker(r)
	p.choose = func(c []api.Store) api.Store { return c[len(c)-1] }
	if err := Show(context.Background(), r.s, p, failedName); err != nil {
		t.Fatal(err)
	}
	if p.candidates != 2 || !strings.Contains(r.out.String(), twin.ID) || strings.Contains(r.out.String(), failedID) {
		t.Errorf("offered %d, showed:\n%s", p.candidates, r.out.String())
	}
}

// Secrets PingOne returns in clear are masked in everything shown, even
// where a server echoes them into a field that is not a secret's.
func TestShowMasksSecretsPingOneEchoesElsewhere(t *testing.T) {
	stores := seeded()
	stores[0].Description = "copied by mistake: " + settingstest.ClientSecret
	b := newBench(t, simulator.Options{SeedStores: stores})
	r := b.session(t, nil)
	if err := Show(context.Background(), r.s, NewScript(r.s, false), healthyID); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.out.String(), "copied by mistake: ••••") {
		t.Errorf("the echoed secret is not masked:\n%s", r.out.String())
	}
}

// A script without the worker app's secret stops before any request,
// naming what supplies it.
func TestShowWithoutTheSignInNamesWhatSuppliesIt(t *testing.T) {
	b := newBench(t, simulator.Options{})
	r := b.session(t, func(a *settings.Answers, _ *ui.Options) { a.WorkerClientSecret = "" })
	err := Show(context.Background(), r.s, NewScript(r.s, false), healthyID)
	var input *settings.InputError
	if !errors.As(err, &input) || !strings.Contains(err.Error(), "PINGONE_CLIENT_SECRET") {
		t.Fatalf("show without a secret = %v", err)
	}
	if n := len(b.sim.Requests()); n != 0 {
		t.Errorf("%d requests were sent", n)
	}
}
