package secrets_test

import (
	"context"
	"encoding/json"
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

func TestIndexFailureDoesNotFailSet(t *testing.T) {
	keyring.MockInit()
	k, ctx := secrets.New(noProbe, secrets.WithBackend(indexFailingBackend{})), context.Background()
	if err := k.Set(ctx, acct, "v"); err != nil {
		t.Fatalf("Set = %v", err)
	}
	if got, err := k.Get(ctx, acct); got != "v" || err != nil {
		t.Fatalf("Get = %q, %v", got, err)
	}
	if err := k.Delete(ctx, acct); err != nil {
		t.Fatalf("Delete = %v", err)
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

func TestIndexDropsOldestNamesToFitTheSizeLimit(t *testing.T) {
	k, ctx := mockKeyring(t), context.Background()
	longID := "3MVG9" + strings.Repeat("x", 80) // Salesforce consumer keys are ~85 chars
	var accounts []string
	for i := range 30 {
		a := secrets.SalesforceAccount("acme.my.salesforce.com", fmt.Sprint(longID, i), secrets.ClientSecret)
		accounts = append(accounts, a)
		if err := k.Set(ctx, a, "v"); err != nil {
			t.Fatal(err)
		}
	}
	raw, _ := keyring.Get(secrets.Service, secrets.IndexAccount)
	if len(raw) > secrets.MaxSecretSize {
		t.Fatalf("index is %d bytes", len(raw))
	}
	entries, err := k.List(ctx)
	if err != nil || len(entries) < 10 {
		t.Fatalf("List = %d entries, %v; want at least 10", len(entries), err)
	}
	if !strings.Contains(raw, accounts[29]) || strings.Contains(raw, accounts[0]+`"`) {
		t.Error("the index kept the oldest name instead of the newest")
	}
}
