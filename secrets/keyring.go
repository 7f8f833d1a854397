package secrets

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"sync"
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
// keyring. Its methods are safe for concurrent use.
type Keyring struct {
	backend Backend
	timeout time.Duration
	probe   func() error
	now     func() time.Time
	indexMu sync.Mutex // serialises the index's read-modify-write
}

// Option configures a Keyring made by [New] or [NewMemory].
type Option func(*Keyring)

// WithBackend makes the Keyring store items in b instead of the OS keyring.
func WithBackend(b Backend) Option { return func(k *Keyring) { k.backend = b } }

// WithTimeout sets how long each keyring call may take. It wins over
// TimeoutEnv. A d that is not positive is ignored.
func WithTimeout(d time.Duration) Option {
	return func(k *Keyring) {
		if d > 0 {
			k.timeout = d
		}
	}
}

// WithProbe replaces the availability probe that [Keyring.Available] runs;
// tests use it to stop depending on the machine's session bus. f returns nil
// when the keyring may be used. A nil f means always available.
func WithProbe(f func() error) Option { return func(k *Keyring) { k.probe = f } }

// New returns a Keyring on the OS keyring through go-keyring, with
// DefaultTimeout or the duration in TimeoutEnv, and the probe for this OS
// (see [DBusProbe]). Options are applied last.
func New(opts ...Option) *Keyring {
	k := &Keyring{backend: osBackend{}, timeout: timeoutFromEnv(), probe: defaultProbe(), now: time.Now}
	for _, opt := range opts {
		opt(k)
	}
	return k
}

// NewMemory returns a Keyring that keeps secrets in memory for the life of
// the process and never touches the OS, for --demo runs and tests.
func NewMemory(opts ...Option) *Keyring {
	return New(append([]Option{WithBackend(NewMemoryBackend()), WithProbe(nil), WithTimeout(DefaultTimeout)}, opts...)...)
}

func timeoutFromEnv() time.Duration {
	v := os.Getenv(TimeoutEnv)
	if d, err := time.ParseDuration(v); err == nil && d > 0 {
		return d
	}
	if n, err := strconv.Atoi(v); err == nil && n > 0 {
		return time.Duration(n) * time.Second
	}
	return DefaultTimeout
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
// records the account name in the index (see [Keyring.List]). A failure to
// update the index does not fail Set. Values must be 1 to MaxSecretSize
// bytes long. If Set times out or is cancelled, the write may still land
// later (see call).
func (k *Keyring) Set(ctx context.Context, account, value string) error {
	if err := checkSet(account, value); err != nil {
		return err
	}
	_, err := k.call(ctx, "set", value, func() (string, error) { return "", k.backend.Set(Service, account, value) })
	if err == nil {
		k.indexAdd(ctx, account)
	}
	return err
}

// Delete removes the secret stored for account and its index entry. It
// returns ErrNotFound if there was no such secret.
func (k *Keyring) Delete(ctx context.Context, account string) error {
	if account == "" {
		return errEmptyAccount
	}
	if account == IndexAccount {
		return ErrReservedAccount
	}
	_, err := k.call(ctx, "delete", "", func() (string, error) { return "", k.backend.Delete(Service, account) })
	if err == nil || errors.Is(err, ErrNotFound) {
		k.indexRemove(ctx, account)
	}
	return err
}

var errEmptyAccount = errors.New("keyring account name is empty")

func checkSet(account, value string) error {
	switch {
	case account == "":
		return errEmptyAccount
	case account == IndexAccount:
		return ErrReservedAccount
	case value == "":
		return ErrEmptyValue
	case len(value) > MaxSecretSize:
		return fmt.Errorf("%w: %d bytes, and sfstore stores at most %d (Windows Credential Manager's limit, kept on every OS)", ErrTooBig, len(value), MaxSecretSize)
	}
	return nil
}

type result struct {
	value string
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
	if err := k.Available(); err != nil {
		return "", err
	}
	if err := ctx.Err(); err != nil {
		return "", fmt.Errorf("keyring %s cancelled: %w", op, err)
	}
	done := make(chan result, 1)
	go func() {
		v, err := f()
		done <- result{v, err}
	}()
	timer := time.NewTimer(k.timeout)
	defer timer.Stop()
	select {
	case r := <-done:
		if r.err != nil {
			return "", mapError(op, r.err, value)
		}
		return r.value, nil
	case <-timer.C:
		return "", &TimeoutError{Op: op, After: k.timeout}
	case <-ctx.Done():
		return "", fmt.Errorf("keyring %s cancelled: %w", op, ctx.Err())
	}
}
