package secrets

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// ErrNotFound is returned when the keyring holds no item for an account.
var ErrNotFound = errors.New("secret not found in keyring")

// ErrTooBig is returned by [Keyring.Set] for a value longer than
// [MaxSecretSize] bytes.
var ErrTooBig = errors.New("secret is too large for the OS keyring")

// ErrReservedAccount is returned by [Keyring.Set] and [Keyring.Delete] for
// [IndexAccount], which only the index may use.
var ErrReservedAccount = errors.New(`keyring account "index" is reserved for sfstore's list of saved names`)

// ErrEmptyValue is returned by [Keyring.Set] for an empty value: storing one
// would make a later Get look like a found secret that is unusable.
var ErrEmptyValue = errors.New("refusing to store an empty secret")

// UnavailableError reports that no usable keyring is reachable, for example
// on a headless Linux machine without a session bus, or with a locked keyring
// and no way to show an unlock prompt.
type UnavailableError struct {
	// Reason says what is missing, in a few words.
	Reason string
	// Hint says what the user can do about it.
	Hint string
	// Err is the underlying error, if any. It never holds a secret.
	Err error
}

// Error returns "keyring unavailable: " and the reason.
func (e *UnavailableError) Error() string { return "keyring unavailable: " + e.Reason }

// Unwrap returns the underlying error.
func (e *UnavailableError) Unwrap() error { return e.Err }

// TimeoutError reports that go-keyring did not answer in time, most often
// because the keyring is locked and an unlock window is waiting for the user.
type TimeoutError struct {
	// Op is the operation that timed out: "get", "set" or "delete".
	Op string
	// After is the timeout that expired.
	After time.Duration
}

// Error says how long sfstore waited and for what.
func (e *TimeoutError) Error() string {
	return fmt.Sprintf("keyring did not answer within %s while trying to %s a secret (locked, or waiting for an unlock window?)", e.After, e.Op)
}

// Status is the outcome of a keyring call, as told by [Classify].
type Status int

// The outcomes [Classify] tells apart.
const (
	Found       Status = iota // the call succeeded
	NotFound                  // the keyring has no such item
	Unavailable               // no usable keyring: see the *UnavailableError's Hint
	TimedOut                  // the keyring did not answer in time
	Cancelled                 // the caller's context was cancelled
	Failed                    // any other error
)

// String returns the status in lower case words, for logs and messages.
func (s Status) String() string {
	switch s {
	case Found:
		return "found"
	case NotFound:
		return "not found"
	case Unavailable:
		return "unavailable"
	case TimedOut:
		return "timed out"
	case Cancelled:
		return "cancelled"
	case Failed:
		return "failed"
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

// Classify tells what an error returned by a [Keyring] method means. A nil
// error is [Found]; a context deadline counts as [TimedOut].
func Classify(err error) Status {
	var unavailable *UnavailableError
	var timeout *TimeoutError
	switch {
	case err == nil:
		return Found
	case errors.Is(err, ErrNotFound):
		return NotFound
	case errors.As(err, &unavailable):
		return Unavailable
	case errors.As(err, &timeout), errors.Is(err, context.DeadlineExceeded):
		return TimedOut
	case errors.Is(err, context.Canceled):
		return Cancelled
	}
	return Failed
}

// Hint returns the hint of an *UnavailableError inside err, or "".
func Hint(err error) string {
	var unavailable *UnavailableError
	if errors.As(err, &unavailable) {
		return unavailable.Hint
	}
	return ""
}
