package stores

import (
	"context"
	"fmt"
	"strings"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/settings"
	"sfstore/ui/term"
)

// Question is a yes/no question of a store command.
type Question struct {
	Title, Description string
	// Default is the wizard's preselected answer.
	Default bool
	// Script is a script's answer, from its flag.
	Script bool
}

// A Prompter makes the decisions the store commands leave to the person:
// the create flow's (ui.Prompter, for edit and reconnect) and a few more.
// The wizard (ui/wizard) asks; Script answers from flags.
type Prompter interface {
	ui.Prompter
	// ChooseStore says which of several Salesforce stores named ref is
	// meant.
	ChooseStore(ctx context.Context, ref string, candidates []api.Store) (api.Store, error)
	// Confirm answers a yes/no question.
	Confirm(ctx context.Context, q Question) (bool, error)
	// ConfirmDelete has the person type the store's name (or ID) before
	// it is deleted; warning says what deleting it does. A nil error
	// means delete.
	ConfirmDelete(ctx context.Context, st api.Store, warning string) error
	// AskSecrets asks for the secret fields nothing else supplied; why
	// says why they are asked for.
	AskSecrets(ctx context.Context, fields []*settings.Field, why string) error
	// NewTokens puts new Salesforce tokens into the answers: the wizard's
	// sign-in screen, or pasted. The session is the sign-in's, or nil when
	// the tokens were pasted.
	NewTokens(ctx context.Context) (*ui.SalesforceSession, error)
}

// Script is the Prompter of a run without prompts: the create flow's
// script, and flags for the rest. Whatever it cannot decide ends the run
// with an InputError (exit 2) that says what to supply.
type Script struct {
	*ui.Script
	s *ui.Session
	// yes is --yes: delete without typing the name.
	yes bool
}

// NewScript returns the Prompter of a run without prompts; yes is --yes.
func NewScript(s *ui.Session, yes bool) *Script {
	return &Script{Script: ui.NewScript(s), s: s, yes: yes}
}

var _ Prompter = (*Script)(nil)

// ChooseStore cannot choose: it lists the stores, for the person to give
// the ID of one.
func (p *Script) ChooseStore(_ context.Context, ref string, candidates []api.Store) (api.Store, error) {
	return api.Store{}, ambiguous(ref, candidates)
}

// ambiguous says that several stores have the name ref, and lists them
// with what tells them apart.
func ambiguous(ref string, candidates []api.Store) error {
	lines := []string{fmt.Sprintf("%d Salesforce stores are named %q; give the ID of the one you mean:", len(candidates), term.Line(ref))}
	for _, st := range candidates {
		line := fmt.Sprintf("  %s  %s, %s, %s", term.Line(st.ID), term.Line(st.Name), term.Line(st.Status), SyncLabel(st))
		if st.UpdatedAt != "" {
			line += ", updated " + term.Line(st.UpdatedAt)
		}
		lines = append(lines, line)
	}
	return &settings.InputError{Problems: []string{strings.Join(lines, "\n")}}
}

// SyncLabel says in two words whether PingOne syncs st: "not synced" or
// "sync" and PingOne's state, made inert. Lists of stores that tell them
// apart (a script's error, the wizard's choice, shell completion) use it.
func SyncLabel(st api.Store) string {
	if st.SyncStatus == nil || st.SyncStatus.SyncState == "" {
		return "not synced"
	}
	return "sync " + term.Line(st.SyncStatus.SyncState)
}

// Confirm answers with the question's flag.
func (p *Script) Confirm(_ context.Context, q Question) (bool, error) { return q.Script, nil }

// ErrDeleteNeedsYes stops a scripted delete that was not told --yes.
var ErrDeleteNeedsYes = &settings.InputError{Problems: []string{
	"sfstore delete without a terminal needs --yes (nobody can type the store's name); nothing was deleted"}}

// ConfirmDelete follows --yes.
func (p *Script) ConfirmDelete(context.Context, api.Store, string) error {
	if p.yes {
		return nil
	}
	return ErrDeleteNeedsYes
}

// AskSecrets cannot ask: it names each secret and the variable that
// supplies it.
func (p *Script) AskSecrets(_ context.Context, fields []*settings.Field, why string) error {
	lines := make([]string, 0, len(fields))
	for _, f := range fields {
		lines = append(lines, fmt.Sprintf("%s: %s (supply it with env %s)", f.Label, why, f.Env))
	}
	return &settings.InputError{Problems: lines}
}

// ErrNoTokens stops a scripted reconnect that was given no new tokens.
var ErrNoTokens = &settings.InputError{Problems: []string{
	"new Salesforce tokens are needed: supply SALESFORCE_ACCESS_TOKEN and SALESFORCE_REFRESH_TOKEN, or sign in with --salesforce-login"}}

// NewTokens signs in with the browser when --salesforce-login asks for it;
// otherwise the tokens must come from the environment.
func (p *Script) NewTokens(ctx context.Context) (*ui.SalesforceSession, error) {
	if !p.s.Opts.Salesforce.Login {
		return nil, ErrNoTokens
	}
	return nil, p.s.SignInScripted(ctx)
}
