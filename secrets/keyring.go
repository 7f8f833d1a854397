package secrets

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// DefaultTimeout is how long a keyring call may take before it fails with a
// *TimeoutError. It is long because a locked keyring may show an unlock
// window, and typing a password takes time: GitHub CLI's 3 s is a known
// complaint (cli/cli#11005).
const DefaultTimeout = 30 * time.Second

// TimeoutEnv names the environment variable that overrides DefaultTimeout in
// [New]: a Go duration such as "90s" or "2m", or a whole number of seconds.
// Values that do not parse, or are not positive, are ignored.
const TimeoutEnv = "SFSTORE_KEYRING_TIMEOUT"

// MaxSecretSize is the largest value, in bytes, that [Keyring.Set] accepts.
// It is Windows Credential Manager's cap (CRED_MAX_CREDENTIAL_BLOB_SIZE);
// macOS allows about 3000 bytes with the names and Linux far more. sfstore
// enforces it on every OS so that whatever works on one works on all; the
// secrets it stores (a client secret, Salesforce OAuth tokens of ~112
// characters) are far below it.
const MaxSecretSize = 2560

// Keyring stores secrets under [Service] in a [Backend], by default the OS
// keyring. Its methods are safe for concurrent use, and updates of the index
// are serialised across processes by a lock file (see [WithLockFile]).
type Keyring struct {
	backend     Backend
	timeout     time.Duration
	probe       func() error
	now         func() time.Time
	lockFile    string // "" means no lock file
	lockFileSet bool
	lockWait    time.Duration // 0 means the keyring timeout
	ownLock     chan struct{} // serialises the index when there is no lock file
	searcher    Searcher
	searcherSet bool
}

// New returns a Keyring on the OS keyring through go-keyring, with
// DefaultTimeout or the duration in TimeoutEnv (for each keyring call and
// for the index lock), the probe for this OS (see [DBusProbe]) and
// [DefaultLockFile]. Options are applied last.
func New(opts ...Option) *Keyring {
	k := &Keyring{backend: osBackend{}, timeout: timeoutFromEnv(), probe: defaultProbe(), now: time.Now,
		ownLock: make(chan struct{}, 1)}
	for _, opt := range opts {
		opt(k)
	}
	if !k.searcherSet {
		k.searcher = searcherFor(k.backend)
	}
	return k
}

// NewMemory returns a Keyring that keeps secrets in memory for the life of
// the process and never touches the OS (no keyring, no lock file), for
// --demo runs and tests.
func NewMemory(opts ...Option) *Keyring {
	base := []Option{WithBackend(NewMemoryBackend()), WithProbe(nil), WithTimeout(DefaultTimeout), WithLockFile("")}
	return New(append(base, opts...)...)
}

// Timeout returns how long each keyring call may take, so the UI can say how
// long it will wait for an unlock window.
func (k *Keyring) Timeout() time.Duration { return k.timeout }

// Available reports, without calling go-keyring, whether the keyring may be
// used: nil, or an *UnavailableError from the probe. Get, Set and Delete run
// it first, so a caller needs it only to decide before the first call.
func (k *Keyring) Available() error {
	if k.probe == nil {
		return nil
	}
	err := k.probe()
	var unavailable *UnavailableError
	if err == nil || errors.As(err, &unavailable) {
		return err
	}
	return &UnavailableError{Reason: err.Error(), Err: err}
}

// Get returns the secret stored for account, or an error that [Classify]
// tells apart: ErrNotFound, *UnavailableError, *TimeoutError, a context error.
func (k *Keyring) Get(ctx context.Context, account string) (string, error) {
	if account == "" {
		return "", errEmptyAccount
	}
	return k.call(ctx, "get", "", func() (string, error) { return k.backend.Get(Service, account) })
}

// Set stores value for account, replacing any previous value, and then
// records the account name in the index (see [Keyring.List]). Values must be
// 1 to MaxSecretSize bytes long. If the secret is stored but the index could
// not be updated, Set returns an *IndexError: the secret is saved, and only
// List will not show it. If Set times out or is cancelled, the write may
// still land later (see call).
func (k *Keyring) Set(ctx context.Context, account, value string) error {
	if err := checkSet(account, value); err != nil {
		return err
	}
	if _, err := k.call(ctx, "set", value, func() (string, error) { return "", k.backend.Set(Service, account, value) }); err != nil {
		return err
	}
	if err := k.indexAdd(ctx, account); err != nil {
		return &IndexError{Op: "add", Account: account, Err: err}
	}
	return nil
}

// Delete removes the secret stored for account and its index entry. It
// returns ErrNotFound if there was no such secret (the name is still dropped
// from the index), and an *IndexError if the secret was deleted but its name
// could not be dropped.
func (k *Keyring) Delete(ctx context.Context, account string) error {
	if account == "" {
		return errEmptyAccount
	}
	if isIndexAccount(account) {
		return ErrReservedAccount
	}
	_, err := k.call(ctx, "delete", "", func() (string, error) { return "", k.backend.Delete(Service, account) })
	if err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	if ierr := k.indexRemove(ctx, []string{account}); ierr != nil && err == nil {
		return &IndexError{Op: "remove", Account: account, Err: ierr}
	}
	return err
}

var errEmptyAccount = errors.New("keyring account name is empty")

func checkSet(account, value string) error {
	switch {
	case account == "":
		return errEmptyAccount
	case isIndexAccount(account):
		return ErrReservedAccount
	case value == "":
		return ErrEmptyValue
	case len(value) > MaxSecretSize:
		return fmt.Errorf("%w: %d bytes, and sfstore stores at most %d (Windows Credential Manager's limit, kept on every OS)", ErrTooBig, len(value), MaxSecretSize)
	}
	return nil
}

type result[T any] struct {
	value T
	err   error
}

// call runs f, a go-keyring call, after the probe, in a goroutine, and waits
// for its result, the timeout or ctx, whichever comes first. go-keyring takes
// no context and can block until D-Bus answers (for ever, if an unlock prompt
// is never answered), so on timeout or cancellation the goroutine is left
// behind: it ends when go-keyring returns, and its result is dropped into
// the buffered channel. That costs one goroutine per abandoned call, which is
// fine for a wizard that runs a few calls; but a Set given up on may still
// land afterwards, so callers must not assume a timed-out Set stored nothing.
// value is the secret being set, or "", and is kept out of errors.
func (k *Keyring) call(ctx context.Context, op, value string, f func() (string, error)) (string, error) {
	return run(k, ctx, op, value, f)
}

// run is call for any result type; the keyring search returns a list.
func run[T any](k *Keyring, ctx context.Context, op, value string, f func() (T, error)) (T, error) {
	var zero T
	if err := k.Available(); err != nil {
		return zero, err
	}
	if err := ctx.Err(); err != nil {
		return zero, fmt.Errorf("keyring %s cancelled: %w", op, err)
	}
	done := make(chan result[T], 1)
	go func() {
		v, err := f()
		done <- result[T]{v, err}
	}()
	timer := time.NewTimer(k.timeout)
	defer timer.Stop()
	select {
	case r := <-done:
		if r.err != nil {
			return zero, mapError(op, r.err, value)
		}
		return r.value, nil
	case <-timer.C:
		return zero, &TimeoutError{Op: op, After: k.timeout}
	case <-ctx.Done():
		return zero, fmt.Errorf("keyring %s cancelled: %w", op, ctx.Err())
	}
}
