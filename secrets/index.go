package secrets

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"time"
)

// Entry describes one saved secret by name: never its value. Kind is
// KindSalesforce, KindPingOne or KindOther; Domain is set for Salesforce
// and EnvID for PingOne.
type Entry struct {
	Account  string    `json:"account"`
	Kind     string    `json:"kind"`
	Secret   string    `json:"secret,omitempty"` // e.g. "CLIENT_SECRET" or "client_secret"
	Domain   string    `json:"domain,omitempty"`
	EnvID    string    `json:"envId,omitempty"`
	ClientID string    `json:"clientId,omitempty"`
	SavedAt  time.Time `json:"savedAt"`
}

// indexFile is what is stored under IndexAccount. It keeps only the account
// name and the date, since the other Entry fields are parsed from the name:
// the whole index must fit MaxSecretSize, and that way it holds about a dozen
// Salesforce names (their client IDs are ~85 characters).
type indexFile struct {
	Version int          `json:"version"`
	Entries []indexEntry `json:"entries"`
}

type indexEntry struct {
	Account string    `json:"account"`
	SavedAt time.Time `json:"savedAt"`
}

var errBadIndex = errors.New("keyring: the index of saved names is not valid JSON")

// List returns the names of the secrets sfstore saved, sorted by account,
// from an index kept in the keyring itself because go-keyring v0.2.8 cannot
// enumerate items. The index is updated on a best-effort basis, so it may
// miss a secret (an index write failed, or the oldest names were dropped to
// fit MaxSecretSize) or name one deleted by other tools. With no index yet,
// List returns no entries and no error.
func (k *Keyring) List(ctx context.Context) ([]Entry, error) {
	stored, err := k.readIndex(ctx)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	entries := make([]Entry, 0, len(stored))
	for _, s := range stored {
		e := ParseAccount(s.Account)
		e.SavedAt = s.SavedAt
		entries = append(entries, e)
	}
	slices.SortFunc(entries, func(a, b Entry) int { return strings.Compare(a.Account, b.Account) })
	return entries, nil
}

func (k *Keyring) readIndex(ctx context.Context) ([]indexEntry, error) {
	data, err := k.call(ctx, "get", "", func() (string, error) { return k.backend.Get(Service, IndexAccount) })
	if err != nil {
		return nil, err
	}
	var f indexFile
	if err := json.Unmarshal([]byte(data), &f); err != nil {
		return nil, errBadIndex
	}
	return f.Entries, nil
}

// indexAdd records account as saved now. Errors are dropped: the secret
// itself is stored, and a missing name only makes List incomplete.
func (k *Keyring) indexAdd(ctx context.Context, account string) {
	saved := indexEntry{Account: account, SavedAt: k.now().UTC().Truncate(time.Second)}
	_ = k.updateIndex(ctx, func(entries []indexEntry) []indexEntry {
		return append(without(entries, account), saved)
	})
}

// indexRemove forgets account; errors are dropped as in indexAdd.
func (k *Keyring) indexRemove(ctx context.Context, account string) {
	_ = k.updateIndex(ctx, func(entries []indexEntry) []indexEntry { return without(entries, account) })
}

// updateIndex reads, changes and writes the index under indexMu, so two
// Sets in this process cannot drop each other's names. A corrupt index is
// started afresh; an unreadable one (locked, timed out) is left alone.
func (k *Keyring) updateIndex(ctx context.Context, change func([]indexEntry) []indexEntry) error {
	k.indexMu.Lock()
	defer k.indexMu.Unlock()
	entries, err := k.readIndex(ctx)
	if err != nil && !errors.Is(err, ErrNotFound) && !errors.Is(err, errBadIndex) {
		return err
	}
	data, err := encodeIndex(change(entries))
	if err != nil {
		return err
	}
	_, err = k.call(ctx, "set", "", func() (string, error) { return "", k.backend.Set(Service, IndexAccount, data) })
	return err
}

func without(entries []indexEntry, account string) []indexEntry {
	return slices.DeleteFunc(entries, func(e indexEntry) bool { return e.Account == account })
}

// encodeIndex drops the oldest entries (entries are kept in save order)
// until the JSON fits MaxSecretSize, like any other value.
func encodeIndex(entries []indexEntry) (string, error) {
	if entries == nil {
		entries = []indexEntry{} // "[]" rather than "null" for whoever reads it with secret-tool
	}
	for {
		data, err := json.Marshal(indexFile{Version: 1, Entries: entries})
		if err != nil || len(data) <= MaxSecretSize || len(entries) == 0 {
			return string(data), err
		}
		entries = entries[1:]
	}
}
