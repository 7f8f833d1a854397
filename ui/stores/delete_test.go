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
)

// A script must say --yes; without it nothing is read, let alone deleted.
func TestDeleteInAScriptNeedsYesAndSendsNothingWithout(t *testing.T) {
	b := newBench(t, simulator.Options{})
	r := b.session(t, nil)
	if err := Delete(context.Background(), r.s, NewScript(r.s, false), healthyID, DeleteOptions{}); !errors.Is(err, ErrDeleteNeedsYes) {
		t.Fatalf("delete without --yes = %v", err)
	}
	if n := len(b.sim.Requests()); n != 0 {
		t.Errorf("%d requests without --yes", n)
	}
}

func TestDeleteWithYesDeletesForgetsAndPublishesWhenTold(t *testing.T) {
	b := newBench(t, simulator.Options{})
	app := b.saveApp(t, healthyID)
	r := b.session(t, nil)
	err := Delete(context.Background(), r.s, NewScript(r.s, true), healthyName, DeleteOptions{Yes: true, ForgetSecrets: true, Publish: true})
	if err != nil {
		t.Fatalf("delete: %v\n%s", err, r.err.String())
	}
	if _, ok := b.stored(t, healthyID); ok || len(b.apiRequests("DELETE")) != 1 {
		t.Fatal("the store was not deleted once")
	}
	if n := b.savedCount(t, app); n != 0 {
		t.Errorf("the keyring still holds %d of the app's secrets", n)
	}
	if revs := b.apiRequests("POST"); len(revs) != 1 {
		t.Errorf("%d revisions, want one", len(revs))
	}
	if out := strings.Join(strings.Fields(r.out.String()), " "); out != "✓ Deleted the store Salesforce production ("+healthyID+")." {
		t.Errorf("delete printed %q", out)
	}
	for _, want := range []string{"✓ Forgot 3 saved secrets.", "✓ Revision created"} {
		if !strings.Contains(r.err.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.err.String())
		}
	}
}

// Without its flags a script keeps the saved secrets and publishes
// nothing; --json is the deleted store, in the demo too, without the
// marker the text carries.
func TestDeleteJSONKeepsTheSecretsWithoutTheFlag(t *testing.T) {
	b := newBench(t, simulator.Options{})
	app := b.saveApp(t, healthyID)
	r := b.session(t, func(_ *settings.Answers, o *ui.Options) { o.JSON, o.Demo = true, true })
	if err := Delete(context.Background(), r.s, NewScript(r.s, true), healthyID, DeleteOptions{Yes: true}); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Deleted  bool
		ID, Name string
	}
	if err := json.Unmarshal(r.out.Bytes(), &got); err != nil || !got.Deleted || got.ID != healthyID || got.Name != healthyName {
		t.Errorf("delete --json = %+v, %v:\n%s", got, err, r.out.String())
	}
	if n := b.savedCount(t, app); n != 3 {
		t.Errorf("the keyring holds %d of the app's 3 secrets", n)
	}
	if n := len(b.apiRequests("POST")); n != 0 {
		t.Errorf("%d revisions without --publish", n)
	}
}

func TestDeleteInTheDemoSaysDEMO(t *testing.T) {
	b := newBench(t, simulator.Options{})
	r := b.session(t, func(_ *settings.Answers, o *ui.Options) { o.Demo = true })
	if err := Delete(context.Background(), r.s, NewScript(r.s, true), healthyID, DeleteOptions{Yes: true}); err != nil {
		t.Fatal(err)
	}
	if out := r.out.String(); !strings.HasPrefix(out, " DEMO  ✓ Deleted the store") {
		t.Errorf("the demo's delete printed %q", out)
	}
}

// A person who does not type the name keeps the store; one who does is
// asked whether to forget the secrets, proposed to keep them when another
// store uses the same app, and whether to publish.
func TestDeleteAsksThePersonAndWarnsOfAnotherStoreOfTheSameApp(t *testing.T) {
	stores := seeded()
	twin := stores[0]
	twin.ID, twin.Name = "5b0c8f2e-7d41-4c59-a0d3-2f6e9b1c4a88", "Salesforce production copy"
	managed := true
	stores[0].Managed = &managed
	b := newBench(t, simulator.Options{SeedStores: append(stores, twin)})
	app := b.saveApp(t, healthyID)

	r := b.session(t, func(_ *settings.Answers, o *ui.Options) { o.NoInput = false })
	if err := Delete(context.Background(), r.s, newAsker(r), healthyID, DeleteOptions{}); !errors.Is(err, ui.ErrCancelled) {
		t.Fatalf("delete without the name typed = %v", err)
	}
	if _, ok := b.stored(t, healthyID); !ok {
		t.Fatal("the store was deleted without its name typed")
	}

	r = b.session(t, func(_ *settings.Answers, o *ui.Options) { o.NoInput = false })
	p := newAsker(r)
	p.deleteOK = true
	p.confirm["Create a propagation revision now?"] = true
	if err := Delete(context.Background(), r.s, p, healthyID, DeleteOptions{}); err != nil {
		t.Fatal(err)
	}
	if strings.Join(p.asked, "|") != "Forget the store's saved secrets?|Create a propagation revision now?" {
		t.Errorf("asked %q", p.asked)
	}
	if n := b.savedCount(t, app); n != 3 {
		t.Errorf("the shared app's secrets were forgotten: %d left", n)
	}
	if n := len(b.apiRequests("POST")); n != 1 {
		t.Errorf("%d revisions, want one", n)
	}
	if !strings.Contains(deleteWarning(api.Store{Managed: &managed}), "deprovisions the store's users") {
		t.Error("deleting a managed store does not warn of deprovisioning")
	}
}

// PingOne out of reach ends the delete with a shown failure that says so,
// not a hang.
func TestDeleteWithPingOneDownIsShown(t *testing.T) {
	b := newBench(t, simulator.Options{})
	r := b.session(t, nil)
	b.sim.Close()
	err := Delete(context.Background(), r.s, NewScript(r.s, true), healthyID, DeleteOptions{Yes: true})
	var shown *ui.ShownError
	if !errors.As(err, &shown) || !strings.Contains(r.err.String(), "✗ sfstore could not sign in to PingOne") {
		t.Fatalf("delete with PingOne down = %v:\n%s", err, r.err.String())
	}
}
