package provision

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"sfstore/api"
	"sfstore/ui"
)

// Bounds of the executor's retries.
const (
	maxAttempts     = 3                // per write: the first, then after a 429 or a read-back "not in"
	maxRetryAfter   = 30 * time.Second // a longer Retry-After stops the run instead
	defaultBackoff  = 2 * time.Second  // a 429 without Retry-After
	readBackTimeout = 15 * time.Second // after Ctrl-C the person is waiting to leave
)

// Write statuses, as WriteView.Status reports them.
const (
	statusDone     = "done"
	statusReadBack = "done (read back)"
	statusFailed   = "failed"
	statusUnknown  = "unknown: check before running again"
	statusNotSent  = "not sent"
)

// executor sends a run's writes in order.
type executor struct {
	s      *ui.Session
	p      Prompter
	client *api.Client
	ids    *IDs
	sleep  func(ctx context.Context, d time.Duration) error
}

// stopped is a run that stopped at write Index: a refusal, a write whose
// outcome could not be found out, or Ctrl-C. Err is the cause.
type stopped struct {
	Index int
	Err   error
}

func (e *stopped) Error() string { return e.Err.Error() }
func (e *stopped) Unwrap() error { return e.Err }

// run sends writes in order and returns what became of each (a status
// per write). It stops at the first write that does not go in.
func (x *executor) run(ctx context.Context, writes []Write) ([]string, error) {
	statuses := make([]string, len(writes))
	for i := range statuses {
		statuses[i] = statusNotSent
	}
	for i, w := range writes {
		if ctx.Err() != nil {
			return statuses, &stopped{Index: i, Err: ui.ErrCancelled}
		}
		status, err := x.one(ctx, w)
		statuses[i] = status
		if err != nil {
			return statuses, &stopped{Index: i, Err: err}
		}
	}
	return statuses, nil
}

// one sends a write until it is in: a 429 waits and sends again, an
// answer that was lost is read back first, and sent again only when the
// read-back shows it is not in.
func (x *executor) one(ctx context.Context, w Write) (string, error) {
	title := gerund(w.What)
	for attempt := 1; ; attempt++ {
		err := x.p.Task(ctx, title, func(ctx context.Context) error { return w.send(ctx, x.client, x.ids) })
		switch {
		case err == nil:
			return statusDone, nil
		case isCancelled(err) || ctx.Err() != nil:
			// The request may have arrived: find out, so the report is true.
			in, rerr := x.readBack(context.WithoutCancel(ctx), w)
			if rerr == nil && in {
				return statusReadBack, ui.ErrCancelled
			}
			if rerr != nil {
				return statusUnknown, ui.ErrCancelled
			}
			return statusNotSent, ui.ErrCancelled
		}
		if wait, ok := rateLimited(err); ok && attempt < maxAttempts {
			x.s.Notice(x.s.ErrStyles.Warn, fmt.Sprintf("! PingOne is rate limiting: sending again in %s.", wait))
			if err := x.sleep(ctx, wait); err != nil {
				return statusNotSent, ui.ErrCancelled
			}
			continue
		}
		if !ambiguous(err) {
			return statusFailed, err
		}
		x.s.Notice(x.s.ErrStyles.Warn, "! PingOne's answer was lost, and the write may have arrived: "+err.Error()+". Reading it back…")
		in, rerr := x.readBack(ctx, w)
		switch {
		case rerr != nil:
			return statusUnknown, &unknownError{write: w.What, cause: err, check: rerr}
		case in:
			x.s.Notice(x.s.ErrStyles.OK, "✓ PingOne had made the write after all.")
			return statusReadBack, nil
		case attempt >= maxAttempts:
			return statusFailed, err
		}
		x.s.Notice(x.s.ErrStyles.Muted, "The write is not in PingOne: sending it again.")
	}
}

// gerund turns a write's imperative into what the spinner says while it
// runs: "Create the rule …" → "Creating the rule …".
func gerund(what string) string {
	verb, rest, _ := strings.Cut(what, " ")
	g := map[string]string{"Create": "Creating", "Change": "Changing", "Delete": "Deleting", "Enable": "Enabling",
		"Activate": "Activating", "Publish": "Publishing"}[verb]
	if g == "" {
		return what
	}
	return g + " " + rest
}

// readBack asks landed under a spinner, bounded in time.
func (x *executor) readBack(ctx context.Context, w Write) (bool, error) {
	ctx, cancel := context.WithTimeout(ctx, readBackTimeout)
	defer cancel()
	var in bool
	err := x.p.Task(ctx, "Checking whether PingOne made the write ("+w.What+")", func(ctx context.Context) error {
		var err error
		in, err = w.landed(ctx, x.client, x.ids)
		return err
	})
	return in, err
}

// idOf is the ID a write created or changed, once known.
func (x *executor) idOf(w Write) string {
	switch w.Step {
	case stepDirectory:
		return x.ids.Directory
	case stepPlan:
		return x.ids.Plan
	case stepRule:
		return x.ids.Rule
	case stepRevision:
		return x.ids.Revision
	case stepStore:
		return x.ids.Store
	case stepMapping:
		return x.ids.mapping(w.target)
	}
	return ""
}

// unknownError is a write whose answer was lost and whose outcome a read
// back could not settle: the run stops without guessing.
type unknownError struct {
	write        string
	cause, check error
}

func (e *unknownError) Error() string {
	return fmt.Sprintf("could not find out whether PingOne made the write (%s): %v; reading it back failed: %v", e.write, e.cause, e.check)
}
func (e *unknownError) Unwrap() error { return e.cause }

// Hint says to look before running again.
func (e *unknownError) Hint() string {
	return "Check the store with sfstore show before running again; a re-run reads everything first and continues."
}

// rateLimited reports a 429 and how long to wait, when that is short.
func rateLimited(err error) (time.Duration, bool) {
	var apiErr *api.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 429 {
		return 0, false
	}
	wait := apiErr.RetryAfter
	if wait <= 0 {
		wait = defaultBackoff
	}
	return wait, wait <= maxRetryAfter
}

// ambiguous reports an error after which the write may be in PingOne: a
// lost answer, a 5xx, or a failure of the connection. A refusal (4xx)
// and a failed sign-in are not: nothing was made.
func ambiguous(err error) bool {
	var unknown *api.OutcomeUnknownError
	var apiErr *api.Error
	var tokenErr *api.TokenError
	switch {
	case errors.As(err, &unknown):
		return true
	case errors.As(err, &tokenErr):
		return false
	case errors.As(err, &apiErr):
		return apiErr.StatusCode >= 500
	}
	return true
}

func isCancelled(err error) bool {
	return errors.Is(err, ui.ErrCancelled) || errors.Is(err, context.Canceled)
}
