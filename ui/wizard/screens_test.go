package wizard

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/ansi"

	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/settings"
	"sfstore/ui/settings/settingstest"
)

var update = flag.Bool("update", false, "rewrite the golden screens in testdata/")

// screenWizard is a wizard on filled answers whose output is not a
// terminal, so it draws without colour, as with NO_COLOR.
func screenWizard(t *testing.T) *Wizard {
	t.Helper()
	s := ui.NewSession(context.Background(), settingstest.Filled(), ui.Options{Keyring: secrets.NewMemory()},
		ui.Streams{Out: io.Discard, Err: io.Discard, OutWidth: 80, ErrWidth: 80})
	return New(s)
}

// requireScreen compares a screen with testdata/<name>.golden, checks that
// it fits width×height and shows no secret.
func requireScreen(t *testing.T, name, got string, width, height int) {
	t.Helper()
	lines := strings.Split(got, "\n")
	if len(lines) > height {
		t.Errorf("%s takes %d lines, more than the %d of the screen", name, len(lines), height)
	}
	for _, l := range lines {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("%s: a line is %d wide, more than %d: %q", name, w, width, l)
		}
	}
	if strings.Contains(got, settingstest.Marker) {
		t.Errorf("%s shows a secret:\n%s", name, got)
	}
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s (run go test ./ui/wizard -run Screen -update to create it): %v", path, err)
	}
	if got != string(want) {
		t.Errorf("%s differs from its golden file (go test ./ui/wizard -run Screen -update if intended)\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
}

func size(m tea.Model, width, height int) {
	m.Update(tea.WindowSizeMsg{Width: width, Height: height})
}

func keys(m tea.Model, ks ...tea.KeyMsg) {
	for _, k := range ks {
		m.Update(k)
	}
}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

var (
	keyEnter = tea.KeyMsg{Type: tea.KeyEnter}
	keyEsc   = tea.KeyMsg{Type: tea.KeyEsc}
	keyRight = tea.KeyMsg{Type: tea.KeyRight}
)

func TestScreenReviewFitsWithItsActions(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {40, 12}, {200, 50}} {
		w := screenWizard(t)
		m := w.newReviewModel()
		size(m, sz[0], sz[1])
		view := m.View()
		if sz[0] >= 80 {
			// The heading and Create are on one screen.
			for _, want := range []string{"Review: this is what will be sent", "c  Create the store", "t  Test the connection"} {
				if !strings.Contains(view, want) {
					t.Errorf("the review at %dx%d lacks %q:\n%s", sz[0], sz[1], want, view)
				}
			}
			requireScreen(t, fmt.Sprintf("review-%dx%d", sz[0], sz[1]), view, sz[0], sz[1])
		} else {
			requireScreen(t, fmt.Sprintf("review-%dx%d", sz[0], sz[1]), view, sz[0], sz[1])
		}
	}
}

// At 40 columns Create wraps rather than cutting the environment ID: once
// a test has passed, c creates without asking again, so its line is where
// the person reads where the store goes.
func TestReviewCreateShowsTheWholeEnvironmentIDAtFortyColumns(t *testing.T) {
	w := screenWizard(t)
	m := w.newReviewModel()
	size(m, 40, 12)
	keys(m, tea.KeyMsg{Type: tea.KeyDown}) // the cursor on Create
	view := m.View()
	lines := strings.Split(view, "\n")
	if len(lines) > 12 {
		t.Errorf("the review takes %d lines at 40×12:\n%s", len(lines), view)
	}
	if !strings.Contains(view, "> c  Create the store in environment\n") || !slices.Contains(lines, "    "+w.a.TargetEnvironmentID()) {
		t.Errorf("Create does not show the whole environment ID:\n%s", view)
	}
}

func TestReviewEnterTypedAheadTestsRatherThanCreates(t *testing.T) {
	w := screenWizard(t)
	m := w.newReviewModel()
	size(m, 80, 24)
	// Enter then Down, as one burst: Enter acts on the first action, Test.
	keys(m, keyEnter, tea.KeyMsg{Type: tea.KeyDown})
	if m.chosen != "test" {
		t.Fatalf("Enter at a fresh review chose %q, want test", m.chosen)
	}
}

func TestReviewCreateAsksOneKeyNamingTheEnvironment(t *testing.T) {
	w := screenWizard(t)
	m := w.newReviewModel()
	size(m, 80, 24)
	keys(m, runes("c"))
	if view := m.View(); m.chosen != "" || !strings.Contains(view, "Create the store in environment "+w.a.TargetEnvironmentID()) ||
		!strings.Contains(view, "Press y to create") {
		t.Fatalf("c chose %q at once; want a confirmation naming the environment:\n%s", m.chosen, m.View())
	}
	keys(m, keyEnter) // not a yes
	if m.chosen != "" || m.mode != modeMenu {
		t.Fatalf("Enter at the confirmation chose %q (mode %d), want back to the menu", m.chosen, m.mode)
	}
	keys(m, runes("cy")) // typed in one burst: two keys
	if m.chosen != "create" {
		t.Fatalf("c then y chose %q, want create", m.chosen)
	}
}

func TestReviewKeysForEachAction(t *testing.T) {
	for _, c := range []struct {
		keys []tea.KeyMsg
		want string
	}{
		{[]tea.KeyMsg{runes("t")}, "test"},
		{[]tea.KeyMsg{runes("q")}, "cancel"},
		{[]tea.KeyMsg{runes("2")}, editValue(settings.StepStore)},
		{[]tea.KeyMsg{runes("e"), tea.KeyMsg{Type: tea.KeyDown}, keyEnter}, editValue(settings.StepStore)},
		{[]tea.KeyMsg{keyEsc}, editValue(settings.StepCommunities)},
		{[]tea.KeyMsg{runes("a"), keyEsc, runes("t")}, "test"},
		{[]tea.KeyMsg{runes("a"), {Type: tea.KeyRunes, Runes: []rune("t"), Alt: true}}, "test"}, // Esc t, typed fast
	} {
		m := screenWizard(t).newReviewModel()
		size(m, 80, 24)
		keys(m, c.keys...)
		if m.chosen != c.want {
			t.Errorf("keys %v chose %q, want %q", c.keys, m.chosen, c.want)
		}
	}
	w := screenWizard(t)
	m := w.newReviewModel()
	before := w.a.SaveSecrets
	keys(m, runes("s"))
	if w.a.SaveSecrets == before || m.chosen != "" {
		t.Errorf("s did not toggle saving the secrets (still %v), or left the review (%q)", w.a.SaveSecrets, m.chosen)
	}
}

// Without colour (NO_COLOR, TERM=dumb, a capture) a yes/no question still
// shows which side is chosen, and → changes the text.
func TestYesNoShowsTheChoiceWithoutColour(t *testing.T) {
	w := screenWizard(t)
	v := false
	f := w.form(huh.NewGroup(w.yesNo("Create users?", "Create a Salesforce user for each PingOne user.", &v)))
	var m tea.Model = f
	m.Init()
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	before := ansi.Strip(m.View())
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyLeft})
	after := ansi.Strip(m.View())
	if before == after {
		t.Fatalf("← did not change the text of the question:\n%s", before)
	}
	if !strings.Contains(before, "( ) Yes") || !strings.Contains(before, "(•) No") ||
		!strings.Contains(after, "(•) Yes") || !strings.Contains(after, "( ) No") {
		t.Errorf("the markers do not follow the choice:\n--- before ---\n%s\n--- after ← ---\n%s", before, after)
	}
	m.Update(keyRight)
	if again := ansi.Strip(m.View()); again != before {
		t.Errorf("→ did not go back to No:\n%s", again)
	}
}

func TestScreenPicker(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {40, 12}} {
		w := screenWizard(t)
		m := newPicker(w.st, w.title(settings.StepCommunities), "Profile ID", "The profile PingOne gives the users it creates.",
			tenThousandProfiles(), "")
		size(m, sz[0], sz[1])
		keys(m, runes("0004"), tea.KeyMsg{Type: tea.KeyDown})
		requireScreen(t, fmt.Sprintf("picker-%dx%d", sz[0], sz[1]), m.View(), sz[0], sz[1])
	}
}

// At 40×12 a picker whose title, description and note wrap still fits
// the screen: fewer options show, and the heading and the title stay on
// top rather than scrolling away.
func TestScreenPickerWrapsAtFortyByTwelve(t *testing.T) {
	w := screenWizard(t)
	w.s.Opts.Demo = true
	for _, c := range []struct {
		name, title, desc, note string
	}{
		{"picker-40x12-note", settings.FieldProfileID.Label,
			"With Communities: a customer or partner community profile (listed first).",
			"Showing the first 2000 of 12000 profiles (by name); type the profile ID if yours is not listed."},
		{"picker-40x12-long-title", `Accounts matching "Acme Corporation International Holdings"`,
			"Only business accounts can be linked, not person accounts.", ""},
	} {
		m := newPicker(w.st, w.title(settings.StepCommunities), c.title, c.desc, tenThousandProfiles(), "")
		m.note, m.canBack = c.note, true
		size(m, 40, 12)
		keys(m, runes("0004"), tea.KeyMsg{Type: tea.KeyDown})
		view := m.View()
		requireScreen(t, c.name, view, 40, 12)
		if first := strings.SplitN(view, "\n", 2)[0]; !strings.Contains(first, "Step 5 of 5") {
			t.Errorf("%s: the heading is not the first line:\n%s", c.name, view)
		}
		if !strings.Contains(view, "> Generated Profile 00040") {
			t.Errorf("%s: the option under the cursor is not shown:\n%s", c.name, view)
		}
	}
}

func TestPicker10kDrivenByKeys(t *testing.T) {
	w := screenWizard(t)
	m := newPicker(w.st, "", "Profile ID", "", tenThousandProfiles(), "")
	m.canBack = true
	size(m, 80, 24)
	keys(m, runes("profile 0424"))
	if !strings.Contains(m.View(), "Generated Profile 04242") || !strings.Contains(m.View(), "10 of 10,000") {
		t.Fatalf("typing filtered badly:\n%s", m.View())
	}
	keys(m, tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyDown}, keyEnter)
	if m.chosen != "00e5g0000004242AAA" {
		t.Fatalf("chose %q, want the third match, 00e5g0000004242AAA", m.chosen)
	}

	m = newPicker(w.st, "", "Profile ID", "", tenThousandProfiles(), "00e5g0000009999AAA")
	m.canBack = true
	size(m, 80, 24)
	if !strings.Contains(m.View(), "> Generated Profile 09999") {
		t.Errorf("the current value is not preselected:\n%s", m.View())
	}
	keys(m, runes("zzz"))
	if !strings.Contains(m.View(), "Type a profile ID") {
		t.Errorf("the way out is not listed when nothing matches:\n%s", m.View())
	}
	keys(m, keyEsc)
	if m.filter != "" || m.back {
		t.Errorf("Esc with a filter should clear it (filter %q, back %v)", m.filter, m.back)
	}
	keys(m, tea.KeyMsg{Type: tea.KeyEnd}, keyEnter)
	if m.chosen != pickTypeID {
		t.Errorf("End then Enter chose %q, want the last option", m.chosen)
	}
	m = newPicker(w.st, "", "Profile ID", "", tenThousandProfiles(), "")
	m.canBack = true
	keys(m, keyEsc)
	if !m.back {
		t.Errorf("Esc with no filter did not go back")
	}
}

// Shift+Tab or Esc on a form's first question goes back; on a later one
// Shift+Tab moves to the previous question.
func TestFormBackFromTheFirstQuestion(t *testing.T) {
	w := screenWizard(t)
	for _, k := range []tea.KeyMsg{{Type: tea.KeyShiftTab}, keyEsc} {
		m := newFormModel(w.storeForm(), true, w.st.Muted)
		m.Init()
		size(m, 80, 24)
		if !strings.Contains(m.View(), "esc back") || !strings.Contains(m.View(), "ctrl+c quit") {
			t.Errorf("the help line does not say how to go back and quit:\n%s", m.View())
		}
		_, cmd := m.Update(k)
		if !m.back || cmd == nil {
			t.Errorf("%s on the first question did not go back", k)
		}
	}
	m := newFormModel(w.storeForm(), false, w.st.Muted)
	m.Init()
	keys(m, tea.KeyMsg{Type: tea.KeyShiftTab})
	if m.back || strings.Contains(m.View(), "esc back") {
		t.Errorf("the very first form offers to go back")
	}
}

// What long work reports shows under its spinner.
func TestTaskShowsProgressUnderTheSpinner(t *testing.T) {
	progress := new(atomic.Pointer[string])
	m := taskModel{title: "Reading the org's profiles", progress: progress, spinner: spinner.New()}
	if strings.Contains(m.View(), "read") {
		t.Fatalf("progress shown before any was reported:\n%s", m.View())
	}
	line := "read 4,000 of 10,004 profiles"
	progress.Store(&line)
	if view := m.View(); !strings.Contains(view, "Reading the org's profiles") || !strings.Contains(view, line) {
		t.Errorf("the progress is not under the spinner:\n%s", view)
	}
	if got := thousands(10004); got != "10,004" {
		t.Errorf("thousands(10004) = %q", got)
	}
}
