package secrets

import (
	"sync"

	"github.com/zalando/go-keyring"
)

// Backend is the storage under a [Keyring]. Its methods have go-keyring's
// signatures. A missing item must be reported with an error for which
// errors.Is(err, keyring.ErrNotFound) or errors.Is(err, [ErrNotFound]) holds.
// A Backend need not honour timeouts: the Keyring runs every call in its own
// goroutine.
type Backend interface {
	Get(service, user string) (string, error)
	Set(service, user, password string) error
	Delete(service, user string) error
}

// osBackend calls go-keyring's package functions, so keyring.MockInit and
// keyring.MockInitWithError also reach it in tests.
type osBackend struct{}

func (osBackend) Get(service, user string) (string, error) { return keyring.Get(service, user) }
func (osBackend) Set(service, user, password string) error {
	return keyring.Set(service, user, password)
}
func (osBackend) Delete(service, user string) error { return keyring.Delete(service, user) }

// memoryBackend keeps items in a map for the life of the process.
type memoryBackend struct {
	mu    sync.Mutex
	items map[[2]string]string
}

// NewMemoryBackend returns a Backend that keeps items in memory for the life
// of the process, safe for concurrent use. [NewMemory] uses it; tests can
// wrap it.
func NewMemoryBackend() Backend {
	return &memoryBackend{items: make(map[[2]string]string)}
}

func (m *memoryBackend) Get(service, user string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.items[[2]string{service, user}]
	if !ok {
		return "", keyring.ErrNotFound
	}
	return v, nil
}

func (m *memoryBackend) Set(service, user, password string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.items[[2]string{service, user}] = password
	return nil
}

func (m *memoryBackend) Delete(service, user string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	key := [2]string{service, user}
	if _, ok := m.items[key]; !ok {
		return keyring.ErrNotFound
	}
	delete(m.items, key)
	return nil
}
