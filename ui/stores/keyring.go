package stores

import (
	"context"
	"fmt"
	"slices"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/settings"
)

// The keyring helpers below work over secrets.Keyring's Get, Set, Delete
// and List. Saved secrets are named by the app they belong to (the
// store's domain and client ID, ui.SalesforceSecrets), so a store's are
// found again from its settings alone.

// held returns which of the accounts the keyring's index lists, under p's
// progress; nil when the keyring cannot be used or read (said once).
func held(ctx context.Context, s *ui.Session, p ui.Prompter, accounts []string) []string {
	if !s.KeyringAvailable() {
		return nil
	}
	var out []string
	err := p.Task(ctx, "Looking for the app's saved secrets in the keyring", func(ctx context.Context) error {
		entries, err := s.Opts.Keyring.List(ctx)
		for _, e := range entries {
			if slices.Contains(accounts, e.Account) {
				out = append(out, e.Account)
			}
		}
		return err
	})
	if err != nil && !isCancelled(err) {
		s.Notice(s.ErrStyles.Warn, "! The keyring could not be read: "+err.Error())
	}
	return out
}

// accountsOf names the keyring accounts of the app the answers name.
func accountsOf(a settings.Answers) []string {
	var out []string
	for _, w := range ui.SalesforceSecrets(a) {
		out = append(out, w.Account)
	}
	return out
}

// refreshSaved replaces the app's saved secrets with the store's new ones
// when the keyring holds them and the person did not choose to save: a
// keyring holding a session the store no longer uses would be offered
// again by the next reconnect, edit or test.
func refreshSaved(ctx context.Context, s *ui.Session, p ui.Prompter) {
	a := s.Answers
	if a.SaveSecrets || len(held(ctx, s, p, accountsOf(*a))) == 0 {
		return
	}
	err := p.Task(ctx, "Replacing the app's saved secrets in the keyring", func(ctx context.Context) error {
		for _, w := range ui.SalesforceSecrets(*a) {
			if v := w.Field.Get(a); v != "" {
				if err := s.Opts.Keyring.Set(ctx, w.Account, v); err != nil {
					return fmt.Errorf("save %s: %w", w.Field.Label, err)
				}
			}
		}
		return nil
	})
	switch {
	case isCancelled(err):
	case err != nil:
		s.Notice(s.ErrStyles.Warn, "! The keyring still holds the app's old secrets: "+err.Error())
	default:
		s.Notice(s.ErrStyles.OK, "✓ Replaced the app's saved secrets in the keyring, so they match the store.")
	}
}

// forgetSaved offers to remove a deleted store's saved secrets. Another
// store of the same app (domain and client ID) may still need them, so the
// wizard then proposes to keep them; a script forgets only with its flag.
func forgetSaved(ctx context.Context, s *ui.Session, p Prompter, st api.Store, all []api.Store, flag bool) error {
	a := settings.FromStore(st)
	accounts := held(ctx, s, p, accountsOf(a))
	if len(accounts) == 0 {
		return nil
	}
	desc := fmt.Sprintf("The keyring holds %d secrets for %s with client ID %s.", len(accounts), a.SalesforceDomain, a.ClientID)
	var shared []string
	for _, other := range all {
		if other.ID != st.ID && slices.Equal(accountsOf(settings.FromStore(other)), accountsOf(a)) {
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
		for _, account := range accounts {
			if err := s.Opts.Keyring.Delete(ctx, account); err != nil {
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
		s.Notice(s.ErrStyles.OK, fmt.Sprintf("✓ Forgot %d saved secrets.", len(accounts)))
	}
	return nil
}
