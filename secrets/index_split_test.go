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

// longClientID is shaped like a Salesforce consumer key (~85 characters).
func longClientID(i int) string { return fmt.Sprintf("3MVG9%080d", i) }

func sfAccounts(n int) []string {
	var accounts []string
	for i := range n {
		accounts = append(accounts, secrets.SalesforceAccount("acme.my.salesforce.com", longClientID(i), secrets.ClientSecret))
	}
	return accounts
}

// indexItems returns the raw index items in go-keyring's mock: the head and
// every part up to the first missing one.
func indexItems(t *testing.T) (head string, parts []string) {
	t.Helper()
	head, _ = keyring.Get(secrets.Service, secrets.IndexAccount)
	for i := 1; ; i++ {
		p, err := keyring.Get(secrets.Service, fmt.Sprint(secrets.IndexAccount, "/", i))
		if err != nil {
			return head, parts
		}
		parts = append(parts, p)
	}
}

func listedAccounts(t *testing.T, k *secrets.Keyring) map[string]bool {
	t.Helper()
	entries, err := k.List(context.Background())
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	got := make(map[string]bool)
	for _, e := range entries {
		got[e.Account] = true
	}
	return got
}

func requireListed(t *testing.T, k *secrets.Keyring, want ...string) {
	t.Helper()
	got := listedAccounts(t, k)
	var lacks []string
	for _, a := range want {
		if !got[a] {
			lacks = append(lacks, a)
		}
	}
	if len(lacks) > 0 || len(got) != len(want) {
		t.Errorf("List has %d names, want %d; lacks %d, e.g. %q", len(got), len(want), len(lacks), lacks[:min(3, len(lacks))])
	}
}

// The old index kept about a dozen Salesforce names and silently dropped
// the oldest; now it spreads them over items that each fit MaxSecretSize.
func TestIndexLargerThanOneItemDropsNothing(t *testing.T) {
	k, ctx := mockKeyring(t), context.Background()
	accounts := sfAccounts(60)
	for _, a := range accounts {
		if err := k.Set(ctx, a, "v"); err != nil {
			t.Fatal(err)
		}
	}
	requireListed(t, k, accounts...)
	head, parts := indexItems(t)
	if len(parts) < 3 || strings.Contains(head, "salesforce/") {
		t.Fatalf("head %q and %d parts; want the names in 3 or more parts", head, len(parts))
	}
	for i, p := range append([]string{head}, parts...) {
		if len(p) > secrets.MaxSecretSize {
			t.Errorf("index item %d is %d bytes, over %d", i, len(p), secrets.MaxSecretSize)
		}
	}

	for _, a := range accounts[:45] {
		if err := k.Delete(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	requireListed(t, k, accounts[45:]...)
	if _, shrunk := indexItems(t); len(shrunk) >= len(parts) {
		t.Errorf("the index kept %d parts for 15 names (had %d for 60)", len(shrunk), len(parts))
	}
	for _, a := range accounts[45:] {
		if err := k.Delete(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if head, parts := indexItems(t); head != "" || len(parts) != 0 {
		t.Fatalf("an empty index left items behind: head %q, %d parts", head, len(parts))
	}
}

// writeV1Index stores an index the way sfstore wrote it before version 2.
func writeV1Index(t *testing.T, accounts []string) {
	t.Helper()
	type entry struct {
		Account string    `json:"account"`
		SavedAt time.Time `json:"savedAt"`
	}
	f := struct {
		Version int     `json:"version"`
		Entries []entry `json:"entries"`
	}{Version: 1}
	for _, a := range accounts {
		f.Entries = append(f.Entries, entry{a, time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)})
	}
	data, _ := json.Marshal(f)
	if len(data) > secrets.MaxSecretSize {
		t.Fatalf("a version 1 index of %d bytes could not have been written", len(data))
	}
	if err := keyring.Set(secrets.Service, secrets.IndexAccount, string(data)); err != nil {
		t.Fatal(err)
	}
}

// Existing users' single-item indexes keep working, and growing past one
// item no longer drops their oldest names.
func TestVersion1IndexIsReadAndOutgrowsOneItemWithoutLoss(t *testing.T) {
	k, ctx := mockKeyring(t), context.Background()
	accounts := sfAccounts(30)
	writeV1Index(t, accounts[:14]) // ~2.3 KB: nearly full
	requireListed(t, k, accounts[:14]...)
	if e, _ := k.List(ctx); !e[0].SavedAt.Equal(time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)) {
		t.Errorf("SavedAt = %v, want the version 1 date", e[0].SavedAt)
	}
	for _, a := range accounts[14:] {
		if err := k.Set(ctx, a, "v"); err != nil {
			t.Fatal(err)
		}
	}
	requireListed(t, k, accounts...)
	if head, _ := indexItems(t); !strings.Contains(head, `"version":2`) {
		t.Errorf("head after an update = %q, want version 2", head)
	}
}

// An index from a newer sfstore is neither misread nor overwritten.
func TestNewerIndexFormatIsLeftAlone(t *testing.T) {
	k, ctx := mockKeyring(t), context.Background()
	newer := `{"version":3,"shards":["x"]}`
	if err := keyring.Set(secrets.Service, secrets.IndexAccount, newer); err != nil {
		t.Fatal(err)
	}
	if _, err := k.List(ctx); err == nil || !strings.Contains(err.Error(), "update sfstore") {
		t.Fatalf("List = %v, want a request to update sfstore", err)
	}
	var ie *secrets.IndexError
	if err := k.Set(ctx, acct, "v"); !errors.As(err, &ie) {
		t.Fatalf("Set = %v, want an *IndexError", err)
	}
	if head, _ := indexItems(t); head != newer {
		t.Fatalf("head = %q, want it untouched", head)
	}
}

func TestIndexItemsAreReserved(t *testing.T) {
	k, ctx := mockKeyring(t), context.Background()
	for _, a := range []string{secrets.IndexAccount, "index/1", "index/12"} {
		if err := k.Set(ctx, a, "v"); !errors.Is(err, secrets.ErrReservedAccount) {
			t.Errorf("Set(%q) = %v", a, err)
		}
		if err := k.Delete(ctx, a); !errors.Is(err, secrets.ErrReservedAccount) {
			t.Errorf("Delete(%q) = %v", a, err)
		}
	}
}
