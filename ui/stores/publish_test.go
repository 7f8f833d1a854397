package stores

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"sfstore/api/simulator"
	"sfstore/ui"
	"sfstore/ui/settings"
)

func TestPublishCreatesOneRevisionAndSaysSo(t *testing.T) {
	b := newBench(t, simulator.Options{})
	r := b.session(t, nil)
	if err := Publish(context.Background(), r.s, NewScript(r.s, false)); err != nil {
		t.Fatalf("publish: %v\n%s", err, r.err.String())
	}
	if posts := b.apiRequests("POST"); len(posts) != 1 || !strings.HasSuffix(posts[0].Path, "/propagation/revisions") {
		t.Fatalf("requests: %+v", posts)
	}
	if out := r.out.String(); !strings.HasPrefix(out, "✓ Revision created (id ") {
		t.Errorf("publish printed %q", out)
	}
}

func TestPublishJSONIsPingOnesRevision(t *testing.T) {
	b := newBench(t, simulator.Options{})
	r := b.session(t, func(_ *settings.Answers, o *ui.Options) { o.JSON, o.Demo = true, true })
	if err := Publish(context.Background(), r.s, NewScript(r.s, false)); err != nil {
		t.Fatal(err)
	}
	var rev map[string]any
	if err := json.Unmarshal(r.out.Bytes(), &rev); err != nil || rev["id"] == "" || rev["id"] == nil {
		t.Errorf("publish --json = %v, %v:\n%s", rev, err, r.out.String())
	}
}

func TestPublishInTheDemoSaysDEMO(t *testing.T) {
	b := newBench(t, simulator.Options{})
	r := b.session(t, func(_ *settings.Answers, o *ui.Options) { o.Demo = true })
	if err := Publish(context.Background(), r.s, NewScript(r.s, false)); err != nil {
		t.Fatal(err)
	}
	if out := r.out.String(); !strings.HasPrefix(out, " DEMO  ✓ Revision created") {
		t.Errorf("the demo's publish printed %q", out)
	}
}

// A token without the role is refused: the failure says which role, and
// the exit is a shown failure, not a crash or a hang.
func TestPublishThatPingOneRefusesIsShown(t *testing.T) {
	b := newBench(t, simulator.Options{DenyStores: true})
	r := b.session(t, nil)
	err := Publish(context.Background(), r.s, NewScript(r.s, false))
	var shown *ui.ShownError
	if !errors.As(err, &shown) || !strings.Contains(r.err.String(), "PingOne did not create the revision") {
		t.Fatalf("publish without the role = %v:\n%s", err, r.err.String())
	}
	if r.out.Len() != 0 {
		t.Errorf("stdout holds %q", r.out.String())
	}
}
