package wizard

import (
	"bytes"
	"context"
	"io"
	"strings"
	"sync/atomic"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/ansi"

	"sfstore/api"
	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/settings"
	"sfstore/ui/settings/settingstest"
)

// choose moves down n options in a one-field form and submits it.
func choose(f huh.Field, n int) {
	form := huh.NewForm(huh.NewGroup(f))
	form.Init()
	for range n {
		form.Update(tea.KeyMsg{Type: tea.KeyDown})
	}
	form.Update(keyEnter)
}

func TestDeprovisionOffersPingOnesDefaultAsAChoiceOfItsOwn(t *testing.T) {
	for _, tt := range []struct {
		down int
		want string // "" unset, else the value sent
	}{{0, ""}, {1, "true"}, {2, "false"}} {
		w := screenWizard(t)
		w.a.Managed = nil
		choose(w.managedChoice(), tt.down)
		got := ""
		if w.a.Managed != nil {
			got = map[bool]string{true: "true", false: "false"}[*w.a.Managed]
		}
		if got != tt.want {
			t.Errorf("%d down: managed = %q, want %q", tt.down, got, tt.want)
		}
	}
}

func TestAnEditSendsTheStatusItShows(t *testing.T) {
	for _, editing := range []bool{false, true} {
		w := screenWizard(t)
		w.a.Status = api.StatusActive
		if editing {
			w.s.Editing = &ui.Editing{StoreID: "s1"}
		}
		// The confirm shows Active; → then Enter chooses Inactive.
		form := huh.NewForm(huh.NewGroup(w.statusConfirm()))
		form.Init()
		form.Update(keyRight)
		form.Update(keyEnter)
		want := ""
		if editing {
			want = api.StatusInactive
		}
		if w.a.Status != want {
			t.Errorf("editing %v: status = %q, want %q", editing, w.a.Status, want)
		}
	}
}

func TestAnEditWithNoChangesIsNotConfirmedAsAnUpdate(t *testing.T) {
	w := screenWizard(t)
	w.s.Editing = &ui.Editing{StoreID: "s1", Original: *w.a}
	if m := w.newReviewModel(); m.confirm != "" {
		t.Fatalf("nothing changed, yet Update asks: %q", m.confirm)
	}
	w.a.Description = "changed"
	if m := w.newReviewModel(); !strings.Contains(m.confirm, "Press y to update") {
		t.Fatalf("a change without a test is not confirmed: %q", m.confirm)
	}
}

// huh's line prompts print no group title, so accessible mode reads out
// each step's heading itself.
func TestAccessibleStepsAreAnnounced(t *testing.T) {
	var errOut bytes.Buffer
	s := ui.NewSession(context.Background(), settingstest.Filled(), ui.Options{Accessible: true, Keyring: secrets.NewMemory()},
		ui.Streams{Out: io.Discard, Err: &errOut, OutWidth: 80, ErrWidth: 80})
	w := New(s)
	w.RunForm = func(context.Context, *huh.Form) error { return nil } // every answer kept
	if err := w.ask(context.Background(), settings.StepStore, false, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut.String(), "Step 2 of 5 · Store") {
		t.Fatalf("no heading read out:\n%s", errOut.String())
	}
}

// At 40 columns a 36-character ID is shown whole in its field.
func TestANarrowScreenShowsAWholeIDInItsField(t *testing.T) {
	s := ui.NewSession(context.Background(), settingstest.Filled(), ui.Options{Keyring: secrets.NewMemory()},
		ui.Streams{Out: io.Discard, Err: io.Discard, OutWidth: 40, ErrWidth: 40})
	w := New(s)
	id := "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6"
	w.a.WorkerEnvironmentID = id
	f := w.form(huh.NewGroup(w.fieldInput(settings.FieldWorkerEnvironment, "The environment.", &w.a.WorkerEnvironmentID)))
	f.Init()
	size(f, 40, 12)
	if view := ansi.Strip(f.View()); !strings.Contains(view, id) {
		t.Fatalf("the ID is cut:\n%s", view)
	}
}

// The spinner's line wraps between words rather than being cut at the
// terminal's edge, so an environment ID in its title stays whole.
func TestTheSpinnerLineWrapsBetweenWords(t *testing.T) {
	id := "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6"
	var m tea.Model = taskModel{title: "Creating the store in environment " + id, progress: &atomic.Pointer[string]{}}
	m, _ = m.Update(tea.WindowSizeMsg{Width: 40, Height: 12})
	view := ansi.Strip(m.View())
	for _, l := range strings.Split(view, "\n") {
		if ansi.StringWidth(l) > 40 {
			t.Errorf("a line is wider than 40: %q", l)
		}
	}
	if !strings.Contains(view, id) || !strings.Contains(view, "(Ctrl-C to cancel)") {
		t.Fatalf("view:\n%s", view)
	}
}

// The spinner's first frame comes before the terminal's size: it wraps at
// the width the session knows, or the terminal cuts it and it stays.
func TestTheSpinnersFirstFrameFitsTheScreen(t *testing.T) {
	s := ui.NewSession(context.Background(), settingstest.Filled(), ui.Options{Keyring: secrets.NewMemory()},
		ui.Streams{Out: io.Discard, Err: io.Discard, OutWidth: 40, ErrWidth: 40})
	m := New(s).taskModel("Looking for the store in environment abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6")
	view := ansi.Strip(m.View())
	for _, l := range strings.Split(view, "\n") {
		if ansi.StringWidth(l) > 40 {
			t.Errorf("a line is wider than 40: %q", l)
		}
	}
}
