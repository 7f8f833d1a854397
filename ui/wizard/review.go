package wizard

import (
	"context"
	"fmt"

	"strconv"
	"strings"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/cards"
	"sfstore/ui/settings"
)

// Review shows what will be sent and asks what to do next, on one screen
// that fits 80×24: a summary of the answers (every answer when the screen
// has room, and always behind "Show everything"), the last connection
// test's result right above the actions, and the actions, each with its
// own key. Until a test has passed with these answers the cursor starts
// on "Test the connection" and Create asks for one key naming the
// environment, so Enter typed ahead never creates a store.
func (w *Wizard) Review(ctx context.Context) (ui.Action, error) {
	if w.s.Opts.Accessible {
		return w.reviewAccessible(ctx)
	}
	m := w.newReviewModel()
	if err := w.runModel(ctx, m); err != nil {
		return ui.Action{}, err
	}
	if m.cancelled {
		return ui.Action{}, ui.ErrCancelled
	}
	act := parseAction(m.chosen)
	if act.Kind == ui.ActCreate && w.s.Opts.DryRun {
		act.Kind = ui.ActDryRun
	}
	return act, nil
}

// newReviewModel builds the review screen for the answers as they are.
func (w *Wizard) newReviewModel() *reviewModel {
	problems := w.a.CheckAll()
	m := &reviewModel{
		st:        w.st,
		heading:   w.st.Title.Render(w.titleText("Review: this is what will be sent")) + w.st.Muted.Render(" (secrets masked)"),
		bodies:    w.reviewBodies(),
		full:      func(width int) string { return cards.RenderReview(w.st, *w.a, width) },
		notes:     w.reviewNotes(problems),
		save:      &w.a.SaveSecrets,
		saveLabel: w.saveLabel(),
	}
	m.items, m.cursor = w.reviewItems(problems)
	if w.asksBeforeSending() {
		m.confirm, m.confirmVerb = w.confirmText()+" Press y to create.", "create"
	}
	if e := w.s.Editing; e != nil {
		// An edit's changes come first: they are what the PUT is about.
		m.heading = w.st.Title.Render(w.titleText("Review: the store after your changes")) + w.st.Muted.Render(" (old → new, secrets masked)")
		m.changes = func(width int) string { return cards.RenderChanges(w.st, e.Original, *w.a, width) }
		if m.confirm != "" {
			m.confirm, m.confirmVerb = w.confirmText()+" Press y to update.", "update"
		}
	}
	return m
}

// reviewBodies are the renderings of the answers, most complete first:
// every answer in two columns on a wide screen, every answer, then the
// summary. An edit's "old → new" changes belong here, above the rest.
func (w *Wizard) reviewBodies() []func(int) string {
	a := w.a
	return []func(int) string{
		func(width int) string {
			if width < 120 {
				return "" // too narrow for two columns
			}
			return cards.RenderReviewColumns(w.st, *a, width)
		},
		func(width int) string { return cards.RenderReview(w.st, *a, width) },
		func(width int) string { return "\n" + cards.RenderReviewSummary(w.st, *a, width) },
	}
}

// reviewNote is a line right above the review's actions, cleaned, drawn
// in its style at the screen's width.
type reviewNote struct {
	text  string
	style lipgloss.Style
}

// render is the note wrapped at width, each line styled alone.
func (n reviewNote) render(width int) string {
	lines := strings.Split(cards.Wrap(n.text, width), "\n")
	for i, l := range lines {
		lines[i] = n.style.Render(l)
	}
	return strings.Join(lines, "\n")
}

// reviewNotes are the lines right above the actions: the last test's
// result, then what is missing or wrong.
func (w *Wizard) reviewNotes(problems []settings.FieldError) []reviewNote {
	var notes []reviewNote
	if msg, passed := w.s.TestResult(); msg != "" {
		style := w.st.Bad
		if passed {
			style = w.st.OK
		}
		notes = append(notes, reviewNote{w.st.Clean(msg), style})
	}
	for _, n := range w.a.CaseNotes() {
		notes = append(notes, reviewNote{w.st.Clean(n + "."), w.st.Muted})
	}
	for _, p := range problems {
		notes = append(notes, reviewNote{w.st.Clean("✗ " + p.Error()), w.st.Bad})
	}
	return notes
}

// reviewItems are the review's actions and the one the cursor starts on:
// the first step with a problem, else Create once a test has passed with
// these answers, else Test.
func (w *Wizard) reviewItems(problems []settings.FieldError) ([]menuItem, int) {
	var items []menuItem
	cursor := 0
	if len(problems) == 0 {
		create := "Create the store in environment " + w.a.TargetEnvironmentID()
		switch {
		case w.s.Opts.DryRun:
			create = "Print the request (dry run: nothing is sent)"
		case w.s.Editing != nil:
			create = "Update the store (one PUT of the whole store)"
		}
		test := "Test the connection: PingOne tries Salesforce, creates nothing"
		if w.s.Editing != nil {
			test = "Test the connection: PingOne tries Salesforce, changes nothing"
		}
		if w.s.Opts.DryRun {
			// A dry run sends nothing, so there is nothing to test.
			items = append(items, menuItem{"c", create, "create"})
		} else {
			items = append(items, menuItem{"t", test, "test"}, menuItem{"c", create, "create"})
			if _, passed := w.s.TestResult(); passed {
				cursor = 1
			}
		}
	}
	if w.s.KeyringAvailable() {
		items = append(items, menuItem{"s", w.saveLabel(), "save"})
	}
	items = append(items, menuItem{"e", "Edit a step (or press 1–5)", "steps"},
		menuItem{"a", "Show every answer", "all"},
		menuItem{"q", w.cancelLabel(), "cancel"})
	if len(problems) > 0 {
		return append([]menuItem{{"f", "Fix: " + problems[0].Field.Step.String(), editValue(problems[0].Field.Step)}}, items...), 0
	}
	return items, cursor
}

func (w *Wizard) saveLabel() string {
	if w.s.Opts.Demo {
		return "in the demo keyring, gone when sfstore exits"
	}
	return "in the OS keyring, after the store is saved"
}

// asksBeforeSending says whether Create (or Update) asks once more: when
// something would be sent without a passing connection test. A dry run
// sends nothing, nor does an edit that changes nothing.
func (w *Wizard) asksBeforeSending() bool {
	if _, passed := w.s.TestResult(); passed || w.s.Opts.DryRun {
		return false
	}
	e := w.s.Editing
	return e == nil || len(settings.Changes(e.Original, *w.a)) > 0
}

// confirmText asks for Create (or Update) without a passing connection
// test, naming what it changes.
func (w *Wizard) confirmText() string {
	if e := w.s.Editing; e != nil {
		return "Update the store " + e.StoreID + " without a passing connection test?"
	}
	return "Create the store in environment " + w.a.TargetEnvironmentID() + " without a passing connection test?"
}

func editValue(s settings.Step) string { return "edit:" + strconv.Itoa(int(s)) }

func parseAction(v string) ui.Action {
	switch {
	case v == "create":
		return ui.Action{Kind: ui.ActCreate}
	case v == "test":
		return ui.Action{Kind: ui.ActTest}
	case v == "review":
		return ui.Action{Kind: ui.ActReview}
	case v == "quit":
		return ui.Action{Kind: ui.ActQuit}
	case strings.HasPrefix(v, "edit:"):
		n, _ := strconv.Atoi(strings.TrimPrefix(v, "edit:"))
		return ui.Action{Kind: ui.ActEdit, Step: settings.Step(n)}
	}
	return ui.Action{Kind: ui.ActCancel}
}

// Failed asks what to do after a failure the flow has shown: fix the step
// the error points at, go back to the review, or quit. Every answer is
// kept, and what PingOne said about each field shows under it.
func (w *Wizard) Failed(ctx context.Context, failure error) (ui.Action, error) {
	w.problems = settings.ProblemsNamedBy(failure)
	chosen := "review"
	var opts []huh.Option[string]
	for i, s := range settings.StepsNamedBy(failure) {
		if i == 0 {
			chosen = editValue(s)
		}
		opts = append(opts, huh.NewOption("Fix: "+s.String()+" (named in the error)", editValue(s)))
	}
	opts = append(opts, huh.NewOption("Back to the review (to retry or edit any step)", "review"),
		huh.NewOption("Quit", "quit"))
	f := w.form(huh.NewGroup(huh.NewSelect[string]().Title("What now? Everything you entered is kept.").
		Options(opts...).Value(&chosen)).Title(w.titleText("Not done")))
	if err := w.run(ctx, f); err != nil {
		return ui.Action{}, err
	}
	return parseAction(chosen), nil
}

// AllowDuplicate warns that a Salesforce store of the same name exists in
// the target environment and asks whether to create another.
func (w *Wizard) AllowDuplicate(ctx context.Context, dup api.Store) (bool, error) {
	proceed := false
	f := w.form(huh.NewGroup(w.yesNo(
		fmt.Sprintf("A Salesforce store named %q already exists", w.st.Clean(dup.Name)),
		w.st.Clean(fmt.Sprintf("ID %s, status %s. Two stores with one name are easy to confuse.", dup.ID, dup.Status))+"\nCreate another one anyway?",
		&proceed)).Title(w.titleText("Same name")))
	if err := w.run(ctx, f); err != nil {
		return false, err
	}
	return proceed, nil
}

// Publish offers to create a propagation revision so the store shows in
// the admin console.
func (w *Wizard) Publish(ctx context.Context) (bool, error) {
	publish := false
	f := w.form(huh.NewGroup(w.yesNo("Create a propagation revision now?",
		"Shows the store in the admin console; resyncs the environment's stores.",
		&publish)).Title(w.titleText("Publish")))
	err := w.run(ctx, f)
	return publish, err
}

// cancelLabel says what cancelling leaves undone.
func (w *Wizard) cancelLabel() string {
	if w.s.Editing != nil {
		return "Cancel: change nothing"
	}
	return "Cancel: create nothing"
}
