package ui

import (
	"context"

	"sfstore/api"
	"sfstore/ui/settings"
)

// A Prompter makes the decisions the create flow leaves to the person. The
// wizard (ui/wizard) asks; Script answers from the command line. The flow
// itself, and everything it shows, is the same for both.
type Prompter interface {
	// Collect fills in the answers: the wizard asks every step (or only
	// what is missing); a script checks that nothing is missing.
	Collect(ctx context.Context) error
	// Review shows the answers and says what to do next.
	Review(ctx context.Context) (Action, error)
	// Edit asks one step again, every answer kept.
	Edit(ctx context.Context, step settings.Step) error
	// AllowDuplicate says whether to create a store although a Salesforce
	// store of the same name exists.
	AllowDuplicate(ctx context.Context, dup api.Store) (bool, error)
	// Failed says what to do after a failure the flow has shown: edit a
	// step, go back to the review, or give up (Quit).
	Failed(ctx context.Context, err error) (Action, error)
	// Publish says whether to create a propagation revision now.
	Publish(ctx context.Context) (bool, error)
	// Task runs work while showing title: a spinner, or one line.
	Task(ctx context.Context, title string, work func(context.Context) error) error
}

// ActionKind is what to do next in the flow.
type ActionKind int

// What the flow can do next.
const (
	ActCreate ActionKind = iota
	ActTest
	ActEdit
	ActReview
	ActDryRun
	ActCancel
	ActQuit
	// ActCreateInactive creates again with the status left to PingOne,
	// after PingOne refused to create the store active.
	ActCreateInactive
)

// Action is the next thing to do, and for ActEdit the step to edit.
type Action struct {
	Kind ActionKind
	Step settings.Step
}
