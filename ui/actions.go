package ui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/huh"

	"sfstore/api"
)

type actionKind int

const (
	actionCreate actionKind = iota
	actionEdit
	actionTest
	actionCancel
)

type action struct {
	kind actionKind
	step Step
}

// ShownError is an error the wizard has already shown the user in full;
// main only sets the exit code for it.
type ShownError struct{ Err error }

func (e *ShownError) Error() string { return e.Err.Error() }
func (e *ShownError) Unwrap() error { return e.Err }

// review prints everything that will be sent and asks what to do.
func (w *wizard) review(ctx context.Context) (action, error) {
	fmt.Fprintln(w.opts.ErrOut, "\n"+w.st.Title.Render("Review: this is what will be sent")+w.st.Muted.Render(" (secrets masked)"))
	fmt.Fprintln(w.opts.ErrOut, RenderReview(w.st, *w.a, w.opts.Width))
	problems := w.a.CheckAll()
	for _, p := range problems {
		w.notice(w.st.Bad, "✗ "+p.Error())
	}
	choice := "create"
	var opts []huh.Option[string]
	if len(problems) == 0 {
		create := "Create the store in environment " + w.a.TargetEnvironmentID()
		if w.opts.DryRun {
			create = "Print the request (dry run: nothing is sent)"
		}
		opts = append(opts, huh.NewOption(create, "create"),
			huh.NewOption("Test the connection: PingOne tries Salesforce, creates nothing", "test"))
	} else {
		choice = editValue(problems[0].Field.Step)
	}
	for _, s := range Steps {
		opts = append(opts, huh.NewOption("Edit: "+s.String(), editValue(s)))
	}
	opts = append(opts, huh.NewOption("Cancel: create nothing", "cancel"))
	fields := []huh.Field{huh.NewSelect[string]().Title("What next?").Options(opts...).Value(&choice)}
	if w.keyringErr == nil {
		question, why := "Save the secrets in the OS keyring?", "After the store is created. Next time sfstore offers them instead of asking."
		if w.opts.Demo {
			question, why = "Save the secrets in the demo keyring?", "The demo keyring lives in memory: it is gone when sfstore exits."
		}
		fields = append([]huh.Field{w.yesNo(question, why, &w.a.SaveSecrets)}, fields...)
	}
	if err := w.run(ctx, w.form(huh.NewGroup(fields...).Title(w.titleText("Review")))); err != nil {
		return action{}, err
	}
	return parseAction(choice), nil
}

func (w *wizard) titleText(t string) string {
	if w.opts.Demo {
		return "DEMO · " + t
	}
	return t
}

func editValue(s Step) string { return "edit:" + strconv.Itoa(int(s)) }

func parseAction(v string) action {
	switch {
	case v == "create":
		return action{kind: actionCreate}
	case v == "test":
		return action{kind: actionTest}
	case strings.HasPrefix(v, "edit:"):
		n, _ := strconv.Atoi(strings.TrimPrefix(v, "edit:"))
		return action{kind: actionEdit, step: Step(n)}
	}
	return action{kind: actionCancel}
}

// recover asks what to do after a failed create: fix the step the error
// points at, go back to the review, or quit. Every answer is kept.
func (w *wizard) recover(ctx context.Context, failure error, heading, question string) error {
	choice := "review"
	var opts []huh.Option[string]
	for i, s := range failedSteps(failure) {
		if i == 0 {
			choice = editValue(s)
		}
		opts = append(opts, huh.NewOption("Fix: "+s.String()+" (named in the error)", editValue(s)))
	}
	opts = append(opts, huh.NewOption("Back to the review (to retry or edit any step)", "review"),
		huh.NewOption("Quit: create nothing", "quit"))
	f := w.form(huh.NewGroup(huh.NewSelect[string]().Title(question).
		Description("Everything you entered is kept.").Options(opts...).Value(&choice)).Title(w.titleText(heading)))
	if err := w.run(ctx, f); err != nil {
		return err
	}
	switch choice {
	case "quit":
		return &ShownError{failure}
	case "review":
		return errEditAgain
	}
	return w.editStep(ctx, parseAction(choice).step)
}

// submit creates the store under a spinner.
func (w *wizard) submit(ctx context.Context) (*api.Store, error) {
	req := w.a.Request()
	var store *api.Store
	err := w.runTask(ctx, "Creating the store in PingOne", func(ctx context.Context) error {
		client, err := w.newClient(ctx)
		if err != nil {
			return err
		}
		store, err = client.CreateSalesforceStore(ctx, w.a.TargetEnvironmentID(), &req)
		return err
	})
	if errors.Is(err, ErrCancelled) {
		w.warnMaybeCreated()
	}
	return store, err // an error already says "create store: …"
}

// warnMaybeCreated is said when a create request is cancelled in flight:
// PingOne may have received it, so "nothing was created" would be a guess.
func (w *wizard) warnMaybeCreated() {
	w.notice(w.st.Warn, "! The create request was cancelled while PingOne was answering. If it had arrived, the store exists: check the environment's stores before trying again.")
}
