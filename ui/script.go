package ui

import (
	"context"
	"fmt"
	"time"

	"sfstore/api"
	"sfstore/ui/cards"
	"sfstore/ui/settings"
	"sfstore/ui/term"
)

// Script is the Prompter of a run without prompts: every answer comes from
// flags, the environment, a --from file or the keyring, and every decision
// from a flag. Anything missing ends the run with an InputError that names
// each value and how to supply it.
type Script struct {
	s      *Session
	tested bool
}

// NewScript returns the Prompter for a run without prompts.
func NewScript(s *Session) *Script { return &Script{s: s} }

// Collect fills secrets from the keyring, signs in to Salesforce when
// asked, and checks every answer. A dry run signs in nowhere, so it needs
// no PingOne secret.
func (p *Script) Collect(ctx context.Context) error {
	s := p.s
	s.FillFromKeyring(ctx, p)
	if s.Opts.Salesforce.Login && !s.Opts.DryRun {
		if err := s.SignInScripted(ctx); err != nil {
			return err
		}
	}
	for _, n := range s.Answers.CaseNotes() {
		s.Progress("%s.", n)
	}
	problems := s.Answers.CheckAll()
	if s.Opts.DryRun {
		problems = withoutPingOneSecrets(problems)
	}
	if len(problems) > 0 {
		return settings.Missing(problems)
	}
	return nil
}

func withoutPingOneSecrets(problems []settings.FieldError) []settings.FieldError {
	kept := problems[:0]
	for _, p := range problems {
		if p.Field != settings.FieldWorkerClientSecret && p.Field != settings.FieldPingOneToken {
			kept = append(kept, p)
		}
	}
	return kept
}

// Review tests the connection first when --test-connection asks for it,
// then creates (or prints the request of a dry run).
func (p *Script) Review(context.Context) (Action, error) {
	switch {
	case p.s.Opts.DryRun:
		return Action{Kind: ActDryRun}, nil
	case p.s.Opts.TestConnection && !p.tested:
		p.tested = true
		return Action{Kind: ActTest}, nil
	}
	return Action{Kind: ActCreate}, nil
}

// Edit cannot happen in a script: nobody can answer.
func (p *Script) Edit(context.Context, settings.Step) error { return ErrCancelled }

// AllowDuplicate follows --allow-duplicate-name.
func (p *Script) AllowDuplicate(_ context.Context, dup api.Store) (bool, error) {
	if p.s.Opts.AllowDuplicateName {
		return true, nil
	}
	return false, &DuplicateError{Name: dup.Name, ID: dup.ID}
}

// Failed gives up: the flow has shown the failure, and a script cannot fix
// it.
func (p *Script) Failed(context.Context, error) (Action, error) {
	return Action{Kind: ActQuit}, nil
}

// Publish follows --publish.
func (p *Script) Publish(context.Context) (bool, error) { return p.s.Opts.Publish, nil }

// Task prints title and runs work: no animation, since a script's stderr is
// often a log file. Titles carry IDs from PingOne, so the line is made inert.
func (p *Script) Task(ctx context.Context, title string, work func(context.Context) error) error {
	fmt.Fprintln(p.s.Err, cards.Wrap(term.Line(title)+"…", p.s.ErrWidth))
	err := work(WithRetryNotice(ctx, func(msg string, _ time.Time) { fmt.Fprintln(p.s.Err, cards.Wrap(term.Line(msg), p.s.ErrWidth)) }))
	if ctx.Err() != nil {
		return ErrCancelled
	}
	return err
}
