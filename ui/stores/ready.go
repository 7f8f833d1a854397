package stores

import (
	"context"

	"sfstore/ui"
	"sfstore/ui/settings"
)

// ready makes sure the run can sign in to PingOne, as create's first step
// does: the flags and the environment, then the keyring for the worker
// app's secret, then the wizard's PingOne step in a terminal. A script
// that lacks something stops with exit 2, naming what supplies it.
func ready(ctx context.Context, s *ui.Session, p Prompter) error {
	a := s.Answers
	s.DemoSignIn()
	if len(a.Check(settings.StepPingOne)) > 0 {
		s.FillFromKeyring(ctx, p) // only the worker secret: no store is known yet
	}
	problems := a.Check(settings.StepPingOne)
	switch {
	case len(problems) == 0:
		return nil
	case s.Opts.NoInput:
		return settings.Missing(problems)
	}
	return p.Edit(ctx, settings.StepPingOne)
}
