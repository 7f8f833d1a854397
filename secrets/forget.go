package secrets

import (
	"context"
	"errors"
	"fmt"
	"slices"
)

// ForgetReport says what [Keyring.ForgetAll] did. It names accounts, never
// values.
type ForgetReport struct {
	// Removed lists the accounts whose secrets were deleted, sorted.
	Removed []string
	// Gone lists the accounts the index named but the keyring no longer
	// held; their names were dropped from the index.
	Gone []string
	// Failed lists what could not be removed, and why. Account "" is an
	// item with no account name; Account IndexAccount is the index itself.
	Failed []ForgetFailure
	// Searched is true when the keyring itself was searched for sfstore's
	// items, so that those the index missed were removed too.
	Searched bool
	// NotSearched says, when Searched is false, why and where the user can
	// look for what may remain.
	NotSearched string
}

// ForgetFailure is one item [Keyring.ForgetAll] could not remove.
type ForgetFailure struct {
	Account string
	Err     error
}

// ForgetAll deletes every secret sfstore saved: each account the index
// names and, where the keyring can be searched (see [Searcher]), every other
// item under [Service], which the index can miss (an older sfstore lost
// names when run concurrently). Once nothing is left, the index's own items
// are deleted too. The lock on the index is taken only to update it, after
// the deletes.
//
// The report lists every account removed and every item that could not be,
// with why. The error is non-nil only when ForgetAll stopped early: the
// keyring is unavailable, timed out or ctx ended. The report then says what
// was done until then and lists what was not tried.
func (k *Keyring) ForgetAll(ctx context.Context) (ForgetReport, error) {
	var r ForgetReport
	if err := k.Available(); err != nil {
		return r, err
	}
	st, indexErr := k.readIndex(ctx)
	if stops(indexErr) {
		return r, fmt.Errorf("read the index of saved secrets: %w", indexErr)
	}
	found, indexItems := k.searchForForget(ctx, &r)
	if indexErr != nil || (st.corrupt && !r.Searched) {
		if indexErr == nil {
			indexErr = errBadIndex
		}
		r.Failed = append(r.Failed, ForgetFailure{Account: IndexAccount, Err: fmt.Errorf("names in the index could not be read: %w", indexErr)})
	}
	var indexed []string
	if st != nil {
		for _, e := range st.entries {
			indexed = append(indexed, e.Account)
		}
	}
	accounts := slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(indexed), found...))))
	for i, account := range accounts {
		if account == "" {
			r.Failed = append(r.Failed, ForgetFailure{Err: fmt.Errorf("an item under service %q has no username attribute, so sfstore cannot remove it; %s", Service, osLookHint())})
			continue
		}
		_, err := k.call(ctx, "delete", "", func() (string, error) { return "", k.backend.Delete(Service, account) })
		switch {
		case err == nil:
			r.Removed = append(r.Removed, account)
		case errors.Is(err, ErrNotFound) && slices.Contains(indexed, account):
			r.Gone = append(r.Gone, account)
		case errors.Is(err, ErrNotFound):
			r.Failed = append(r.Failed, ForgetFailure{account, errors.New("the keyring search found this item, but deleting it by name found nothing (is it in a collection other than the default one?)")})
		case stops(err):
			r.Failed = append(r.Failed, ForgetFailure{account, err})
			for _, rest := range accounts[i+1:] {
				r.Failed = append(r.Failed, ForgetFailure{rest, fmt.Errorf("not tried after an earlier failure: %w", err)})
			}
			return r, fmt.Errorf("forget saved secrets: %w", err)
		default:
			r.Failed = append(r.Failed, ForgetFailure{account, err})
		}
	}
	if indexErr == nil {
		k.pruneAfterForget(ctx, &r, indexItems)
	}
	return r, nil
}

// searchForForget searches the keyring, recording in r whether it could,
// and returns the accounts found apart from the index's own items.
func (k *Keyring) searchForForget(ctx context.Context, r *ForgetReport) (accounts, indexItems []string) {
	if k.searcher == nil {
		r.NotSearched = k.notSearchable()
		return nil, nil
	}
	found, err := k.search(ctx)
	if err != nil {
		r.NotSearched = k.searchFailed(err)
		return nil, nil
	}
	r.Searched = true
	for _, a := range found {
		if isIndexAccount(a) {
			indexItems = append(indexItems, a)
		} else {
			accounts = append(accounts, a)
		}
	}
	return accounts, indexItems
}

// pruneAfterForget drops the removed names from the index; when it is left
// empty (nobody saved a secret meanwhile), it also deletes index items the
// search found that the index no longer refers to, such as a part left by
// an interrupted update.
func (k *Keyring) pruneAfterForget(ctx context.Context, r *ForgetReport, indexItems []string) {
	st, err := k.updateIndex(ctx, nil, append(slices.Clone(r.Removed), r.Gone...))
	if err != nil {
		r.Failed = append(r.Failed, ForgetFailure{IndexAccount, fmt.Errorf("the index could not be updated: %w", err)})
		return
	}
	if len(st.entries) > 0 {
		return
	}
	for _, item := range indexItems {
		if err := k.deleteIndexItem(ctx, item); err != nil {
			r.Failed = append(r.Failed, ForgetFailure{item, err})
		}
	}
}

// stops reports whether err means no further keyring call can succeed now.
func stops(err error) bool {
	switch Classify(err) {
	case Unavailable, TimedOut, Cancelled:
		return true
	}
	return false
}
