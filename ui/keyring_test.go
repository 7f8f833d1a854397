package ui

import (
	"bytes"
	"context"
	"io"
	"testing"

	"sfstore/secrets"
	"sfstore/ui/settings"
	"sfstore/ui/settings/settingstest"
)

// A value saved in the keyring that looks masked (a copy of PingOne's
// masked answer, saved by an older sfstore) is no secret: it is skipped as
// if not saved, so it is asked for instead of sent back to PingOne.
func TestFillFromKeyringSkipsAMaskedSavedValue(t *testing.T) {
	ctx := context.Background()
	a := settingstest.Filled()
	a.ClientSecret, a.SalesforceAccessToken = "", ""
	kr := secrets.NewMemory()
	for name, v := range map[secrets.SalesforceSecret]string{secrets.ClientSecret: "••••3a9c", secrets.AccessToken: settingstest.AccessToken} {
		if err := kr.Set(ctx, secrets.SalesforceAccount(a.SalesforceDomain, a.ClientID, name), v); err != nil {
			t.Fatal(err)
		}
	}
	var errOut bytes.Buffer
	s := NewSession(ctx, a, Options{Keyring: kr, NoInput: true}, Streams{Out: io.Discard, Err: &errOut, OutWidth: 80, ErrWidth: 80})
	s.FillFromKeyring(ctx, NewScript(s))
	if s.Answers.ClientSecret != "" {
		t.Errorf("the masked saved client secret was used: %q", s.Answers.ClientSecret)
	}
	if s.Answers.SalesforceAccessToken != settingstest.AccessToken {
		t.Errorf("the saved access token was not used")
	}
	if saved, err := s.SavedSalesforce(ctx, NewScript(s), *s.Answers, true); err != nil || saved[settings.FieldClientSecret] != "" || len(saved) != 1 {
		t.Errorf("SavedSalesforce = %d values (client secret %q), %v; want the access token alone", len(saved), saved[settings.FieldClientSecret], err)
	}
}
