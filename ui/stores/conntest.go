package stores

import (
	"context"
	"fmt"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/cards"
)

// Test asks PingOne to connect to Salesforce with the store's stored
// settings, and says what failed and what to do. Nothing is changed.
// Secrets PingOne does not return come from the environment, the keyring
// or a prompt: the test sends the whole store.
func Test(ctx context.Context, s *ui.Session, p Prompter, ref string) error {
	f, err := find(ctx, s, p, ref)
	if err != nil {
		return err
	}
	given := adopt(s, f.Store)
	if err := fillSecrets(ctx, s, p, given, secretFields); err != nil {
		return err
	}
	a := s.Answers
	req := f.Store.Request()
	req.Configuration.ClientSecret = a.ClientSecret
	req.Configuration.OAuthAccessToken, req.Configuration.OAuthRefreshToken = a.SalesforceAccessToken, a.SalesforceRefreshToken
	var result *api.ConnectionResult
	err = p.Task(ctx, "Asking PingOne to connect to Salesforce with the stored settings", func(ctx context.Context) error {
		client, err := s.Client()
		if err != nil {
			return err
		}
		result, err = client.TestConnection(ctx, a.TargetEnvironmentID(), &req)
		return err
	})
	if err == nil && !result.OK {
		err = fmt.Errorf("test connection: pingone answered that the connection failed: %s", result.Message)
	}
	name := Ref(f.Store, f.All)
	if err != nil {
		if stop(err) {
			return err
		}
		s.ReportFailure("The connection test failed", err)
		var d Diagnosis
		d.advise(CauseOf(err.Error()), name)
		if s.Opts.Demo {
			d = d.inDemo()
		}
		s.Notice(s.ErrStyles.Warn, "→ "+d.Next[0].Text)
		for _, l := range cards.WrapCommand(d.Next[0].Command, "    ", s.ErrWidth) {
			s.Progress("%s", l) // lines of their own, to copy
		}
		s.ReportFinalFailure(err)
		return &ui.ShownError{Err: err}
	}
	if s.Opts.JSON {
		return s.WriteJSON(map[string]any{"ok": true, "id": f.Store.ID, "name": f.Store.Name, "message": result.Message})
	}
	msg := "✓ PingOne connected to Salesforce with the stored settings of " + f.Store.Name + "."
	if result.Message != "" {
		msg += " PingOne: " + result.Message
	}
	return s.Say(s.OutStyles.OK, msg)
}
