package stores

import (
	"context"
	"fmt"
	"strings"

	"sfstore/api"
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
	return fillSecretsBecause(ctx, s, p, given, fields, "PingOne does not return it")
}

// fillSecretsBecause is fillSecrets saying why the secrets are needed.
func fillSecretsBecause(ctx context.Context, s *ui.Session, p Prompter, given settings.Answers, fields []*settings.Field, because string) error {
	a := s.Answers
	for _, f := range fields {
		if f.Get(a) == "" && f.Get(&given) != "" {
			_ = f.Set(a, f.Get(&given)) // already parsed once
		}
	}
	if err := s.FillSalesforceSaved(ctx, p, empty(a, fields)); err != nil {
		return err
	}
	s.NoteSecrets()
	missing := empty(a, fields)
	if len(missing) == 0 {
		return nil
	}
	why := fmt.Sprintf("%s, and the keyring holds none for %s with client ID %s", because, a.SalesforceDomain, a.ClientID)
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
