package secrets

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// maxIndexAttempts bounds how often an update is written again when reading
// it back shows that another writer (an older sfstore, which takes no lock)
// changed the index in between.
const maxIndexAttempts = 4

// errHeadChanged means the head changed between reading and writing it.
var errHeadChanged = errors.New("keyring: the index head changed while sfstore was writing it")

// indexAdd records account as saved now.
func (k *Keyring) indexAdd(ctx context.Context, account string) error {
	saved := indexEntry{Account: account, SavedAt: k.now().UTC().Truncate(time.Second)}
	_, err := k.updateIndex(ctx, []indexEntry{saved}, nil)
	return err
}

// indexRemove forgets accounts.
func (k *Keyring) indexRemove(ctx context.Context, accounts []string) error {
	_, err := k.updateIndex(ctx, nil, accounts)
	return err
}

// updateIndex adds and drops names under the index lock, then reads the
// index back to check that the change is there. If it is not, another
// writer raced this one, so the change is applied again to what that writer
// left, merging both, a bounded number of times. It returns the index as
// last read. A corrupt index is rebuilt from the items that can be read; an
// unreadable one (locked, timed out) is left alone.
func (k *Keyring) updateIndex(ctx context.Context, add []indexEntry, drop []string) (*indexState, error) {
	unlock, err := k.lockIndex(ctx)
	if err != nil {
		return nil, err
	}
	defer unlock()
	drop = k.stillGone(ctx, drop)
	st, err := k.readIndex(ctx)
	if err != nil {
		return nil, err
	}
	for attempt := 0; ; attempt++ {
		if applied(st, add, drop) && tidy(st) {
			return st, nil
		}
		if attempt == maxIndexAttempts {
			return nil, fmt.Errorf("keyring: the index of saved names kept changing while sfstore wrote it (is an older sfstore running?); gave up after %d attempts", maxIndexAttempts)
		}
		if err := k.writeIndex(ctx, st, apply(st.entries, add, drop)); err != nil && !errors.Is(err, errHeadChanged) {
			return nil, err
		}
		if st, err = k.readIndex(ctx); err != nil {
			return nil, err
		}
	}
}

// stillGone keeps the accounts of drop that hold no secret now. Another run
// may have saved one again since it was deleted, and named it in the index
// before this update took the lock: its name must stay. Called under the
// index lock, so no later save can slip in before the update.
func (k *Keyring) stillGone(ctx context.Context, drop []string) []string {
	gone := drop[:0:0]
	for _, account := range drop {
		_, err := k.call(ctx, "get", "", func() (string, error) { return k.backend.Get(Service, account) })
		if err == nil {
			continue
		}
		gone = append(gone, account)
	}
	return gone
}

// applied reports whether every entry of add is in st, as saved then or
// later, and no account of drop is.
func applied(st *indexState, add []indexEntry, drop []string) bool {
	for _, e := range st.entries {
		if slices.Contains(drop, e.Account) {
			return false
		}
	}
	for _, a := range add {
		if !slices.ContainsFunc(st.entries, func(e indexEntry) bool { return e.Account == a.Account && !e.SavedAt.Before(a.SavedAt) }) {
			return false
		}
	}
	return true
}

// tidy reports whether st is already in the current format with nothing to
// repair, so that an update that changes no name need not write.
func tidy(st *indexState) bool {
	if st.corrupt || slices.Contains(st.parts, "") {
		return false
	}
	return st.v2 || (st.head == "" && len(st.parts) == 0 && len(st.entries) == 0)
}

// apply returns entries without drop and add's accounts, then add: entries
// stay in the order saved, so a new name changes only the last part.
func apply(entries, add []indexEntry, drop []string) []indexEntry {
	out := slices.DeleteFunc(slices.Clone(entries), func(e indexEntry) bool {
		return slices.Contains(drop, e.Account) || slices.ContainsFunc(add, func(a indexEntry) bool { return a.Account == e.Account })
	})
	return append(out, add...)
}

// writeIndex writes entries over st. Parts go first and the head last, so
// that a reader in between sees either the old head or the new one with its
// parts in place; parts that did not change are not rewritten. Since names
// stay in the order saved, an interrupted update can duplicate a name across
// two parts (merged when read) but never lose one that was already indexed.
func (k *Keyring) writeIndex(ctx context.Context, st *indexState, entries []indexEntry) error {
	if len(entries) == 0 {
		return k.clearIndex(ctx, st)
	}
	parts, err := packEntries(entries)
	if err != nil {
		return err
	}
	for i, p := range parts {
		if i < len(st.parts) && st.parts[i] == p {
			continue
		}
		if _, err := k.call(ctx, "set", "", func() (string, error) { return "", k.backend.Set(Service, indexPart(i+1), p) }); err != nil {
			return fmt.Errorf("write part %d of the index: %w", i+1, err)
		}
	}
	if head := fmt.Sprintf(`{"version":%d,"parts":%d}`, indexVersion, len(parts)); head != st.head {
		if err := k.replaceHead(ctx, st.head, head); err != nil {
			return err
		}
	}
	// Parts past the new count are no longer read; one left behind by a
	// failed delete is harmless, and ForgetAll's search removes it.
	for i := len(parts); i < len(st.parts); i++ {
		_ = k.deleteIndexItem(ctx, indexPart(i+1))
	}
	return nil
}

// clearIndex deletes the index when it holds no names, parts first, so that
// forgetting everything leaves no sfstore item in the keyring.
func (k *Keyring) clearIndex(ctx context.Context, st *indexState) error {
	for i := range st.parts {
		if err := k.deleteIndexItem(ctx, indexPart(i+1)); err != nil {
			return fmt.Errorf("delete part %d of the index: %w", i+1, err)
		}
	}
	if st.head == "" {
		return nil
	}
	return k.replaceHead(ctx, st.head, "")
}

// replaceHead writes head ("" deletes it) if the head is still old. An older
// sfstore writes its names into the head without taking the lock; checking
// first narrows the window in which this write could drop one of them to
// the time between two keyring calls.
func (k *Keyring) replaceHead(ctx context.Context, old, head string) error {
	now, err := k.getIndexItem(ctx, IndexAccount)
	if err != nil {
		return err
	}
	if now != old {
		return errHeadChanged
	}
	if head == "" {
		return k.deleteIndexItem(ctx, IndexAccount)
	}
	if _, err := k.call(ctx, "set", "", func() (string, error) { return "", k.backend.Set(Service, IndexAccount, head) }); err != nil {
		return fmt.Errorf("write the index head: %w", err)
	}
	return nil
}

// deleteIndexItem deletes one index item; one that is already gone is fine.
func (k *Keyring) deleteIndexItem(ctx context.Context, account string) error {
	_, err := k.call(ctx, "delete", "", func() (string, error) { return "", k.backend.Delete(Service, account) })
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

// packEntries encodes entries, in order, into as few parts as hold them,
// each at most MaxSecretSize bytes.
func packEntries(entries []indexEntry) ([]string, error) {
	prefix, suffix := fmt.Sprintf(`{"version":%d,"entries":[`, indexVersion), "]}"
	var parts []string
	var b strings.Builder
	for _, e := range entries {
		j, err := json.Marshal(e)
		if err != nil {
			return nil, fmt.Errorf("encode the index: %w", err)
		}
		if len(prefix)+len(j)+len(suffix) > MaxSecretSize {
			return nil, fmt.Errorf("keyring: an account name of %d bytes is too long for the index, whose items hold at most %d bytes", len(e.Account), MaxSecretSize)
		}
		if b.Len() > 0 && b.Len()+1+len(j)+len(suffix) > MaxSecretSize {
			parts = append(parts, b.String()+suffix)
			b.Reset()
		}
		if b.Len() == 0 {
			b.WriteString(prefix)
		} else {
			b.WriteByte(',')
		}
		b.Write(j)
	}
	if b.Len() > 0 {
		parts = append(parts, b.String()+suffix)
	}
	return parts, nil
}
