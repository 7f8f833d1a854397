package ui

import (
	"context"
	"encoding/json"
	"errors"
	"strings"

	"sfstore/api"
	"sfstore/api/salesforce"
	"sfstore/ui/settings"
)

// The steps around the commit: the connection test, recovering from a
// failure, and what follows a create (secrets, the card, publishing).

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
		// The review shows the last test's result above its actions.
		line, _, _ := strings.Cut(s.ErrStyles.Clean(err.Error()), "\n")
		s.noteTest("✗ "+heading+": "+line, false)
	}
	s.ReportFailure(heading, err)
	if s.RefusedActive(err) {
		s.Notice(s.ErrStyles.Warn, "PingOne refused to create the store active. Create it inactive (PingOne's default, without --active) and enable it in the admin console afterwards.")
	}
	act, perr := p.Failed(ctx, err)
	switch {
	case perr != nil:
		return perr
	case act.Kind == ActQuit:
		s.ReportFinalFailure(err)
		return &ShownError{err}
	case act.Kind == ActEdit:
		return p.Edit(ctx, act.Step)
	case act.Kind == ActCreateInactive:
		s.Answers.Status = ""
		s.pending = &Action{Kind: ActCreate}
	}
	return nil
}

// RefusedActive says whether err is PingOne refusing a create because of
// its status while the answers ask for ACTIVE. The community OpenAPI
// allows only INACTIVE on a store, so PingOne may refuse ACTIVE on create
// (UNCONFIRMED); the way out is to create it inactive.
func (s *Session) RefusedActive(err error) bool {
	var apiErr *api.Error
	if s.Editing != nil || s.Answers.Status != api.StatusActive || !errors.As(err, &apiErr) || apiErr.StatusCode != 400 {
		return false
	}
	for _, d := range apiErr.Details {
		if f, ok := settings.ForTarget(d.Target); ok && f == settings.FieldStatus {
			return true
		}
	}
	return strings.Contains(strings.ToLower(apiErr.Message), "status")
}

// finish saves the secrets when asked, shows the store, and publishes when
// asked. The store exists whatever happens here, so a failure is reported
// and does not change the outcome, and Ctrl-C at the optional publish
// question still ends the run as created.
func (s *Session) finish(ctx context.Context, p Prompter, store *api.Store) error {
	s.SaveSecrets(ctx, p)
	s.ReportCreated(store)
	if s.cancelled {
		return nil // the person asked to stop: no more questions
	}
	if next, ok := p.(NextAsker); ok && s.ProvisionNext != nil && s.Editing == nil {
		return s.askNext(ctx, p, next, store)
	}
	publish, err := p.Publish(ctx)
	switch {
	case err != nil:
	case publish:
		s.publish(ctx, p)
	default:
		s.Notice(s.ErrStyles.Muted, "Not published yet: the admin console shows this after `"+s.Command("publish")+"`.")
	}
	return nil
}

// NextAsker is a Prompter that offers what to do after a create: provision
// users into the new store, only publish, or nothing now. The wizard is
// one; a script publishes with --publish instead.
type NextAsker interface {
	NextStep(ctx context.Context) (Next, error)
}

// Next is what to do after a create.
type Next int

// The steps after a create.
const (
	NextNothing Next = iota
	NextPublish
	NextProvision
)

// askNext asks what follows the create: provisioning (whose outcome, and
// exit code, is the run's), publishing, or nothing.
func (s *Session) askNext(ctx context.Context, p Prompter, na NextAsker, store *api.Store) error {
	next, err := na.NextStep(ctx)
	switch {
	case err != nil:
		return nil // the store exists: Ctrl-C here ends the run as created
	case next == NextProvision:
		return s.ProvisionNext(ctx, store.ID)
	case next == NextPublish:
		s.publish(ctx, p)
	default:
		s.Notice(s.ErrStyles.Muted, "Not published yet: the admin console shows this after `"+s.Command("publish")+"`; `"+
			s.Command("provision "+store.ID)+"` provisions users into it.")
	}
	return nil
}

// Command spells an sfstore command to suggest, such as Command("list"),
// with --demo in the demo so that a copied command finds the demo's
// PingOne rather than a real one.
func (s *Session) Command(args string) string {
	if s.Opts.Demo {
		return "sfstore " + args + " --demo"
	}
	return "sfstore " + args
}

// publish creates a propagation revision; a failure is reported, and does
// not undo the store.
func (s *Session) publish(ctx context.Context, p Prompter) {
	_, err := s.CreateRevision(ctx, p)
	switch {
	case errors.Is(err, ErrCancelled):
	case err != nil:
		s.Notice(s.ErrStyles.Warn, "! The store was created, but the revision failed: "+err.Error())
	default:
		s.Notice(s.ErrStyles.OK, "✓ Revision created: the store shows in the admin console.")
	}
}

// CreateRevision creates a propagation revision in the target environment
// under p's progress: after a create, and for the store commands' publish.
func (s *Session) CreateRevision(ctx context.Context, p Prompter) (*api.Revision, error) {
	var rev *api.Revision
	err := p.Task(ctx, "Creating a propagation revision (this starts a resync)", func(ctx context.Context) error {
		client, err := s.Client()
		if err != nil {
			return err
		}
		rev, err = client.CreateRevision(ctx, s.Answers.TargetEnvironmentID())
		return err
	})
	return rev, err
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
	s.noteTest(msg, true)
	if !s.ReviewShowsTest {
		s.Notice(s.ErrStyles.OK, msg)
	}
	return nil
}

// VerifySalesforce checks the answers' access token against the org under
// p's progress with title, and returns the session it makes: the create
// wizard's check, and reconnect's before anything is sent. The org is the
// sign-in's (sf, when there is one), else --salesforce-instance-url, else
// the My Domain host.
func (s *Session) VerifySalesforce(ctx context.Context, p Prompter, title string, sf *SalesforceSession) (*SalesforceSession, error) {
	instance := s.instanceURL(sf)
	token := s.Answers.SalesforceAccessToken
	var id *salesforce.Identity
	err := p.Task(ctx, title, func(ctx context.Context) error {
		var err error
		id, err = salesforce.Verify(ctx, s.SalesforceHTTPClient(), instance, token)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &SalesforceSession{InstanceURL: instance, Token: token, Identity: id}, nil
}

// instanceURL is the org's REST base: the sign-in's, else the one given,
// else the My Domain host.
func (s *Session) instanceURL(sf *SalesforceSession) string {
	switch {
	case sf != nil && sf.InstanceURL != "":
		return sf.InstanceURL
	case s.Opts.Salesforce.InstanceURL != "":
		return s.Opts.Salesforce.InstanceURL
	}
	return "https://" + s.Answers.SalesforceDomain
}

// noteTest records what a connection test said about the current answers.
func (s *Session) noteTest(msg string, passed bool) {
	s.LastTest, s.testPassed, s.testedRequest = msg, passed, requestKey(*s.Answers)
}

// TestResult is what the last connection test said and whether it passed,
// or "" when no test was run with the answers as they are now: an edit
// makes an earlier result stale.
func (s *Session) TestResult() (msg string, passed bool) {
	if s.LastTest == "" || s.testedRequest != requestKey(*s.Answers) {
		return "", false
	}
	return s.LastTest, s.testPassed
}

// requestKey identifies what a test sends: the request and the
// environment it goes to.
func requestKey(a settings.Answers) string {
	body, _ := json.Marshal(a.Request())
	return a.TargetEnvironmentID() + "\x00" + string(body)
}
