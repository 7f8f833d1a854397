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
		act, err := s.next(ctx, p)
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
			if e := s.Editing; e != nil && len(settings.Changes(e.Original, *s.Answers)) == 0 {
				s.Notice(s.ErrStyles.Muted, "Nothing changed: nothing was sent.")
				return nil, ErrNothingChanged
			}
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

// next is the action a recovery chose to run at once, else the review's.
func (s *Session) next(ctx context.Context, p Prompter) (Action, error) {
	if a := s.pending; a != nil {
		s.pending = nil
		return *a, nil
	}
	return p.Review(ctx)
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
		var de *DuplicateError
		switch {
		case errors.As(err, &de):
			// sfstore's own refusal, not PingOne's.
			return nil, &failure{heading: "Not created: a Salesforce store with this name exists", err: err}
		case err != nil:
			return nil, err
		case !allowed:
			return nil, errNotAllowed
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
		stores, err := client.FindSalesforceStores(ctx, s.Answers.TargetEnvironmentID(), s.Answers.Name)
		if err != nil {
			return err
		}
		if s.Editing != nil {
			stores = slices.DeleteFunc(stores, func(st api.Store) bool { return st.ID == s.Editing.StoreID })
		}
		// createLanded tells a new store of this name from these.
		s.before = map[string]bool{}
		for _, st := range stores {
			s.before[st.ID] = true
		}
		if len(stores) > 0 {
			dup = &stores[0]
		}
		return nil
	})
	if err != nil && !errors.Is(err, ErrCancelled) {
		return nil, &failure{heading: headingDuplicateScan, err: err}
	}
	return dup, err
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
	switch {
	case errors.Is(err, ErrCancelled):
		return s.cancelledWhileSending(ctx, p, err)
	case lostAnswer(err):
		s.Notice(s.ErrStyles.Warn, "! PingOne's answer was lost, and the request may have arrived: "+err.Error())
		return s.findOut(ctx, p, err)
	}
	return store, err // an error already says "create store: …" or "update store: …"
}

// cancelledWhileSending finds out, after Ctrl-C or a signal, whether the
// request had arrived: the person leaves knowing, not guessing. When it
// had, the store is returned as done (the run then ends as created, and
// asks nothing more); otherwise the cancellation stands.
func (s *Session) cancelledWhileSending(ctx context.Context, p Prompter, cause error) (*api.Store, error) {
	s.Notice(s.ErrStyles.Warn, "! Cancelled while PingOne was answering: the request may have arrived. Checking…")
	store, err := s.findOut(context.WithoutCancel(ctx), p, cause)
	if err != nil {
		var f *failure
		if errors.As(err, &f) {
			s.ReportFailure(f.heading, f.err)
		}
		return nil, cause
	}
	s.cancelled = true
	return store, nil
}
