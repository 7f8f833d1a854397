package wizard

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"sfstore/api/simulator"
	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/settings/settingstest"
)

// testedWizard is screenWizard after a connection test that passed,
// against the simulator, with the answers as they are.
func testedWizard(t *testing.T) *Wizard {
	t.Helper()
	sim, err := simulator.Start(simulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sim.Close)
	s := ui.NewSession(context.Background(), settingstest.Filled(), ui.Options{APIURL: sim.URL(), AuthURL: sim.URL(), Keyring: secrets.NewMemory()},
		ui.Streams{Out: io.Discard, Err: io.Discard, OutWidth: 80, ErrWidth: 80})
	s.ReviewShowsTest = true
	if err := s.TestConnection(context.Background(), ui.NewScript(s)); err != nil {
		t.Fatal(err)
	}
	if _, passed := s.TestResult(); !passed {
		t.Fatal("the test did not pass")
	}
	return New(s)
}

// After a passed test its result sits above the actions; on a short
// screen the lines around them give way, and the heading stays on screen
// with Create and the whole environment ID.
func TestScreenReviewAfterAPassedTestKeepsItsHeading(t *testing.T) {
	w := testedWizard(t)
	for _, sz := range [][2]int{{80, 24}, {40, 12}, {200, 50}} {
		m := w.newReviewModel()
		size(m, sz[0], sz[1])
		view := m.View()
		for _, want := range []string{"Review: this is what will be sent", "✓ PingOne connected to Salesforce", "> c  Create the store in environment",
			w.a.TargetEnvironmentID()} {
			if !strings.Contains(view, want) {
				t.Errorf("the review at %dx%d after a passed test lacks %q:\n%s", sz[0], sz[1], want, view)
			}
		}
		requireScreen(t, fmt.Sprintf("review-tested-%dx%d", sz[0], sz[1]), view, sz[0], sz[1])
	}
}

// The same-named stores' picker shows each whole ID, what tells them
// apart, even where the rest of the label does not fit.
func TestScreenChooseStoreShowsWholeIDs(t *testing.T) {
	w := screenWizard(t)
	twins := tenThousandTwins()[:30]
	for _, sz := range [][2]int{{80, 24}, {40, 12}, {200, 50}} {
		heading, title, desc := w.chooseStoreText("Salesforce", twins)
		m := newPicker(w.st, heading, title, desc, inert(w.storeOptions(twins)), twins[0].ID)
		size(m, sz[0], sz[1])
		view := m.View()
		if !strings.Contains(view, "> "+twins[0].ID) || !strings.Contains(view, "30 Salesforce stores are named") {
			t.Errorf("the picker at %dx%d:\n%s", sz[0], sz[1], view)
		}
		keys(m, runes("0017"))
		if v := m.View(); !strings.Contains(v, "(1 of 30)") || !strings.Contains(v, "> "+twins[17].ID) {
			t.Errorf("typing part of an ID at %dx%d:\n%s", sz[0], sz[1], v)
		}
		requireScreen(t, fmt.Sprintf("choose-store-%dx%d", sz[0], sz[1]), view, sz[0], sz[1])
	}
}

// The accessible review reads a passed test's result out as words, wrapped
// between them, before its question.
func TestAccessibleReviewReadsOutThePassedTest(t *testing.T) {
	w := testedWizard(t)
	var out strings.Builder
	w.s.Opts.Accessible = true
	w.s.Err, w.s.ErrWidth = &out, 40
	w.s.In = &oneLineAtATime{lines: []string{"\n", "8\n"}} // keep saving the secrets; Cancel
	act, err := w.reviewAccessible(context.Background())
	if err != nil {
		t.Fatalf("review: %v\n%s", err, out.String())
	}
	got := out.String()
	if act.Kind != ui.ActCancel {
		t.Errorf("action %v, want cancel:\n%s", act, got)
	}
	if !strings.Contains(got, "✓ PingOne connected to Salesforce with\nthese settings.") || strings.Contains(got, "{") {
		t.Errorf("the test's result as read out:\n%s", got)
	}
	for _, l := range strings.Split(got, "\n") {
		if w := len([]rune(l)); w > 40 && !strings.Contains(l, "abfba8f6") {
			t.Errorf("a line of %d: %q", w, l)
		}
	}
}

// oneLineAtATime gives one line a read, as a terminal in line mode does.
type oneLineAtATime struct{ lines []string }

func (r *oneLineAtATime) Read(p []byte) (int, error) {
	if len(r.lines) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.lines[0])
	r.lines = r.lines[1:]
	return n, nil
}
