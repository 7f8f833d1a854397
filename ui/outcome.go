package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"sfstore/api"
)

// checkTimeout bounds the look at PingOne after a create or update whose
// answer was lost; after Ctrl-C the person is waiting to leave.
const checkTimeout = 15 * time.Second

// OutcomeError is the verdict on a create or update whose answer was lost,
// after sfstore looked: it was not carried out (safe to run again), or
// sfstore could not find out. It replaces the lost answer's own advice, so
// it does not unwrap to it.
type OutcomeError struct {
	Verdict string // what sfstore found
	hint    string
	cause   error
}

func (e *OutcomeError) Error() string { return e.Verdict + " (" + e.cause.Error() + ")" }

// Hint says what to do now.
func (e *OutcomeError) Hint() string { return e.hint }

// findOut looks at PingOne after a create or update that may have reached
// it without an answer, and says exactly one of: it was done (the store is
// returned), it was not (an OutcomeError: safe to run again), or sfstore
// could not tell (an OutcomeError: check before running again). It never
// guesses.
func (s *Session) findOut(ctx context.Context, p Prompter, cause error) (*api.Store, error) {
	ctx, cancel := context.WithTimeout(ctx, checkTimeout)
	defer cancel()
	var store *api.Store
	var done bool
	err := p.Task(ctx, "Checking whether PingOne "+s.verb(), func(ctx context.Context) error {
		client, err := s.Client()
		if err != nil {
			return err
		}
		if s.Editing != nil {
			store, done, err = s.updateLanded(ctx, client)
		} else {
			store, done, err = s.createLanded(ctx, client)
		}
		return err
	})
	switch {
	case err != nil:
		return nil, &failure{heading: "sfstore could not find out whether PingOne " + s.verb(), err: &OutcomeError{
			Verdict: "could not find out whether PingOne " + s.verb() + ": " + err.Error(),
			hint:    s.checkHint(), cause: cause}}
	case done:
		s.Notice(s.ErrStyles.OK, fmt.Sprintf("✓ PingOne %s it after all: ID %s.", s.verbDone(), store.ID))
		return store, nil
	}
	hint := "Nothing changed in PingOne. Fix what the message says, or simply try again."
	if errors.Is(cause, ErrCancelled) {
		hint = "Nothing changed in PingOne. Run sfstore again when you are ready."
	}
	return nil, &failure{heading: "PingOne did not " + s.verbPlain() + " the store", err: &OutcomeError{
		Verdict: "PingOne did not " + s.verbPlain() + " it; it is safe to run again", hint: hint, cause: cause}}
}

// createLanded looks for a Salesforce store of the name sent that was not
// there before the create. Exactly one new one is the store; none means
// the create did not land; several cannot be told apart.
func (s *Session) createLanded(ctx context.Context, client *api.Client) (*api.Store, bool, error) {
	found, err := client.FindSalesforceStores(ctx, s.Answers.TargetEnvironmentID(), s.Answers.Name)
	if err != nil {
		return nil, false, err
	}
	var fresh []api.Store
	for _, st := range found {
		if !s.before[st.ID] {
			fresh = append(fresh, st)
		}
	}
	switch len(fresh) {
	case 0:
		return nil, false, nil
	case 1:
		return &fresh[0], true, nil
	}
	return nil, false, fmt.Errorf("%d new stores are named %q", len(fresh), s.Answers.Name)
}

// updateLanded reads the store again and compares it with what was sent
// and with what it was. As sent: the update landed. As it was: it did not.
// Anything else (PingOne changed a value, or someone else changed the
// store meanwhile) cannot be told apart, and is said to be so.
func (s *Session) updateLanded(ctx context.Context, client *api.Client) (*api.Store, bool, error) {
	store, err := client.GetStore(ctx, s.Answers.TargetEnvironmentID(), s.Editing.StoreID)
	if err != nil {
		return nil, false, err
	}
	now := store.Request()
	switch {
	case holds(now, s.Answers.Request()):
		return store, true, nil
	case holds(now, s.Editing.Original.Request()):
		return nil, false, nil
	}
	return nil, false, errors.New("the store now matches neither what was sent nor what it was before; someone may have changed it meanwhile")
}

// holds says whether a store that reads now carries the settings of req.
// Secrets PingOne returns masked cannot be compared and are left out.
func holds(now, req api.CreateSalesforceStoreRequest) bool {
	for _, p := range []struct{ req, now *string }{
		{&req.Configuration.ClientSecret, &now.Configuration.ClientSecret},
		{&req.Configuration.OAuthAccessToken, &now.Configuration.OAuthAccessToken},
		{&req.Configuration.OAuthRefreshToken, &now.Configuration.OAuthRefreshToken},
	} {
		if api.LooksMasked(*p.now) {
			*p.req, *p.now = "", ""
		}
	}
	return requestsEqual(req, now)
}

func (s *Session) checkHint() string {
	if s.Editing != nil {
		return "Check the store with `" + s.Command("show "+s.Editing.StoreID) + "` before running again."
	}
	return "Check with `" + s.Command("list") + "` before running again: a second create could make a second store of the same name."
}

func (s *Session) verb() string {
	if s.Editing != nil {
		return "updated the store"
	}
	return "created the store"
}

func (s *Session) verbDone() string {
	if s.Editing != nil {
		return "updated"
	}
	return "created"
}

func (s *Session) verbPlain() string {
	if s.Editing != nil {
		return "update"
	}
	return "create"
}

// lostAnswer says whether err is a create or update that may have reached
// PingOne without a usable answer. (Ctrl-C while sending is one too; commit
// handles it first.)
func lostAnswer(err error) bool {
	var unknown *api.OutcomeUnknownError
	return errors.As(err, &unknown)
}

// requestsEqual compares what was sent with what a store holds now. Keys
// left to PingOne's default are not compared.
func requestsEqual(sent, now api.CreateSalesforceStoreRequest) bool {
	if sent.Status == "" {
		now.Status = ""
	}
	if sent.Managed == nil {
		now.Managed = nil
	}
	if sent.Image == nil && now.Image != nil && now.Image.Href == "" {
		now.Image = nil
	}
	a, _ := json.Marshal(sent)
	b, _ := json.Marshal(now)
	return bytes.Equal(a, b)
}

// ErrNothingChanged ends an update whose answers match the store: there is
// nothing to send, and nothing was.
var ErrNothingChanged = errors.New("nothing changed")

// ErrCancelled means the person pressed Ctrl-C or chose to cancel.
var ErrCancelled = errors.New("cancelled")

// ShownError is an error already shown to the person in full (a card, a
// plain report, JSON); the command only sets the exit code for it.
type ShownError struct{ Err error }

func (e *ShownError) Error() string { return e.Err.Error() }
func (e *ShownError) Unwrap() error { return e.Err }

// DuplicateError stops a run that would create a second Salesforce store
// of the same name without being told that is intended.
type DuplicateError struct{ Name, ID string }

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("a Salesforce store named %q already exists (id %s); use another --name, or --allow-duplicate-name to create it anyway", e.Name, e.ID)
}
