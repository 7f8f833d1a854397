package ui

import (
	"context"
	"encoding/json"

	"sfstore/api"
	"sfstore/ui/settings"
)

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
