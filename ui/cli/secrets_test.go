package cli_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"sfstore/secrets"
	"sfstore/ui/cli"
	"sfstore/ui/settings"
	"sfstore/ui/settings/settingstest"
)

func secretsCommand(t *testing.T, kr *secrets.Keyring, args ...string) (string, string, error) {
	t.Helper()
	return runCLI(t, cli.Deps{Keyring: func() *secrets.Keyring { return kr }}, nil, append([]string{"secrets"}, args...)...)
}

func savedKeyring(t *testing.T) *secrets.Keyring {
	t.Helper()
	kr := secrets.NewMemory()
	ctx := context.Background()
	for account, v := range map[string]string{
		secrets.SalesforceAccount("acme.my.salesforce.com", "3MVG9consumerKey", secrets.ClientSecret):          settingstest.ClientSecret,
		secrets.SalesforceAccount("acme.my.salesforce.com", "3MVG9consumerKey", secrets.AccessToken):           settingstest.AccessToken,
		secrets.SalesforceAccount("acme.my.salesforce.com", "3MVG9consumerKey", secrets.RefreshToken):          settingstest.RefreshToken,
		secrets.PingOneAccount("abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6", "6a4e7e1c-5d0f-4f3e-9a51-2b8f0c7d9e10"): settingstest.WorkerSecret,
	} {
		if err := kr.Set(ctx, account, v); err != nil {
			t.Fatal(err)
		}
	}
	return kr
}

func TestSecretsListNamesWhatWasSavedAndNeverAValue(t *testing.T) {
	kr := savedKeyring(t)
	out, _, err := secretsCommand(t, kr, "list")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"CLIENT_SECRET", "OAUTH_ACCESS_TOKEN", "OAUTH_REFRESH_TOKEN", "client_secret",
		"Salesforce acme.my.salesforce.com, client ID 3MVG9consumerKey", "PingOne worker app 6a4e7e1c"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
	out, _, err = secretsCommand(t, kr, "list", "--json")
	var entries []secrets.Entry
	if err != nil || json.Unmarshal([]byte(out), &entries) != nil || len(entries) != 4 {
		t.Fatalf("list --json = %v, %q", err, out)
	}
}

func TestSecretsForgetRemovesOneSetOrAll(t *testing.T) {
	kr := savedKeyring(t)
	ctx := context.Background()
	if _, _, err := secretsCommand(t, kr, "forget", "--salesforce-domain", "https://ACME.my.salesforce.com/", "--client-id", "3MVG9consumerKey"); err != nil {
		t.Fatal(err)
	}
	if _, err := kr.Get(ctx, secrets.SalesforceAccount("acme.my.salesforce.com", "3MVG9consumerKey", secrets.RefreshToken)); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatalf("refresh token still saved: %v", err)
	}
	worker := secrets.PingOneAccount("abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6", "6a4e7e1c-5d0f-4f3e-9a51-2b8f0c7d9e10")
	if _, err := kr.Get(ctx, worker); err != nil {
		t.Fatalf("the worker secret went too: %v", err)
	}
	_, _, err := secretsCommand(t, kr, "forget", "--all")
	var ie *settings.InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "--yes") {
		t.Fatalf("forget --all without a terminal or --yes = %v, want an InputError asking for --yes", err)
	}
	if entries, _ := kr.List(ctx); len(entries) == 0 {
		t.Fatal("forget --all without --yes removed secrets")
	}
	if _, stderr, err := secretsCommand(t, kr, "forget", "--all", "--yes"); err != nil || !strings.Contains(stderr, "Removed 1 saved secrets") {
		t.Fatalf("forget --all --yes = %v\n%s", err, stderr)
	}
	if entries, _ := kr.List(ctx); len(entries) != 0 {
		t.Fatalf("after --all the index still lists %v", entries)
	}
	if _, err := kr.Get(ctx, worker); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatalf("worker secret after --all: %v", err)
	}
}

func TestSecretsCommandSaysWhatItNeeds(t *testing.T) {
	kr := secrets.NewMemory()
	for _, args := range [][]string{nil, {"forget"}, {"shred"}} {
		_, _, err := secretsCommand(t, kr, args...)
		var ie *settings.InputError
		if !errors.As(err, &ie) {
			t.Errorf("secrets %v = %v, want an InputError", args, err)
		}
	}
	noBus := secrets.NewMemory(secrets.WithProbe(func() error { return &secrets.UnavailableError{Reason: "no D-Bus session bus"} }))
	if _, _, err := secretsCommand(t, noBus, "list"); err == nil || !strings.Contains(err.Error(), "no D-Bus session bus") {
		t.Errorf("list without a keyring = %v", err)
	}
}

// The check of SFSTORE_KEYRING_TIMEOUT reads it as the keyring does: a
// duration or a whole number of seconds.
func TestKeyringTimeoutIsCheckedAsTheKeyringReadsIt(t *testing.T) {
	deps := cli.Deps{Keyring: func() *secrets.Keyring { return secrets.NewMemory() }}
	for v, ok := range map[string]bool{"30": true, "90s": true, "2m": true, "soon": false, "0": false, "-5s": false} {
		_, _, err := runCLI(t, deps, map[string]string{secrets.TimeoutEnv: v}, "secrets", "list")
		var ie *settings.InputError
		if got := !errors.As(err, &ie); got != ok {
			t.Errorf("%s=%q: err = %v, want accepted %v", secrets.TimeoutEnv, v, err, ok)
		}
		if !ok && ie != nil && !strings.Contains(ie.Error(), secrets.TimeoutEnv) {
			t.Errorf("%s=%q: the message does not name the variable: %v", secrets.TimeoutEnv, v, ie)
		}
	}
}
