package stores

import (
	"context"
	"errors"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/settings"
)

// Edit changes a store's settings through the create flow's update
// (ui.Update): the wizard, prefilled with the store's settings, opens at
// the review, which shows each change as old → new; a script applies the
// store flags given (apply) instead. One PUT of the whole store.
//
// Secrets PingOne does not return come from the environment, the keyring
// or a prompt, so the store is never sent back with a mask in place of a
// secret. A script with nothing to change sends nothing.
func Edit(ctx context.Context, s *ui.Session, p Prompter, ref string, apply func(*settings.Answers) error) (*api.Store, error) {
	f, err := find(ctx, s, p, ref)
	if err != nil {
		return nil, err
	}
	given := adopt(s, f.Store)
	if err := fillSecrets(ctx, s, p, given, secretFields); err != nil {
		return nil, err
	}
	original := *s.Answers
	if apply != nil {
		if err := apply(s.Answers); err != nil {
			return nil, err
		}
		s.NoteSecrets()
	}
	if a := s.Answers; a.SalesforceDomain != original.SalesforceDomain || a.ClientID != original.ClientID {
		// The stored secret and tokens belong to the app as it was: the
		// new app's come from the environment, the keyring or a prompt,
		// never from the old one.
		for _, f := range secretFields {
			_ = f.Set(a, "")
		}
		if err := fillSecretsBecause(ctx, s, p, given, secretFields, "the Salesforce domain or client ID changes"); err != nil {
			return nil, err
		}
	}
	if s.Opts.NoInput {
		if len(settings.Changes(original, *s.Answers)) == 0 {
			s.Progress("Nothing to change: the flags given match the store; nothing was sent.")
			if s.Opts.JSON {
				return &f.Store, s.WriteJSON(f.Store.Masked())
			}
			return &f.Store, nil
		}
		printChanges(s, original)
	}
	store, err := ui.Update(ctx, s, p, ui.Editing{StoreID: f.Store.ID, Original: original})
	if errors.Is(err, ui.ErrNothingChanged) {
		return &f.Store, nil
	}
	if err != nil {
		return nil, err
	}
	refreshSaved(ctx, s, p)
	return store, nil
}
