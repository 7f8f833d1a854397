package secrets_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"sfstore/secrets"
)

func TestListNamesSavedSecretsWithoutTheirValues(t *testing.T) {
	k, ctx := mockKeyring(t), context.Background()
	before := time.Now().Add(-time.Second)
	sfSecret := secrets.SalesforceAccount("Acme.my.salesforce.com", "3MVG9abc", secrets.ClientSecret)
	sfToken := secrets.SalesforceAccount("acme.my.salesforce.com", "3MVG9abc", secrets.RefreshToken)
	p1 := secrets.PingOneAccount("env-1", "client-2")
	for i, a := range []string{sfSecret, sfToken, p1} {
		if err := k.Set(ctx, a, fmt.Sprint(sentinel, i)); err != nil {
			t.Fatal(err)
		}
	}
	entries, err := k.List(ctx)
	if err != nil || len(entries) != 3 {
		t.Fatalf("List = %+v, %v", entries, err)
	}
	want := []secrets.Entry{ // sorted by account
		{Account: p1, Kind: "pingone", Secret: "client_secret", EnvID: "env-1", ClientID: "client-2"},
		{Account: sfSecret, Kind: "salesforce", Secret: "CLIENT_SECRET", Domain: "acme.my.salesforce.com", ClientID: "3MVG9abc"},
		{Account: sfToken, Kind: "salesforce", Secret: "OAUTH_REFRESH_TOKEN", Domain: "acme.my.salesforce.com", ClientID: "3MVG9abc"},
	}
	for i, e := range entries {
		if e.SavedAt.Before(before) || e.SavedAt.After(time.Now()) {
			t.Errorf("entry %d saved at %v", i, e.SavedAt)
		}
		e.SavedAt = time.Time{}
		if e != want[i] {
			t.Errorf("entry %d = %+v, want %+v", i, e, want[i])
		}
	}
	raw, _ := keyring.Get(secrets.Service, secrets.IndexAccount)
	listed, _ := json.Marshal(entries)
	if strings.Contains(raw, sentinel) || strings.Contains(string(listed), sentinel) {
		t.Fatalf("the index holds a secret value: %s", raw)
	}
}

func TestListWithoutIndexIsEmpty(t *testing.T) {
	entries, err := mockKeyring(t).List(context.Background())
	if err != nil || len(entries) != 0 {
		t.Fatalf("List = %+v, %v", entries, err)
	}
}

func TestDeleteForgetsTheName(t *testing.T) {
	k, ctx := mockKeyring(t), context.Background()
	other := secrets.PingOneAccount("e", "c")
	for _, a := range []string{acct, other} {
		if err := k.Set(ctx, a, "v"); err != nil {
			t.Fatal(err)
		}
	}
	if err := k.Delete(ctx, acct); err != nil {
		t.Fatal(err)
	}
	if entries, err := k.List(ctx); err != nil || len(entries) != 1 || entries[0].Account != other {
		t.Fatalf("List after Delete = %+v, %v", entries, err)
	}
}

func TestSavingTwiceKeepsOneName(t *testing.T) {
	k, ctx := mockKeyring(t), context.Background()
	for range 3 {
		if err := k.Set(ctx, acct, "v"); err != nil {
			t.Fatal(err)
		}
	}
	if entries, err := k.List(ctx); err != nil || len(entries) != 1 {
		t.Fatalf("List = %+v, %v", entries, err)
	}
}

// An index failure does not undo the secret, and Set says which half failed.
func TestIndexFailureIsReportedButTheSecretIsStored(t *testing.T) {
	keyring.MockInit()
	k, ctx := secrets.New(noProbe, secrets.WithBackend(indexFailingBackend{}), secrets.WithSearcher(nil)), context.Background()
	err := k.Set(ctx, acct, "v")
	var ie *secrets.IndexError
	if !errors.As(err, &ie) || ie.Op != "add" || ie.Account != acct || !strings.Contains(err.Error(), "the secret is saved") {
		t.Fatalf("Set = %v, want an *IndexError saying the secret is saved", err)
	}
	if got, err := k.Get(ctx, acct); got != "v" || err != nil {
		t.Fatalf("Get = %q, %v", got, err)
	}
	err = k.Delete(ctx, acct)
	if !errors.As(err, &ie) || ie.Op != "remove" || !strings.Contains(err.Error(), "the secret was deleted") {
		t.Fatalf("Delete = %v, want an *IndexError saying the secret was deleted", err)
	}
	if _, err := keyring.Get(secrets.Service, acct); !errors.Is(err, keyring.ErrNotFound) {
		t.Fatalf("the secret is still there: %v", err)
	}
	if _, err := k.List(ctx); err == nil {
		t.Fatal("List hid the index failure")
	}
}

func TestCorruptIndexIsReportedThenRebuilt(t *testing.T) {
	k, ctx := mockKeyring(t), context.Background()
	if err := keyring.Set(secrets.Service, secrets.IndexAccount, "not json"); err != nil {
		t.Fatal(err)
	}
	if _, err := k.List(ctx); err == nil || secrets.Classify(err) != secrets.Failed {
		t.Fatalf("List of a corrupt index = %v", err)
	}
	if err := k.Set(ctx, acct, "v"); err != nil {
		t.Fatal(err)
	}
	if entries, err := k.List(ctx); err != nil || len(entries) != 1 {
		t.Fatalf("List = %+v, %v", entries, err)
	}
}

// saveAgainOnDelete is a backend on which, the moment account is deleted,
// another run saves it again (secret and index name) before the deleting
// run updates the index.
type saveAgainOnDelete struct {
	secrets.Backend
	account string
	other   *secrets.Keyring
	t       *testing.T
}

func (b *saveAgainOnDelete) Delete(service, user string) error {
	err := b.Backend.Delete(service, user)
	if user == b.account {
		b.account = "" // once
		if serr := b.other.Set(context.Background(), user, sentinel+"-again"); serr != nil {
			b.t.Errorf("the other run's save: %v", serr)
		}
	}
	return err
}

// A name saved again between a delete and the index update stays listed:
// the secret is there, and forgetting it later must find it.
func TestANameSavedAgainDuringADeleteStaysListed(t *testing.T) {
	ctx := context.Background()
	mem := secrets.NewMemoryBackend()
	lock := secrets.WithLockFile(t.TempDir() + "/index.lock")
	other := secrets.New(noProbe, secrets.WithBackend(mem), lock, secrets.WithSearcher(nil))
	account := secrets.SalesforceAccount("acme.my.salesforce.com", "3MVG9abc", secrets.RefreshToken)
	for name, forget := range map[string]func(*secrets.Keyring) error{
		"Delete":    func(k *secrets.Keyring) error { return k.Delete(ctx, account) },
		"ForgetAll": func(k *secrets.Keyring) error { _, err := k.ForgetAll(ctx); return err },
	} {
		t.Run(name, func(t *testing.T) {
			b := &saveAgainOnDelete{Backend: mem, account: account, other: other, t: t}
			k := secrets.New(noProbe, secrets.WithBackend(b), lock, secrets.WithSearcher(nil))
			if err := k.Set(ctx, account, sentinel); err != nil {
				t.Fatal(err)
			}
			if err := forget(k); err != nil {
				t.Fatal(err)
			}
			if v, err := k.Get(ctx, account); err != nil || v != sentinel+"-again" {
				t.Fatalf("the secret saved again: %v", err)
			}
			entries, err := k.List(ctx)
			if err != nil || len(entries) != 1 || entries[0].Account != account {
				t.Fatalf("List = %+v, %v; want the name saved again", entries, err)
			}
			if err := k.Delete(ctx, account); err != nil {
				t.Fatal(err)
			}
		})
	}
}
