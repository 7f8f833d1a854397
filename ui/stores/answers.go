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

// secretFields are a store's Salesforce secrets.
var secretFields = []*settings.Field{settings.FieldClientSecret, settings.FieldAccessToken, settings.FieldRefreshToken}

// adopt makes the store's settings the run's answers, keeping the run's
// PingOne sign-in, and returns the answers the run started with (flags and
// environment), for what they supply beyond the sign-in. Secrets PingOne
// returned masked are left empty (settings.FromStore).
func adopt(s *ui.Session, st api.Store) settings.Answers {
	given := *s.Answers
	a := settings.FromStore(st)
	a.Region, a.AuthMethod, a.EnvironmentID = given.Region, given.AuthMethod, given.EnvironmentID
	a.WorkerEnvironmentID, a.WorkerClientID = given.WorkerEnvironmentID, given.WorkerClientID
	a.WorkerClientSecret, a.PingOneAccessToken = given.WorkerClientSecret, given.PingOneAccessToken
	a.SalesforceSignIn, a.SaveSecrets = given.SalesforceSignIn, given.SaveSecrets
	*s.Answers = a
	s.NoteSecrets()
	return given
}

// fillSecrets gives each of fields that is still empty (PingOne did not
// return it) a value: from the environment (given), else from the keyring,
// where sfstore saved the app's secrets by domain and client ID, else from
// a prompt. A script that lacks one stops with exit 2, naming its variable.
func fillSecrets(ctx context.Context, s *ui.Session, p Prompter, given settings.Answers, fields []*settings.Field) error {
	a := s.Answers
	for _, f := range fields {
		if f.Get(a) == "" && f.Get(&given) != "" {
			_ = f.Set(a, f.Get(&given)) // already parsed once
		}
	}
	if err := fillSaved(ctx, s, p, empty(a, fields)); err != nil {
		return err
	}
	s.NoteSecrets()
	missing := empty(a, fields)
	if len(missing) == 0 {
		return nil
	}
	why := fmt.Sprintf("PingOne does not return it, and the keyring holds none for %s with client ID %s", a.SalesforceDomain, a.ClientID)
	if err := p.AskSecrets(ctx, missing, why); err != nil {
		return err
	}
	s.NoteSecrets()
	if still := empty(a, fields); len(still) > 0 {
		return fmt.Errorf("%s: still empty", still[0].Label)
	}
	return nil
}

// empty lists the fields without a value.
func empty(a *settings.Answers, fields []*settings.Field) []*settings.Field {
	var out []*settings.Field
	for _, f := range fields {
		if strings.TrimSpace(f.Get(a)) == "" {
			out = append(out, f)
		}
	}
	return out
}

// saved are the keyring entries of the app the answers name, for fields.
func saved(a settings.Answers, fields []*settings.Field) []ui.SavedSecret {
	var out []ui.SavedSecret
	for _, w := range ui.SalesforceSecrets(a) {
		for _, f := range fields {
			if w.Field == f {
				out = append(out, w)
			}
		}
	}
	return out
}

// fillSaved reads each of fields the keyring holds for the store's app,
// under p's progress. A keyring that fails is said and skipped: the value
// can still come from a prompt.
func fillSaved(ctx context.Context, s *ui.Session, p Prompter, fields []*settings.Field) error {
	a := s.Answers
	wanted := saved(*a, fields)
	if len(wanted) == 0 || a.SalesforceDomain == "" || a.ClientID == "" || !s.KeyringUsable() {
		return nil
	}
	found := make([]string, len(wanted))
	err := p.Task(ctx, "Looking for the app's saved secrets in the keyring", func(ctx context.Context) error {
		for i, w := range wanted {
			v, err := s.Opts.Keyring.Get(ctx, w.Account)
			if err != nil && !errors.Is(err, secrets.ErrNotFound) {
				return err
			}
			found[i] = v
		}
		return nil
	})
	switch {
	case errors.Is(err, ui.ErrCancelled):
		return err
	case err != nil:
		s.Notice(s.ErrStyles.Warn, "! The keyring could not be read: "+err.Error())
		return nil
	}
	for i, w := range wanted {
		if found[i] != "" && !api.LooksMasked(found[i]) {
			s.Use([]ui.SavedSecret{w}, []string{found[i]})
			s.Progress("Using the saved %s from the keyring.", strings.ToLower(w.Field.Label))
		}
	}
	return nil
}
