package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/charmbracelet/lipgloss"

	"sfstore/api"
	"sfstore/ui/cards"
	"sfstore/ui/term"
)

// ReportCreated shows the created (or updated) store: a short card on
// stdout that stays on screen with the publish question (the whole store
// is in --json and `sfstore show`), or the store as JSON with --json,
// secrets masked either way. If stdout cannot be written
// (a closed pipe), the store's ID still reaches stderr: the store exists,
// and the person needs its ID.
func (s *Session) ReportCreated(store *api.Store) {
	var err error
	if s.Opts.JSON {
		err = writeJSON(s.Out, store.Masked())
	} else {
		_, err = fmt.Fprintln(s.Out, s.resultCard(store))
	}
	if err != nil {
		fmt.Fprintf(s.Err, "sfstore: the store was %s (id %s), but its details could not be written to stdout: %s\n", s.verbDone(), term.Line(store.ID), term.Line(err.Error()))
	}
}

// publishQuestionRows is what the question after the result card takes
// at 40 columns: its title, the question, two lines of description, the
// buttons and the help, with the blank lines between.
const publishQuestionRows = 9

// resultCard is the created (or updated) store's card that leaves the
// question after it room on the screen, so the headline is not scrolled
// away: the summary, else a short card, else the short card unboxed.
func (s *Session) resultCard(store *api.Store) string {
	demo, updated := s.Opts.Demo, s.Editing != nil
	card := cards.RenderStoreSummary(s.OutStyles, store, s.OutWidth, demo, updated)
	room := s.Height - publishQuestionRows
	if s.Height <= 0 || lipgloss.Height(card) <= room {
		return card
	}
	card = cards.RenderStoreShort(s.OutStyles, store, s.OutWidth, demo, updated)
	if lipgloss.Height(card) <= room {
		return card
	}
	plain := s.OutStyles
	plain.Plain = true
	return cards.RenderStoreShort(plain, store, s.OutWidth, demo, updated)
}

// ReportFailure shows a failure on stderr, titled for what failed, with
// everything PingOne said: the fields it names, its error ID and
// Correlation-Id, and what to do. A terminal gets a card; a script the same
// rows as plain lines.
func (s *Session) ReportFailure(heading string, err error) {
	fmt.Fprintln(s.Err, cards.RenderError(s.ErrStyles, heading, err, s.ErrWidth))
}

// ReportFinalFailure is what a run that ends with err leaves on stdout:
// with --json, the error as JSON, so a script reading stdout learns what
// failed.
func (s *Session) ReportFinalFailure(err error) {
	if s.Opts.JSON && !errors.Is(err, ErrCancelled) {
		_ = writeJSON(s.Out, errorJSON(err, s.Secrets.Redact))
	}
}

// ErrorJSON is the --json form of err (as ReportFinalFailure writes it),
// for a command that puts it inside a document of its own.
func (s *Session) ErrorJSON(err error) any { return errorJSON(err, s.Secrets.Redact).Error }

func writeJSON(out io.Writer, v any) error {
	body, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("encode JSON: %w", err)
	}
	_, err = fmt.Fprintln(out, string(body))
	return err
}

// WriteJSON writes v as indented JSON on the session's stdout.
func (s *Session) WriteJSON(v any) error { return writeJSON(s.Out, v) }

// jsonError is the --json form of a failure: PingOne's error body with the
// HTTP status and Correlation-Id, or a message for failures before PingOne
// answered.
type jsonError struct {
	Error struct {
		Status        int               `json:"status,omitempty"`
		ID            string            `json:"id,omitempty"`
		Code          string            `json:"code,omitempty"`
		Message       string            `json:"message"`
		Details       []api.ErrorDetail `json:"details,omitempty"`
		CorrelationID string            `json:"correlationId,omitempty"`
		Hint          string            `json:"hint,omitempty"`
		// Outcome is sfstore's finding after a create or update that got
		// no clear answer: done after all is not an error, so this says
		// "not done, safe to run again" or "could not tell".
		Outcome string `json:"outcome,omitempty"`
	} `json:"error"`
}

func errorJSON(err error, redact func(string) string) jsonError {
	var out jsonError
	e := &out.Error
	e.Message = redact(err.Error())
	var apiErr *api.Error
	var tokenErr *api.TokenError
	var outcome *OutcomeError
	switch {
	case errors.As(err, &outcome):
		e.Outcome, e.Hint = outcome.Verdict, outcome.Hint()
		// PingOne's answer that left the outcome open, for its support.
		if errors.As(outcome.cause, &apiErr) {
			e.Status, e.ID, e.Code, e.CorrelationID = apiErr.StatusCode, apiErr.ID, apiErr.Code, apiErr.CorrelationID
		}
	case errors.As(err, &apiErr):
		e.Status, e.ID, e.Code, e.Details = apiErr.StatusCode, apiErr.ID, apiErr.Code, apiErr.Details
		e.CorrelationID, e.Hint = apiErr.CorrelationID, apiErr.Hint()
		if apiErr.Message != "" {
			e.Message = apiErr.Message
		}
	case errors.As(err, &tokenErr):
		e.Status, e.Code, e.CorrelationID, e.Hint = tokenErr.StatusCode, tokenErr.Code, tokenErr.CorrelationID, tokenErr.Hint()
	default:
		var h interface{ Hint() string }
		if errors.As(err, &h) {
			e.Hint = h.Hint()
		}
	}
	return out
}
