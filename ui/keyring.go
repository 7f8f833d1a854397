package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"sfstore/secrets"
	"sfstore/ui/settings"
)

// SavedSecret is one secret the keyring may hold: the account it is saved
// under and the field it fills.
type SavedSecret struct {
	Account string
	Field   *settings.Field
}

// WorkerSecrets are the PingOne worker app's saved secrets.
func WorkerSecrets(a settings.Answers) []SavedSecret {
	return []SavedSecret{{secrets.PingOneAccount(a.WorkerEnvironmentID, a.WorkerClientID), settings.FieldWorkerClientSecret}}
}

// SalesforceSecrets are the Salesforce app's saved secrets, found by the
// org's domain and the app's client ID.
func SalesforceSecrets(a settings.Answers) []SavedSecret {
	d, id := a.SalesforceDomain, a.ClientID
	return []SavedSecret{
		{secrets.SalesforceAccount(d, id, secrets.ClientSecret), settings.FieldClientSecret},
		{secrets.SalesforceAccount(d, id, secrets.AccessToken), settings.FieldAccessToken},
		{secrets.SalesforceAccount(d, id, secrets.RefreshToken), settings.FieldRefreshToken},
	}
}

// KeyringUsable says whether to try the keyring, telling the person once
// when it cannot be used.
func (s *Session) KeyringUsable() bool {
	if s.keyringErr == nil {
		return true
	}
	if !s.keyringNoted {
		s.keyringNoted = true
		reason := s.keyringErr.Error()
		var ue *secrets.UnavailableError
		if errors.As(s.keyringErr, &ue) {
			reason = ue.Reason
			if ue.Hint != "" {
				reason += ". To use it: " + ue.Hint
			}
		}
		s.Notice(s.ErrStyles.Warn, "! The OS keyring cannot be used: "+reason+
			". Your secrets are used for this run only and are not saved anywhere.")
	}
	return false
}

// KeyringAvailable says whether the keyring can be offered, without
// telling the person anything.
func (s *Session) KeyringAvailable() bool { return s.keyringErr == nil }

// keyringFailed stops using the keyring for the rest of the run after an
// error such as a timeout, and tells the person why.
func (s *Session) keyringFailed(err error) {
	s.keyringErr = err
	s.KeyringUsable()
}

// LookupSaved reads wanted from the keyring under p's progress. It returns
// the values only when the keyring holds all of them: a partial set would
// mix credentials of different sign-ins. A keyring failure is told once and
// ends its use for the run.
func (s *Session) LookupSaved(ctx context.Context, p Prompter, wanted []SavedSecret) ([]string, error) {
	if !s.KeyringUsable() {
		return nil, nil
	}
	found := make([]string, len(wanted))
	err := p.Task(ctx, "Looking for saved secrets in the keyring", func(ctx context.Context) error {
		for i, w := range wanted {
			v, err := s.Opts.Keyring.Get(ctx, w.Account)
			if err != nil {
				return err
			}
			found[i] = v
		}
		return nil
	})
	switch {
	case errors.Is(err, ErrCancelled):
		return nil, err
	case errors.Is(err, secrets.ErrNotFound):
		return nil, nil
	case err != nil:
		s.keyringFailed(err)
		return nil, nil
	}
	s.Secrets.Add(found...)
	return found, nil
}

// Use puts saved values into the answers.
func (s *Session) Use(saved []SavedSecret, values []string) {
	for i, w := range saved {
		_ = w.Field.Set(s.Answers, values[i])
	}
	s.NoteSecrets()
}

// FillFromKeyring reads the secrets nothing else supplied, when the names
// they are saved under are known, under p's progress: a script's way of
// reusing them, and the wizard's when every other answer is given.
func (s *Session) FillFromKeyring(ctx context.Context, p Prompter) {
	a := s.Answers
	var wanted []SavedSecret
	if a.AuthMethod == settings.AuthWorkerApp && a.WorkerClientSecret == "" && a.WorkerEnvironmentID != "" && a.WorkerClientID != "" {
		wanted = append(wanted, WorkerSecrets(*a)...)
	}
	if a.SalesforceDomain != "" && a.ClientID != "" {
		for _, w := range SalesforceSecrets(*a) {
			if w.Field.Get(a) == "" {
				wanted = append(wanted, w)
			}
		}
	}
	if len(wanted) == 0 || !s.KeyringUsable() {
		return
	}
	found := make([]string, len(wanted))
	err := p.Task(ctx, "Looking for saved secrets in the keyring", func(ctx context.Context) error {
		for i, w := range wanted {
			v, err := s.Opts.Keyring.Get(ctx, w.Account)
			if err != nil && !errors.Is(err, secrets.ErrNotFound) {
				return err
			}
			found[i] = v
		}
		return nil
	})
	if err != nil {
		if !errors.Is(err, ErrCancelled) {
			s.keyringFailed(err)
		}
		return
	}
	for i, w := range wanted {
		if found[i] != "" {
			s.Use([]SavedSecret{w}, []string{found[i]})
			s.Progress("Using the saved %s from the keyring.", strings.ToLower(w.Field.Label))
		}
	}
}

// SaveSecrets stores the secrets after the store was created, when the
// person asked for it. A failure is reported and does not undo the store.
func (s *Session) SaveSecrets(ctx context.Context, p Prompter) {
	a := s.Answers
	if !a.SaveSecrets || !s.KeyringUsable() {
		return
	}
	var toSave []SavedSecret
	if a.AuthMethod == settings.AuthWorkerApp {
		toSave = append(toSave, WorkerSecrets(*a)...)
	}
	toSave = append(toSave, SalesforceSecrets(*a)...)
	saved := 0
	var unindexed []string
	err := p.Task(ctx, "Saving the secrets in the keyring", func(ctx context.Context) error {
		for _, w := range toSave {
			v := w.Field.Get(a)
			if v == "" {
				continue
			}
			err := s.Opts.Keyring.Set(ctx, w.Account, v)
			var ie *secrets.IndexError
			switch {
			case errors.As(err, &ie):
				// Saved; only its name is missing from the list of saved
				// secrets. Say so and save the rest.
				unindexed = append(unindexed, w.Field.Label)
			case err != nil:
				return fmt.Errorf("save %s: %w", w.Field.Label, err)
			}
			saved++
		}
		return nil
	})
	if err != nil {
		s.Notice(s.ErrStyles.Warn, fmt.Sprintf("! %d secrets were saved, then: %v", saved, err))
		return
	}
	if len(unindexed) > 0 {
		s.Notice(s.ErrStyles.Warn, "! Saved, but not listed by `sfstore secrets list` (the keyring's index could not be updated): "+strings.Join(unindexed, ", "))
	}
	where := fmt.Sprintf("the OS keyring (service %q); sfstore offers them next time", secrets.Service)
	if s.Opts.Demo {
		where = "the demo keyring, which lives in memory until sfstore exits"
	}
	s.Notice(s.ErrStyles.OK, fmt.Sprintf("✓ Saved %d secrets in %s.", saved, where))
}
