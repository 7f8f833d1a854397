package stores

import (
	"context"
	"errors"
	"fmt"

	"sfstore/api"
	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/settings"
)

// The keyring helpers below work through the session's (ui/keyring.go):
// secrets are saved by the app they belong to (the store's domain and
// client ID), so a store's are found again from its settings alone,
// whatever the index of saved names says, and a keyring that fails once is
// not waited on again in the run.

// indexOnly reports an error that leaves the secret saved (or deleted) and
// only sfstore's index of names behind.
func indexOnly(err error) bool {
	var ie *secrets.IndexError
	return errors.As(err, &ie)
}

// refreshSaved replaces the app's saved secrets with the store's new ones
// when the keyring holds some and the person did not choose to save: a
// keyring holding a session the store no longer uses would be offered
// again by the next reconnect, edit or test.
func refreshSaved(ctx context.Context, s *ui.Session, p ui.Prompter) {
	if s.Answers.SaveSecrets {
		return
	}
	if saved, _ := s.SavedSalesforce(ctx, p, *s.Answers, false); len(saved) == 0 {
		return
	}
	_, _, err := s.SaveSalesforce(ctx, p, "Replacing the app's saved secrets in the keyring")
	switch {
	case isCancelled(err):
	case err != nil:
		s.Notice(s.ErrStyles.Warn, "! The keyring may still hold the app's old secrets: "+err.Error())
	default:
		s.Notice(s.ErrStyles.OK, "✓ Replaced the app's saved secrets in the keyring, so they match the store.")
	}
}

// forgetSaved offers to remove a deleted store's saved secrets. Another
// store of the same app (domain and client ID) may still need them, so the
// wizard then proposes to keep them; a script forgets only with its flag.
func forgetSaved(ctx context.Context, s *ui.Session, p Prompter, st api.Store, all []api.Store, flag bool) error {
	a := settings.FromStore(st)
	saved, err := s.SavedSalesforce(ctx, p, a, false)
	if err != nil || len(saved) == 0 {
		return err
	}
	desc := fmt.Sprintf("The keyring holds %d secrets for %s with client ID %s.", len(saved), a.SalesforceDomain, a.ClientID)
	var shared []string
	for _, other := range all {
		o := settings.FromStore(other)
		if other.ID != st.ID && secrets.NormalizeDomain(o.SalesforceDomain) == secrets.NormalizeDomain(a.SalesforceDomain) && o.ClientID == a.ClientID {
			shared = append(shared, other.Name)
		}
	}
	if len(shared) > 0 {
		desc += fmt.Sprintf(" %d other stores use the same app (%q…) and may need them.", len(shared), shared[0])
	}
	forget, err := p.Confirm(ctx, Question{Title: "Forget the store's saved secrets?", Description: s.ErrStyles.Clean(desc),
		Default: len(shared) == 0, Script: flag})
	if err != nil || !forget {
		return err
	}
	err = p.Task(ctx, "Removing the saved secrets from the keyring", func(ctx context.Context) error {
		for _, w := range ui.SalesforceSecrets(a) {
			if _, ok := saved[w.Field]; !ok {
				continue
			}
			if err := s.Opts.Keyring.Delete(ctx, w.Account); err != nil && !errors.Is(err, secrets.ErrNotFound) && !indexOnly(err) {
				return err
			}
		}
		return nil
	})
	switch {
	case isCancelled(err):
		return err
	case err != nil:
		s.Notice(s.ErrStyles.Warn, "! The saved secrets were not all removed: "+err.Error())
	default:
		s.Notice(s.ErrStyles.OK, fmt.Sprintf("✓ Forgot %d saved secrets.", len(saved)))
	}
	return nil
}
