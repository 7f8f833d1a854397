package ui

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"sfstore/api"
	"sfstore/api/redact"
)

// report prints the outcome: the store card (or JSON) on success, PingOne's
// error as JSON when asked for JSON. It returns err, marked as shown when it
// was printed in full here.
func (w *wizard) report(store *api.Store, err error) error {
	if err == nil {
		if store == nil {
			return nil // a dry run printed its own output
		}
		if w.opts.JSON {
			return w.printJSON(store.Masked())
		}
		fmt.Fprintln(w.opts.Out, RenderStore(w.out, store, w.opts.Width, w.opts.Demo))
		return nil
	}
	var input *InputError
	if errors.As(err, &input) || errors.Is(err, ErrCancelled) || errors.Is(err, context.Canceled) || !w.opts.JSON {
		return err
	}
	if perr := w.printJSON(errorJSON(err, w.a.secretValues())); perr != nil {
		return perr
	}
	return err
}

func (w *wizard) printJSON(v any) error {
	return writeJSON(w.opts.Out, v)
}

func writeJSON(out io.Writer, v any) error {
	body, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("encode JSON: %w", err)
	}
	_, err = fmt.Fprintln(out, string(body))
	return err
}

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
	} `json:"error"`
}

func errorJSON(err error, secrets []string) jsonError {
	var out jsonError
	e := &out.Error
	e.Message = redact.Redact(err.Error(), secrets...)
	var apiErr *api.Error
	var tokenErr *api.TokenError
	switch {
	case errors.As(err, &apiErr):
		e.Status, e.ID, e.Code, e.Details = apiErr.StatusCode, apiErr.ID, apiErr.Code, apiErr.Details
		e.CorrelationID, e.Hint = apiErr.CorrelationID, apiErr.Hint()
		if apiErr.Message != "" {
			e.Message = apiErr.Message
		}
	case errors.As(err, &tokenErr):
		e.Status, e.Code, e.CorrelationID, e.Hint = tokenErr.StatusCode, tokenErr.Code, tokenErr.CorrelationID, tokenErr.Hint()
	}
	return out
}
