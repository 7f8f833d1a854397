package secrets

import (
	"errors"
	"os"
	"strconv"
	"time"
)

// Option configures a Keyring made by [New] or [NewMemory].
type Option func(*Keyring)

// WithBackend makes the Keyring store items in b instead of the OS keyring.
// If b implements [Searcher], [Keyring.ForgetAll] uses it to find items the
// index missed.
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

// WithLockFile sets the file that serialises updates of the index across
// processes (see [DefaultLockFile]); Keyrings of one process that use the
// same file are serialised in-process too. With "", no file is used and
// only this Keyring's own updates are serialised, which is right for a
// backend that only this Keyring uses, such as [NewMemory]'s.
func WithLockFile(path string) Option {
	return func(k *Keyring) { k.lockFile, k.lockFileSet = path, true }
}

// WithLockWait sets how long an index update waits for other sfstores to
// finish theirs before failing with an *IndexBusyError; by default, as long
// as a keyring call may take (see [WithTimeout]). That wait covers the whole
// queue, not one update: each update is a few keyring calls, but six
// sfstores saving four secrets each on a loaded machine kept the last one
// waiting over 5s. A d that is not positive is ignored.
func WithLockWait(d time.Duration) Option {
	return func(k *Keyring) {
		if d > 0 {
			k.lockWait = d
		}
	}
}

// WithSearcher sets how [Keyring.ForgetAll] searches the keyring for items
// the index missed. A nil s means the keyring cannot be searched. Without
// this option, a backend that implements [Searcher] is searched through
// itself, and the OS keyring through the Secret Service on Linux and the BSDs.
func WithSearcher(s Searcher) Option {
	return func(k *Keyring) { k.searcher, k.searcherSet = s, true }
}

func timeoutFromEnv() time.Duration {
	if d, err := ParseTimeout(os.Getenv(TimeoutEnv)); err == nil {
		return d
	}
	return DefaultTimeout
}

// ParseTimeout reads a value of [TimeoutEnv]: a Go duration such as "90s"
// or "2m", or a whole number of seconds, either positive. Callers that
// want to refuse a bad value rather than ignore it check with this.
func ParseTimeout(v string) (time.Duration, error) {
	if d, err := time.ParseDuration(v); err == nil && d > 0 {
		return d, nil
	}
	if n, err := strconv.Atoi(v); err == nil && n > 0 {
		return time.Duration(n) * time.Second, nil
	}
	return 0, errors.New("expected a positive duration such as 30s or 2m, or a number of seconds")
}
