package secrets

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
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

// The index lives in the keyring itself, because go-keyring v0.2.8 cannot
// enumerate items, and every item must fit MaxSecretSize (Windows' limit).
// Version 2 spreads the names over as many items as they need:
//
//	index    {"version":2,"parts":2}           the head: only the count
//	index/1  {"version":2,"entries":[…]}       names, in the order saved
//	index/2  {"version":2,"entries":[…]}
//
// The head holds no names so that an older sfstore, which reads the head as
// version 1, adds its name and writes the head back, drops none of ours: the
// parts survive, and reading a version 1 head also reads whatever parts
// exist. Version 1 was a single item {"version":1,"entries":[…]}; it is
// still read, and rewritten as version 2 on the next update.
const indexVersion = 2

// maxIndexParts bounds how many parts are read, so that a damaged head
// cannot make sfstore read for ever; 256 parts hold thousands of names.
const maxIndexParts = 256

type indexHead struct {
	Version int          `json:"version"`
	Parts   int          `json:"parts,omitempty"`
	Entries []indexEntry `json:"entries,omitempty"` // version 1 only
}

type indexEntry struct {
	Account string    `json:"account"`
	SavedAt time.Time `json:"savedAt"`
}

var errBadIndex = errors.New("keyring: the index of saved names is not valid JSON")

// indexPart returns the account of part i (from 1) of the index.
func indexPart(i int) string { return IndexAccount + "/" + strconv.Itoa(i) }

// isIndexAccount reports whether account is the index head or one of its parts.
func isIndexAccount(account string) bool {
	return account == IndexAccount || strings.HasPrefix(account, IndexAccount+"/")
}

// indexState is the index as read: the raw items, to write only what
// changed and to notice another writer, and the names merged from them.
type indexState struct {
	head    string   // raw head, "" if there is none
	v2      bool     // the head is a valid version 2 head
	parts   []string // raw parts: parts[i] is index/(i+1), "" if missing
	entries []indexEntry
	corrupt bool // some item was not valid JSON and was skipped
}

// List returns the names of the secrets sfstore saved, sorted by account.
// The index is updated under a lock and checked after each write, so it
// misses a secret only when an update failed (Set then returned an
// *IndexError) or the keyring was changed by other tools; and it may name a
// secret that other tools deleted. With no index yet, List returns no
// entries and no error.
func (k *Keyring) List(ctx context.Context) ([]Entry, error) {
	st, err := k.readIndex(ctx)
	if err != nil {
		return nil, err
	}
	if st.corrupt {
		return nil, errBadIndex
	}
	entries := make([]Entry, 0, len(st.entries))
	for _, s := range st.entries {
		e := ParseAccount(s.Account)
		e.SavedAt = s.SavedAt
		entries = append(entries, e)
	}
	slices.SortFunc(entries, func(a, b Entry) int { return strings.Compare(a.Account, b.Account) })
	return entries, nil
}

// readIndex reads the head and the parts it names; or, for a version 1 head
// or none, every part that exists. Missing parts are skipped: they are left
// by an update that was interrupted, whose names are in the other parts.
func (k *Keyring) readIndex(ctx context.Context) (*indexState, error) {
	st := &indexState{}
	head, err := k.getIndexItem(ctx, IndexAccount)
	if err != nil {
		return nil, err
	}
	st.head = head
	parts := -1 // read parts until one is missing
	if head != "" {
		var h indexHead
		switch err := json.Unmarshal([]byte(head), &h); {
		case err != nil:
			st.corrupt = true
		case h.Version > indexVersion:
			return nil, fmt.Errorf("keyring: the index of saved names has format %d, newer than this sfstore reads (%d): update sfstore", h.Version, indexVersion)
		case h.Version == indexVersion:
			st.v2, parts = true, min(h.Parts, maxIndexParts)
		default:
			st.entries = h.Entries
		}
	}
	var fromParts []indexEntry
	for i := 1; i <= maxIndexParts && (parts < 0 || i <= parts); i++ {
		raw, err := k.getIndexItem(ctx, indexPart(i))
		if err != nil {
			return nil, err
		}
		if raw == "" && parts < 0 {
			break
		}
		st.parts = append(st.parts, raw)
		var p indexHead
		if raw != "" && json.Unmarshal([]byte(raw), &p) != nil {
			st.corrupt = true
		}
		fromParts = append(fromParts, p.Entries...)
	}
	st.entries = mergeEntries(fromParts, st.entries)
	return st, nil
}

// getIndexItem returns one raw index item, "" if it does not exist.
func (k *Keyring) getIndexItem(ctx context.Context, account string) (string, error) {
	v, err := k.call(ctx, "get", "", func() (string, error) { return k.backend.Get(Service, account) })
	if errors.Is(err, ErrNotFound) {
		return "", nil
	}
	return v, err
}

// mergeEntries returns the entries of all lists with one entry per account:
// the one saved last, at the place of its first appearance.
func mergeEntries(lists ...[]indexEntry) []indexEntry {
	var out []indexEntry
	at := make(map[string]int)
	for _, list := range lists {
		for _, e := range list {
			if e.Account == "" {
				continue
			}
			if i, ok := at[e.Account]; ok {
				if e.SavedAt.After(out[i].SavedAt) {
					out[i] = e
				}
				continue
			}
			at[e.Account] = len(out)
			out = append(out, e)
		}
	}
	return out
}
