package secrets_test

import (
	"context"
	"errors"
	"testing"

	"github.com/zalando/go-keyring"

	"sfstore/secrets"
)

func TestSalesforceSecretsReturnsWhatIsSaved(t *testing.T) {
	k, ctx := mockKeyring(t), context.Background()
	for name, v := range map[secrets.SalesforceSecret]string{secrets.ClientSecret: "cs", secrets.RefreshToken: "rt"} {
		if err := k.Set(ctx, secrets.SalesforceAccount("acme.my.salesforce.com", "3MVG9abc", name), v); err != nil {
			t.Fatal(err)
		}
	}
	got, err := k.SalesforceSecrets(ctx, "https://Acme.my.salesforce.com/", "3MVG9abc")
	if err != nil || len(got) != 2 || got[secrets.ClientSecret] != "cs" || got[secrets.RefreshToken] != "rt" {
		t.Fatalf("SalesforceSecrets = %v, %v", got, err)
	}
	if _, ok := got[secrets.AccessToken]; ok {
		t.Error("an unsaved access token is in the map")
	}
	if got, err := k.SalesforceSecrets(ctx, "acme.my.salesforce.com", "other"); err != nil || len(got) != 0 {
		t.Fatalf("another app: %v, %v", got, err)
	}
}

func TestSalesforceSecretsReportsAKeyringFailure(t *testing.T) {
	keyring.MockInitWithError(errors.New("failed to unlock correct collection '/org/freedesktop/secrets/collection/login'"))
	got, err := secrets.New(noProbe).SalesforceSecrets(context.Background(), "acme.my.salesforce.com", "3MVG9abc")
	if got != nil || secrets.Classify(err) != secrets.Unavailable || secrets.Hint(err) == "" {
		t.Fatalf("SalesforceSecrets = %v, %v", got, err)
	}
}
