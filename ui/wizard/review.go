package wizard

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/huh"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/cards"
	"sfstore/ui/settings"
)

// Review prints everything that will be sent and asks what to do.
func (w *Wizard) Review(ctx context.Context) (ui.Action, error) {
	fmt.Fprintln(w.s.Err, "\n"+w.st.Title.Render("Review: this is what will be sent")+w.st.Muted.Render(" (secrets masked)"))
	fmt.Fprintln(w.s.Err, cards.RenderReview(w.st, *w.a, w.s.ErrWidth))
	problems := w.a.CheckAll()
	for _, p := range problems {
		w.s.Notice(w.st.Bad, "✗ "+p.Error())
	}
	chosen := "create"
	var opts []huh.Option[string]
	if len(problems) == 0 {
		create := "Create the store in environment " + w.a.TargetEnvironmentID()
		if w.s.Opts.DryRun {
			create = "Print the request (dry run: nothing is sent)"
		}
		opts = append(opts, huh.NewOption(create, "create"),
			huh.NewOption("Test the connection: PingOne tries Salesforce, creates nothing", "test"))
	} else {
		chosen = editValue(problems[0].Field.Step)
	}
	for _, s := range settings.Steps {
		opts = append(opts, huh.NewOption("Edit: "+s.String(), editValue(s)))
	}
	opts = append(opts, huh.NewOption("Cancel: create nothing", "cancel"))
	fields := []huh.Field{huh.NewSelect[string]().Title("What next?").Options(opts...).Value(&chosen)}
	if w.s.KeyringAvailable() {
		question, why := "Save the secrets in the OS keyring?", "After the store is created. Next time sfstore offers them instead of asking."
		if w.s.Opts.Demo {
			question, why = "Save the secrets in the demo keyring?", "The demo keyring lives in memory: it is gone when sfstore exits."
		}
		fields = append([]huh.Field{w.yesNo(question, why, &w.a.SaveSecrets)}, fields...)
	}
	if err := w.run(ctx, w.form(huh.NewGroup(fields...).Title(w.titleText("Review")))); err != nil {
		return ui.Action{}, err
	}
	act := parseAction(chosen)
	if act.Kind == ui.ActCreate && w.s.Opts.DryRun {
		act.Kind = ui.ActDryRun
	}
	return act, nil
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
	f := w.form(huh.NewGroup(huh.NewSelect[string]().Title("What now?").
		Description("Everything you entered is kept.").Options(opts...).Value(&chosen)).Title(w.titleText("Not done")))
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
		"The store then shows in the admin console. This starts a resync of the environment's stores.",
		&publish)).Title(w.titleText("Publish")))
	err := w.run(ctx, f)
	return publish, err
}
