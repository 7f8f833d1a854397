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
// [IndexAccount] and the "index/N" accounts of its parts, which only the
// index may use.
var ErrReservedAccount = errors.New(`keyring accounts "index" and "index/…" are reserved for sfstore's list of saved names`)

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

// IndexError reports that a secret was stored (or deleted) in the keyring
// but sfstore's index of saved names, which [Keyring.List] reads, could not
// be updated. The secret operation itself succeeded: a caller that only
// needs the secret saved can carry on and show the error as a warning.
type IndexError struct {
	// Op is "add" (after a Set) or "remove" (after a Delete).
	Op string
	// Account is the account whose name is missing from, or still in, the index.
	Account string
	// Err says why, e.g. an *IndexBusyError.
	Err error
}

// Error says that the secret operation succeeded and what is wrong with the index.
func (e *IndexError) Error() string {
	if e.Op == "remove" {
		return fmt.Sprintf("the secret was deleted, but sfstore could not remove its name from the index of saved secrets: %v", e.Err)
	}
	return fmt.Sprintf("the secret is saved, but sfstore could not add its name to the index of saved secrets, so `sfstore secrets list` will not show it: %v", e.Err)
}

// Unwrap returns the reason.
func (e *IndexError) Unwrap() error { return e.Err }

// IndexBusyError reports that another sfstore held the lock on the index
// for longer than sfstore waits (see [WithLockWait]).
type IndexBusyError struct {
	// Path is the lock file.
	Path string
	// Waited is how long sfstore waited for it.
	Waited time.Duration
}

// Error names the lock file and how long sfstore waited for it.
func (e *IndexBusyError) Error() string {
	return fmt.Sprintf("another sfstore is updating the keyring index; waited %s for %s; try again when it has finished", e.Waited, e.Path)
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
// error is [Found]; a context deadline and an *IndexBusyError count as
// [TimedOut]. An *IndexError is classified by its reason.
func Classify(err error) Status {
	var unavailable *UnavailableError
	var timeout *TimeoutError
	var busy *IndexBusyError
	switch {
	case err == nil:
		return Found
	case errors.Is(err, ErrNotFound):
		return NotFound
	case errors.As(err, &unavailable):
		return Unavailable
	case errors.As(err, &timeout), errors.As(err, &busy), errors.Is(err, context.DeadlineExceeded):
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
