package secrets_test

import (
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"sfstore/secrets"
)

// sentinel is a fake secret that must never show up in an error.
const sentinel = "SENTINEL-SECRET-9d2e"

// noProbe keeps unit tests independent of this machine's session bus.
var noProbe = secrets.WithProbe(func() error { return nil })

// mockKeyring is a Keyring on go-keyring's in-memory mock. The mock is a
// package global in go-keyring without a mutex, so tests that use it must
// not run in parallel nor call it from several goroutines. It is not
// searched: on Linux the default searcher would search the machine's real
// Secret Service, not the mock.
func mockKeyring(t *testing.T) *secrets.Keyring {
	t.Helper()
	keyring.MockInit()
	return secrets.New(noProbe, secrets.WithTimeout(5*time.Second), secrets.WithSearcher(nil))
}

// failingBackend fails every call with err; Get also returns a value, which
// the Keyring must drop.
type failingBackend struct{ err error }

func (b failingBackend) Get(string, string) (string, error) { return sentinel, b.err }
func (b failingBackend) Set(string, string, string) error   { return b.err }
func (b failingBackend) Delete(string, string) error        { return b.err }

// echoBackend fails Set with an error that quotes the password, as a careless
// backend might.
type echoBackend struct{}

func (echoBackend) Get(string, string) (string, error) { return "", keyring.ErrNotFound }
func (echoBackend) Set(_, user, password string) error {
	return errors.New("cannot store " + password + " for " + user)
}
func (echoBackend) Delete(string, string) error { return keyring.ErrNotFound }

// blockingBackend blocks every call until it is released, then passes it
// on to next, like go-keyring waiting for an unlock prompt nobody answers.
type blockingBackend struct {
	next     secrets.Backend
	release  chan struct{}
	once     sync.Once
	started  chan string // the user of each call, when it starts
	finished chan error  // the result of each call, when it ends
}

func newBlockingBackend(t *testing.T, next secrets.Backend) *blockingBackend {
	b := &blockingBackend{next: next, release: make(chan struct{}),
		started: make(chan string, 16), finished: make(chan error, 16)}
	t.Cleanup(b.unblock) // lets the goroutines the Keyring left behind end
	return b
}

func (b *blockingBackend) unblock() { b.once.Do(func() { close(b.release) }) }

func (b *blockingBackend) block(user string) {
	select {
	case b.started <- user:
	default: // nobody is watching this many calls
	}
	<-b.release
}

func (b *blockingBackend) done(err error) {
	select {
	case b.finished <- err:
	default:
	}
}

func (b *blockingBackend) Get(s, u string) (string, error) {
	b.block(u)
	v, err := b.next.Get(s, u)
	b.done(err)
	return v, err
}

func (b *blockingBackend) Set(s, u, p string) error {
	b.block(u)
	err := b.next.Set(s, u, p)
	b.done(err)
	return err
}

func (b *blockingBackend) Delete(s, u string) error {
	b.block(u)
	err := b.next.Delete(s, u)
	b.done(err)
	return err
}

// countingBackend counts calls and passes them on to go-keyring's mock.
type countingBackend struct{ calls atomic.Int32 }

func (c *countingBackend) Get(s, u string) (string, error) { c.calls.Add(1); return keyring.Get(s, u) }
func (c *countingBackend) Set(s, u, p string) error        { c.calls.Add(1); return keyring.Set(s, u, p) }
func (c *countingBackend) Delete(s, u string) error        { c.calls.Add(1); return keyring.Delete(s, u) }

// indexFailingBackend stores secrets in go-keyring's mock but fails every
// call on the index's items.
type indexFailingBackend struct{}

func isIndexItem(account string) bool {
	return account == secrets.IndexAccount || strings.HasPrefix(account, secrets.IndexAccount+"/")
}

func (indexFailingBackend) Get(s, u string) (string, error) {
	if isIndexItem(u) {
		return "", errors.New("index exploded")
	}
	return keyring.Get(s, u)
}

func (indexFailingBackend) Set(s, u, p string) error {
	if isIndexItem(u) {
		return errors.New("index exploded")
	}
	return keyring.Set(s, u, p)
}

func (indexFailingBackend) Delete(s, u string) error { return keyring.Delete(s, u) }

// assertNoSentinel fails if err, or any error it wraps, mentions sentinel.
func assertNoSentinel(t *testing.T, err error) {
	t.Helper()
	for e := err; e != nil; e = errors.Unwrap(e) {
		if strings.Contains(e.Error(), sentinel) {
			t.Fatalf("error leaks the secret: %q", e.Error())
		}
	}
}
