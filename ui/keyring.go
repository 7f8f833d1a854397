package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"sfstore/api"
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
// error such as a timeout, and tells the person why: a keyring that hung
// once would hang again, each time for the whole timeout.
func (s *Session) keyringFailed(err error) {
	s.keyringErr = err
	s.KeyringUsable()
}

// keyringGaveUp is keyringFailed for a failure the caller tells in its own
// words (a save says how many secrets it saved first).
func (s *Session) keyringGaveUp(err error) {
	s.keyringErr, s.keyringNoted = err, true
}

// readSaved reads wanted from the keyring under p's progress: one value
// for each, "" for a secret that is not saved or whose saved value looks
// masked (a mask sent back as a secret would break the store). A keyring
// failure is told once and ends its use for the run; only Ctrl-C is an
// error.
func (s *Session) readSaved(ctx context.Context, p Prompter, wanted []SavedSecret) ([]string, error) {
	found := make([]string, len(wanted))
	err := p.Task(ctx, "Looking for saved secrets in the keyring", func(ctx context.Context) error {
		for i, w := range wanted {
			v, err := s.Opts.Keyring.Get(ctx, w.Account)
			if err != nil && !errors.Is(err, secrets.ErrNotFound) {
				return err
			}
			if !api.LooksMasked(v) {
				found[i] = v
			}
		}
		return nil
	})
	switch {
	case errors.Is(err, ErrCancelled):
		return nil, err
	case err != nil:
		s.keyringFailed(err)
		return nil, nil
	}
	s.Secrets.Add(found...)
	return found, nil
}

// LookupSaved reads wanted from the keyring under p's progress. It returns
// the values only when the keyring holds all of them: a partial set would
// mix credentials of different sign-ins. A keyring failure is told once and
// ends its use for the run.
func (s *Session) LookupSaved(ctx context.Context, p Prompter, wanted []SavedSecret) ([]string, error) {
	if !s.KeyringUsable() {
		return nil, nil
	}
	found, err := s.readSaved(ctx, p, wanted)
	if err != nil || slices.Contains(found, "") {
		return nil, err
	}
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
		wanted = append(wanted, SalesforceSecrets(*a)...)
	}
	// Nothing to return: after Ctrl-C the secrets stay unread, and what is
	// missing is asked for, or named, next.
	_ = s.fillSaved(ctx, p, wanted)
}

// FillSalesforceSaved puts into the answers each of fields (Salesforce
// secrets) that is empty and that the keyring holds for the app the
// answers name. Only Ctrl-C is an error.
func (s *Session) FillSalesforceSaved(ctx context.Context, p Prompter, fields []*settings.Field) error {
	a := s.Answers
	if a.SalesforceDomain == "" || a.ClientID == "" {
		return nil
	}
	var wanted []SavedSecret
	for _, w := range SalesforceSecrets(*a) {
		if slices.Contains(fields, w.Field) {
			wanted = append(wanted, w)
		}
	}
	return s.fillSaved(ctx, p, wanted)
}

// fillSaved reads those of wanted whose answer is empty and puts each
// value found into the answers, saying so.
func (s *Session) fillSaved(ctx context.Context, p Prompter, wanted []SavedSecret) error {
	var empty []SavedSecret
	for _, w := range wanted {
		if strings.TrimSpace(w.Field.Get(s.Answers)) == "" {
			empty = append(empty, w)
		}
	}
	if len(empty) == 0 || !s.KeyringUsable() {
		return nil
	}
	found, err := s.readSaved(ctx, p, empty)
	for i, w := range empty {
		if i < len(found) && found[i] != "" && w.Field.Set(s.Answers, found[i]) == nil {
			s.Progress("Using the saved %s from the keyring.", strings.ToLower(w.Field.Label))
		}
	}
	s.NoteSecrets()
	return err
}

// keyringUsable is KeyringUsable when tell, else KeyringAvailable.
func (s *Session) keyringUsable(tell bool) bool {
	if tell {
		return s.KeyringUsable()
	}
	return s.KeyringAvailable()
}

// SavedSalesforce returns what the keyring holds for the Salesforce app a
// names (its domain and client ID), by field, read under p's progress;
// a value that looks masked counts as not saved. tell says whether an
// unusable keyring is worth a word (when the secrets are needed). A
// keyring failure is told once and ends its use for the run; only Ctrl-C
// is an error.
func (s *Session) SavedSalesforce(ctx context.Context, p Prompter, a settings.Answers, tell bool) (map[*settings.Field]string, error) {
	if a.SalesforceDomain == "" || a.ClientID == "" || !s.keyringUsable(tell) {
		return nil, nil
	}
	wanted := SalesforceSecrets(a)
	found, err := s.readSaved(ctx, p, wanted)
	if err != nil {
		return nil, err
	}
	out := map[*settings.Field]string{}
	for i, w := range wanted {
		if i < len(found) && found[i] != "" {
			out[w.Field] = found[i]
		}
	}
	return out, nil
}

// SaveSalesforce saves the Salesforce app's secrets the answers hold, under
// p's progress with title. It returns how many it saved and the labels of
// those saved that `sfstore secrets list` will not show (the keyring's
// index could not be updated). A failure, returned for the caller to tell,
// ends the keyring's use for the run.
func (s *Session) SaveSalesforce(ctx context.Context, p Prompter, title string) (int, []string, error) {
	return s.writeSaved(ctx, p, title, SalesforceSecrets(*s.Answers))
}

// writeSaved saves each of toSave that has a value in the answers: the one
// loop of keyring writes. A failure other than Ctrl-C ends the keyring's
// use for the run; the caller tells it.
func (s *Session) writeSaved(ctx context.Context, p Prompter, title string, toSave []SavedSecret) (saved int, unindexed []string, err error) {
	if !s.KeyringAvailable() {
		return 0, nil, nil
	}
	err = p.Task(ctx, title, func(ctx context.Context) error {
		for _, w := range toSave {
			v := w.Field.Get(s.Answers)
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
	if err != nil && !errors.Is(err, ErrCancelled) {
		s.keyringGaveUp(err)
	}
	return saved, unindexed, err
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
	saved, unindexed, err := s.writeSaved(ctx, p, "Saving the secrets in the keyring", toSave)
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

// SaveWorkerSecret saves the worker app's secret the answers hold, under
// p's progress, for `sfstore profile add`. It says whether it was saved; a
// failure is returned for the caller to tell.
func (s *Session) SaveWorkerSecret(ctx context.Context, p Prompter) (bool, error) {
	if s.Answers.AuthMethod != settings.AuthWorkerApp || s.Answers.WorkerClientSecret == "" || !s.KeyringUsable() {
		return false, nil
	}
	saved, unindexed, err := s.writeSaved(ctx, p, "Saving the worker secret in the keyring", WorkerSecrets(*s.Answers))
	if err == nil && len(unindexed) > 0 {
		s.Notice(s.ErrStyles.Warn, "! Saved, but not listed by `sfstore secrets list` (the keyring's index could not be updated).")
	}
	return saved > 0, err
}
