package ui

import (
	"errors"
	"fmt"
)

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

// cmpErr returns err, or fallback when err is nil.
func cmpErr(err, fallback error) error {
	if err != nil {
		return err
	}
	return fallback
}
