package ui

import (
	"context"
	"errors"
	"slices"
	"strings"

	"sfstore/api"
	"sfstore/ui/settings"
)

// Headings of the failures the flow reports, each saying what failed.
const (
	headingTestFailed    = "The connection test failed"
	headingDuplicateScan = "sfstore could not check for a store with the same name"
)

// Editing is the store an edit changes: its ID, and its settings as they
// were read, for the review to show each change as old → new.
type Editing struct {
	StoreID  string
	Original settings.Answers
}

// Create runs the create flow: collect the answers, then review until the
// person (or the script) chooses to create; test the connection when
// asked; refuse a duplicate name unless allowed; create; then save the
// secrets, show the store and publish. After a failure every answer is
// kept and the prompter chooses what to fix. It returns the created store,
// ErrCancelled, or the failure as a ShownError.
func Create(ctx context.Context, s *Session, p Prompter) (*api.Store, error) {
	s.Editing = nil
	return s.apply(ctx, p)
}

// Update is the same flow for an existing store: the answers start from
// its settings, and one PUT of the whole store replaces it. The name is
// checked against the other stores only when it changed.
func Update(ctx context.Context, s *Session, p Prompter, e Editing) (*api.Store, error) {
	s.Editing = &e
	return s.apply(ctx, p)
}

func (s *Session) apply(ctx context.Context, p Prompter) (*api.Store, error) {
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
			store, err = s.commitChecked(ctx, p)
			if err == nil {
				return store, s.finish(ctx, p, store)
			}
			err = s.recover(ctx, p, s.notDone(), err)
		}
		if err != nil {
			return nil, err
		}
	}
}

// notDone is the heading of a failed create or update.
func (s *Session) notDone() string {
	if s.Editing != nil {
		return "PingOne did not update the store"
	}
	return "PingOne did not create the store"
}

// commitChecked refuses a duplicate name unless allowed, then creates (or
// replaces) the store. The same rule holds for the wizard and scripts: a
// failed lookup is a failure, since going on without it could make a second
// store of the same name. An edit that keeps the name needs no lookup.
func (s *Session) commitChecked(ctx context.Context, p Prompter) (*api.Store, error) {
	if s.Editing != nil && strings.EqualFold(strings.TrimSpace(s.Editing.Original.Name), strings.TrimSpace(s.Answers.Name)) {
		return s.commit(ctx, p)
	}
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
	return s.commit(ctx, p)
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
		if s.Editing != nil {
			stores = slices.DeleteFunc(stores, func(st api.Store) bool { return st.ID == s.Editing.StoreID })
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

// commit sends the create, or for an edit the one PUT of the whole store.
func (s *Session) commit(ctx context.Context, p Prompter) (*api.Store, error) {
	req := s.Answers.Request()
	env := s.Answers.TargetEnvironmentID()
	title := "Creating the store in environment " + env
	if s.Editing != nil {
		title = "Updating the store " + s.Editing.StoreID
	}
	var store *api.Store
	err := p.Task(ctx, title, func(ctx context.Context) error {
		client, err := s.Client()
		if err != nil {
			return err
		}
		if s.Editing != nil {
			store, err = client.UpdateSalesforceStore(ctx, env, s.Editing.StoreID, &req)
		} else {
			store, err = client.CreateSalesforceStore(ctx, env, &req)
		}
		return err
	})
	if errors.Is(err, ErrCancelled) {
		s.Notice(s.ErrStyles.Warn, "! The request was cancelled while PingOne was answering. If it had arrived, it was carried out: check with `sfstore list` before trying again.")
	}
	return store, err // an error already says "create store: …" or "update store: …"
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
	if heading == headingTestFailed {
		line, _, _ := strings.Cut(s.ErrStyles.Clean(err.Error()), "\n")
		s.noteTest("✗ "+heading+": "+line, false)
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

// StepsToFix lists the steps a failure points at, for the wizard's "Fix"
// choices.
func StepsToFix(err error) []settings.Step { return settings.StepsNamedBy(err) }
