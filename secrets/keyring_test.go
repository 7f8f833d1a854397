package secrets_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"sfstore/secrets"
)

var acct = secrets.SalesforceAccount("acme.my.salesforce.com", "3MVG9abc", secrets.ClientSecret)

func TestSetGetDeleteRoundTripThroughGoKeyring(t *testing.T) {
	k, ctx := mockKeyring(t), context.Background()
	if err := k.Set(ctx, acct, "s3cret"); err != nil {
		t.Fatalf("Set: %v", err)
	}
	if got, err := k.Get(ctx, acct); err != nil || got != "s3cret" {
		t.Fatalf("Get = %q, %v", got, err)
	}
	if err := k.Delete(ctx, acct); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	_, err := k.Get(ctx, acct)
	if !errors.Is(err, secrets.ErrNotFound) || secrets.Classify(err) != secrets.NotFound {
		t.Fatalf("Get after Delete = %v (%v), want ErrNotFound", err, secrets.Classify(err))
	}
}

func TestItemsAreStoredUnderServiceSfstore(t *testing.T) {
	k := mockKeyring(t)
	if err := k.Set(context.Background(), acct, "s3cret"); err != nil {
		t.Fatal(err)
	}
	if got, err := keyring.Get("sfstore", acct); err != nil || got != "s3cret" {
		t.Fatalf("go-keyring Get(sfstore, %q) = %q, %v", acct, got, err)
	}
}

func TestDeleteOfMissingSecretIsNotFound(t *testing.T) {
	err := mockKeyring(t).Delete(context.Background(), acct)
	if secrets.Classify(err) != secrets.NotFound {
		t.Fatalf("Delete = %v, want not found", err)
	}
}

func TestSetRefusesValuesOverTheWindowsLimitOnEveryOS(t *testing.T) {
	k, ctx := mockKeyring(t), context.Background()
	if err := k.Set(ctx, acct, strings.Repeat("x", secrets.MaxSecretSize)); err != nil {
		t.Fatalf("Set of exactly %d bytes: %v", secrets.MaxSecretSize, err)
	}
	err := k.Set(ctx, acct, strings.Repeat("x", secrets.MaxSecretSize+1))
	if !errors.Is(err, secrets.ErrTooBig) || !strings.Contains(err.Error(), "Windows") {
		t.Fatalf("Set of %d bytes = %v, want ErrTooBig naming Windows", secrets.MaxSecretSize+1, err)
	}
}

func TestOSTooBigErrorIsExplained(t *testing.T) {
	keyring.MockInitWithError(keyring.ErrSetDataTooBig)
	err := secrets.New(noProbe).Set(context.Background(), acct, "v")
	if !errors.Is(err, secrets.ErrTooBig) || !strings.Contains(err.Error(), "2560") {
		t.Fatalf("Set = %v, want ErrTooBig with the limit", err)
	}
}

func TestSetRefusesEmptyValuesAndTheIndexAccount(t *testing.T) {
	k, ctx := mockKeyring(t), context.Background()
	if err := k.Set(ctx, acct, ""); !errors.Is(err, secrets.ErrEmptyValue) {
		t.Errorf("Set empty = %v", err)
	}
	if err := k.Set(ctx, secrets.IndexAccount, "v"); !errors.Is(err, secrets.ErrReservedAccount) {
		t.Errorf("Set index = %v", err)
	}
	if err := k.Delete(ctx, secrets.IndexAccount); !errors.Is(err, secrets.ErrReservedAccount) {
		t.Errorf("Delete index = %v", err)
	}
	if _, err := k.Get(ctx, ""); err == nil {
		t.Error("Get of an empty account succeeded")
	}
}

func TestTimeoutComesFromEnvUnlessAnOptionSetsIt(t *testing.T) {
	cases := map[string]time.Duration{"90s": 90 * time.Second, "45": 45 * time.Second, "bogus": 30 * time.Second, "-5s": 30 * time.Second, "": 30 * time.Second}
	for env, want := range cases {
		t.Setenv(secrets.TimeoutEnv, env)
		if got := secrets.New().Timeout(); got != want {
			t.Errorf("%s=%q: Timeout = %v, want %v", secrets.TimeoutEnv, env, got, want)
		}
	}
	t.Setenv(secrets.TimeoutEnv, "90s")
	if got := secrets.New(secrets.WithTimeout(time.Second)).Timeout(); got != time.Second {
		t.Errorf("WithTimeout lost to the env: %v", got)
	}
}
