package secrets

import (
	"context"
	"slices"
)

// Searcher finds the items a keyring holds for a service, whether or not the
// index names them. go-keyring v0.2.8 cannot enumerate items, so
// [Keyring.ForgetAll] uses a Searcher to find what the index missed.
type Searcher interface {
	// SearchAccounts returns the account (go-keyring's "username"
	// attribute) of every item stored under service, locked or not, in any
	// order. An item that has no account is returned as "", so that the
	// caller can say it exists and cannot be removed by name.
	SearchAccounts(ctx context.Context, service string) ([]string, error)
}

// searcherFor picks how to search backend: through itself if it can, and
// through the OS (the Secret Service on Linux and the BSDs) for the OS
// keyring. go-keyring's mock (keyring.MockInit) is reached through the OS
// backend too, so tests that use it pass WithSearcher.
func searcherFor(backend Backend) Searcher {
	if s, ok := backend.(Searcher); ok {
		return s
	}
	if _, ok := backend.(osBackend); ok {
		return osSearcher()
	}
	return nil
}

// notSearchable says what ForgetAll could not check when the keyring cannot
// be searched, and where the user can look.
func (k *Keyring) notSearchable() string {
	if _, ok := k.backend.(osBackend); ok {
		return osNotSearchable()
	}
	return "this keyring cannot be searched, so only sfstore's index of saved names was used"
}

// searchFailed says that the search failed, and where the user can look.
func (k *Keyring) searchFailed(err error) string {
	msg := "could not search the keyring for items the index missed: " + err.Error()
	if _, ok := k.backend.(osBackend); ok {
		msg += "; " + osLookHint()
	}
	return msg
}

// search returns the accounts under Service, with the same probe, timeout
// and error classes as every other keyring call. The context it passes on
// ends with the timeout, so a D-Bus search stops with it.
func (k *Keyring) search(ctx context.Context) ([]string, error) {
	sctx, cancel := context.WithTimeout(ctx, k.timeout)
	defer cancel()
	return run(k, ctx, "search", "", func() ([]string, error) { return k.searcher.SearchAccounts(sctx, Service) })
}

// SearchAccounts returns the accounts stored under service: the memory
// backend knows all its items.
func (m *memoryBackend) SearchAccounts(_ context.Context, service string) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var accounts []string
	for key := range m.items {
		if key[0] == service {
			accounts = append(accounts, key[1])
		}
	}
	slices.Sort(accounts)
	return accounts, nil
}
