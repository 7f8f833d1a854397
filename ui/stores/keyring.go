package stores

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"sfstore/api"
	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/settings"
)

// The keyring helpers below work over secrets.Keyring: secrets are saved
// by the app they belong to (the store's domain and client ID), so a
// store's are found again from its settings alone, whatever the index of
// saved names says.

// secretNames are the keyring's names of a store's secret fields.
var secretNames = map[*settings.Field]secrets.SalesforceSecret{
	settings.FieldClientSecret: secrets.ClientSecret,
	settings.FieldAccessToken:  secrets.AccessToken,
	settings.FieldRefreshToken: secrets.RefreshToken,
}

// savedFor reads what the keyring holds for the app a names, by field,
// under p's progress. tell says whether an unusable keyring is worth a
// word (when the secrets are needed). A keyring that fails is said and
// skipped; only Ctrl-C is an error.
func savedFor(ctx context.Context, s *ui.Session, p ui.Prompter, a settings.Answers, tell bool) (map[*settings.Field]string, error) {
	usable := s.KeyringAvailable()
	if tell {
		usable = s.KeyringUsable()
	}
	if a.SalesforceDomain == "" || a.ClientID == "" || !usable {
		return nil, nil
	}
	var found map[secrets.SalesforceSecret]string
	err := p.Task(ctx, "Looking for the app's saved secrets in the keyring", func(ctx context.Context) error {
		var err error
		found, err = s.Opts.Keyring.SalesforceSecrets(ctx, a.SalesforceDomain, a.ClientID)
		return err
	})
	switch {
	case isCancelled(err):
		return nil, err
	case err != nil:
		s.Notice(s.ErrStyles.Warn, "! The keyring could not be read: "+err.Error())
		return nil, nil
	}
	out := map[*settings.Field]string{}
	for f, name := range secretNames {
		if v := found[name]; v != "" && !api.LooksMasked(v) {
			out[f] = v
		}
	}
	return out, nil
}

// fillSaved puts into the answers each of fields the keyring holds for the
// store's app.
func fillSaved(ctx context.Context, s *ui.Session, p ui.Prompter, fields []*settings.Field) error {
	if len(fields) == 0 {
		return nil
	}
	saved, err := savedFor(ctx, s, p, *s.Answers, true)
	if err != nil {
		return err
	}
	for _, f := range fields {
		if v := saved[f]; v != "" && f.Set(s.Answers, v) == nil {
			s.Progress("Using the saved %s from the keyring.", strings.ToLower(f.Label))
		}
	}
	s.NoteSecrets()
	return nil
}

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
	a := s.Answers
	if a.SaveSecrets {
		return
	}
	if saved, _ := savedFor(ctx, s, p, *a, false); len(saved) == 0 {
		return
	}
	err := p.Task(ctx, "Replacing the app's saved secrets in the keyring", func(ctx context.Context) error {
		for _, w := range ui.SalesforceSecrets(*a) {
			if v := w.Field.Get(a); v != "" {
				if err := s.Opts.Keyring.Set(ctx, w.Account, v); err != nil && !indexOnly(err) {
					return fmt.Errorf("save %s: %w", w.Field.Label, err)
				}
			}
		}
		return nil
	})
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
	saved, err := savedFor(ctx, s, p, a, false)
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
