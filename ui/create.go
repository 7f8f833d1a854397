package ui

import (
	"context"
	"errors"
	"strings"

	"sfstore/api"
	"sfstore/ui/settings"
)

// Headings of the failures the flow reports, each saying what failed.
const (
	headingNotCreated    = "PingOne did not create the store"
	headingTestFailed    = "The connection test failed"
	headingDuplicateScan = "sfstore could not check for a store with the same name"
)

// Create runs the create flow: collect the answers, then review until the
// person (or the script) chooses to create; test the connection when
// asked; refuse a duplicate name unless allowed; create; then save the
// secrets, show the store and publish. After a failure every answer is
// kept and the prompter chooses what to fix. It returns the created store,
// ErrCancelled, or the failure as a ShownError.
func Create(ctx context.Context, s *Session, p Prompter) (*api.Store, error) {
	if err := p.Collect(ctx); err != nil {
		return nil, err
	}
	for {
		act, err := p.Review(ctx)
		if err != nil {
			return nil, err
		}
		switch act.Kind {
		case ActCancel:
			return nil, ErrCancelled
		case ActEdit:
			err = p.Edit(ctx, act.Step)
		case ActDryRun:
			return nil, s.PrintDryRun()
		case ActTest:
			err = s.recover(ctx, p, headingTestFailed, s.TestConnection(ctx, p))
		case ActCreate:
			var store *api.Store
			store, err = s.createChecked(ctx, p)
			if err == nil {
				return store, s.finish(ctx, p, store)
			}
			err = s.recover(ctx, p, headingNotCreated, err)
		}
		if err != nil {
			return nil, err
		}
	}
}

// createChecked refuses a duplicate name unless allowed, then creates the
// store. The same rule holds for the wizard and scripts: a failed lookup is
// a failure, since a create without it could make a second store of the
// same name.
func (s *Session) createChecked(ctx context.Context, p Prompter) (*api.Store, error) {
	dup, err := s.findDuplicate(ctx, p)
	if err != nil {
		return nil, err
	}
	if dup != nil {
		allowed, err := p.AllowDuplicate(ctx, *dup)
		if err != nil || !allowed {
			return nil, cmpErr(err, errNotAllowed)
		}
	}
	return s.createStore(ctx, p)
}

// errNotAllowed is the person declining to create a second store of the
// same name: back to the review, nothing to report.
var errNotAllowed = errors.New("not allowed")

func (s *Session) findDuplicate(ctx context.Context, p Prompter) (*api.Store, error) {
	var dup *api.Store
	err := p.Task(ctx, "Checking for a store with the same name", func(ctx context.Context) error {
		client, err := s.Client()
		if err != nil {
			return err
		}
		stores, err := client.ListStores(ctx, s.Answers.TargetEnvironmentID())
		if err != nil {
			return err
		}
		dup = sameName(stores, s.Answers.Name)
		return nil
	})
	if err != nil && !errors.Is(err, ErrCancelled) {
		return nil, &failure{heading: headingDuplicateScan, err: err}
	}
	return dup, err
}

// sameName finds a Salesforce store named name, ignoring case and
// surrounding space, as a person reading a list would.
func sameName(stores []api.Store, name string) *api.Store {
	for i, st := range stores {
		if st.Type == api.StoreTypeSalesforce && strings.EqualFold(strings.TrimSpace(st.Name), strings.TrimSpace(name)) {
			return &stores[i]
		}
	}
	return nil
}

// failure is an error reported under its own heading rather than the
// step's.
type failure struct {
	heading string
	err     error
}

func (f *failure) Error() string { return f.err.Error() }
func (f *failure) Unwrap() error { return f.err }

func (s *Session) createStore(ctx context.Context, p Prompter) (*api.Store, error) {
	req := s.Answers.Request()
	env := s.Answers.TargetEnvironmentID()
	var store *api.Store
	err := p.Task(ctx, "Creating the store in environment "+env, func(ctx context.Context) error {
		client, err := s.Client()
		if err != nil {
			return err
		}
		store, err = client.CreateSalesforceStore(ctx, env, &req)
		return err
	})
	if errors.Is(err, ErrCancelled) {
		s.Notice(s.ErrStyles.Warn, "! The create request was cancelled while PingOne was answering. If it had arrived, the store exists: check with `sfstore list` before trying again.")
	}
	return store, err // an error already says "create store: …"
}

// recover shows a failure and lets the prompter choose what to do: fix a
// step, go back to the review, or give up. Cancelling and declining a
// duplicate need no report.
func (s *Session) recover(ctx context.Context, p Prompter, heading string, err error) error {
	switch {
	case err == nil, errors.Is(err, errNotAllowed):
		return nil
	case errors.Is(err, ErrCancelled):
		return err
	}
	var f *failure
	if errors.As(err, &f) {
		heading = f.heading
	}
	s.ReportFailure(heading, err)
	act, perr := p.Failed(ctx, err)
	switch {
	case perr != nil:
		return perr
	case act.Kind == ActQuit:
		s.ReportFinalFailure(err)
		return &ShownError{err}
	case act.Kind == ActEdit:
		return p.Edit(ctx, act.Step)
	}
	return nil
}

// finish saves the secrets when asked, shows the store, and publishes when
// asked. The store exists whatever happens here, so a failure is reported
// and does not change the outcome, and Ctrl-C at the optional publish
// question still ends the run as created.
func (s *Session) finish(ctx context.Context, p Prompter, store *api.Store) error {
	s.SaveSecrets(ctx, p)
	if err := s.ReportCreated(store); err != nil {
		return err
	}
	publish, err := p.Publish(ctx)
	if err != nil || !publish {
		return nil
	}
	s.publish(ctx, p)
	return nil
}

// publish creates a propagation revision; a failure is reported, and does
// not undo the store.
func (s *Session) publish(ctx context.Context, p Prompter) {
	err := p.Task(ctx, "Creating a propagation revision (this starts a resync)", func(ctx context.Context) error {
		client, err := s.Client()
		if err != nil {
			return err
		}
		_, err = client.CreateRevision(ctx, s.Answers.TargetEnvironmentID())
		return err
	})
	switch {
	case errors.Is(err, ErrCancelled):
	case err != nil:
		s.Notice(s.ErrStyles.Warn, "! The store was created, but the revision failed: "+err.Error())
	default:
		s.Notice(s.ErrStyles.OK, "✓ Revision created: the store shows in the admin console.")
	}
}

// TestConnection asks PingOne to connect to Salesforce with the answers,
// creating nothing, and says so when it works. A failure is returned for
// the flow to report.
func (s *Session) TestConnection(ctx context.Context, p Prompter) error {
	req := s.Answers.Request()
	var result *api.ConnectionResult
	err := p.Task(ctx, "Asking PingOne to connect to Salesforce", func(ctx context.Context) error {
		client, err := s.Client()
		if err != nil {
			return err
		}
		result, err = client.TestConnection(ctx, s.Answers.TargetEnvironmentID(), &req)
		return err
	})
	if err != nil {
		return err
	}
	msg := "✓ PingOne connected to Salesforce with these settings."
	if result != nil && result.Message != "" {
		msg += " PingOne: " + result.Message
	}
	s.LastTest = msg
	s.Notice(s.ErrStyles.OK, msg)
	return nil
}

// StepsToFix lists the steps a failure points at, for the wizard's "Fix"
// choices.
func StepsToFix(err error) []settings.Step { return settings.StepsNamedBy(err) }
