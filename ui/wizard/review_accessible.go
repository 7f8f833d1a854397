package wizard

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/huh"

	"sfstore/ui"
	"sfstore/ui/cards"
	"sfstore/ui/settings"
)

// readOutReview prints the review (an edit's changes first), unless it is
// the one last read out: after a connection test, only the result and the
// question are new.
func (w *Wizard) readOutReview() {
	var b strings.Builder
	if e := w.s.Editing; e != nil {
		fmt.Fprintln(&b, "\n"+cards.Wrap("Changes to the store (old → new, secrets masked)", w.s.ErrWidth))
		fmt.Fprintln(&b, cards.RenderChanges(w.st, e.Original, *w.a, w.s.ErrWidth))
	}
	fmt.Fprintln(&b, "\n"+cards.Wrap("Review: this is what will be sent (secrets masked)", w.s.ErrWidth))
	fmt.Fprintln(&b, cards.RenderReview(w.st, *w.a, w.s.ErrWidth))
	if b.String() == w.readReview {
		fmt.Fprintln(w.s.Err, "\nReview: unchanged since it was read out.")
		return
	}
	w.readReview = b.String()
	fmt.Fprint(w.s.Err, b.String())
}

// saveHint says what saving the secrets is for.
func (w *Wizard) saveHint() string {
	if w.s.Opts.Demo {
		return "The demo keyring is gone when sfstore exits; a real run keeps them in the OS keyring."
	}
	return "Next time sfstore offers them instead of asking."
}

// reviewAccessible is the review for screen readers: the answers as plain
// lines, then one question at a time.
func (w *Wizard) reviewAccessible(ctx context.Context) (ui.Action, error) {
	w.readOutReview()
	problems := w.a.CheckAll()
	for _, n := range w.reviewNotes(problems) {
		fmt.Fprintln(w.s.Err, n.render(w.s.ErrWidth))
	}
	items, cursor := w.reviewItems(problems)
	chosen := items[cursor].value
	var opts []huh.Option[string]
	for _, it := range items {
		switch it.value {
		case "save":
			if w.saveAsked {
				opts = append(opts, huh.NewOption("Change whether to save the secrets (now "+cards.YesNo(w.a.SaveSecrets)+")", it.value))
			}
			continue // else asked below
		case "all":
			continue // shown above
		case "steps":
			for _, s := range settings.Steps {
				opts = append(opts, huh.NewOption("Edit: "+s.String(), editValue(s)))
			}
			continue
		}
		opts = append(opts, huh.NewOption(it.label, it.value))
	}
	fields := []huh.Field{huh.NewSelect[string]().Title("What next?").Options(opts...).Value(&chosen)}
	if w.s.KeyringAvailable() && !w.saveAsked {
		fields = append([]huh.Field{w.yesNo("Save the secrets, "+w.saveLabel()+"?", w.saveHint(), &w.a.SaveSecrets)}, fields...)
	}
	if err := w.run(ctx, w.form(huh.NewGroup(fields...).Title(w.titleText("Review")))); err != nil {
		return ui.Action{}, err
	}
	w.saveAsked = w.s.KeyringAvailable() && chosen != "save"
	if chosen == "save" {
		return ui.Action{Kind: ui.ActReview}, nil // asked again at once
	}
	act := parseAction(chosen)
	switch {
	case act.Kind == ui.ActCreate && w.s.Opts.DryRun:
		act.Kind = ui.ActDryRun
	case act.Kind == ui.ActCreate:
		// As on the full screen: without a passing test, Create is asked
		// once more, naming where it goes; the answer defaults to no.
		if w.asksBeforeSending() {
			sure := false
			q := w.yesNo(w.confirmText(), "No goes back to the review.", &sure)
			if err := w.run(ctx, w.form(huh.NewGroup(q))); err != nil {
				return ui.Action{}, err
			}
			if !sure {
				return ui.Action{Kind: ui.ActReview}, nil
			}
		}
	}
	return act, nil
}
