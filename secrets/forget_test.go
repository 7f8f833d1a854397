package secrets_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"sfstore/secrets"
)

// ForgetAll removes what the index names and, by searching, what it missed:
// the measured bug left 26 of 37 secrets behind after "Removed 11".
func TestForgetAllRemovesItemsTheIndexMissed(t *testing.T) {
	mem := secrets.NewMemoryBackend()
	k, ctx := secrets.New(noProbe, secrets.WithBackend(mem), secrets.WithLockFile("")), context.Background()
	indexed := []string{acct, secrets.PingOneAccount("env", "worker")}
	for _, a := range indexed {
		if err := k.Set(ctx, a, "v"); err != nil {
			t.Fatal(err)
		}
	}
	missed := []string{secrets.SalesforceAccount("lost.my.salesforce.com", "3MVG9lost", secrets.RefreshToken), "hand-made"}
	for _, a := range missed {
		if err := mem.Set(secrets.Service, a, "v"); err != nil { // saved, but the index never heard of it
			t.Fatal(err)
		}
	}
	stale := secrets.PingOneAccount("env", "deleted-by-hand")
	if err := k.Set(ctx, stale, "v"); err != nil {
		t.Fatal(err)
	}
	if err := mem.Delete(secrets.Service, stale); err != nil {
		t.Fatal(err)
	}
	if err := mem.Set("another-app", "keep-me", "v"); err != nil {
		t.Fatal(err)
	}

	r, err := k.ForgetAll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := slices.Sorted(slices.Values(append(slices.Clone(indexed), missed...)))
	if !slices.Equal(r.Removed, want) || !slices.Equal(r.Gone, []string{stale}) || len(r.Failed) != 0 || !r.Searched || r.NotSearched != "" {
		t.Fatalf("report = %+v, want removed %v and gone %s", r, want, stale)
	}
	searcher := mem.(secrets.Searcher)
	if left, _ := searcher.SearchAccounts(ctx, secrets.Service); len(left) != 0 {
		t.Fatalf("left in the keyring: %v", left)
	}
	if v, err := mem.Get("another-app", "keep-me"); v != "v" || err != nil {
		t.Fatalf("another service's item was touched: %q, %v", v, err)
	}
	if entries, err := k.List(ctx); err != nil || len(entries) != 0 {
		t.Fatalf("List = %v, %v", entries, err)
	}
}

// The demo's memory keyring can be searched too.
func TestForgetAllOnTheMemoryKeyring(t *testing.T) {
	k, ctx := secrets.NewMemory(), context.Background()
	if err := k.Set(ctx, acct, "v"); err != nil {
		t.Fatal(err)
	}
	r, err := k.ForgetAll(ctx)
	if err != nil || !r.Searched || !slices.Equal(r.Removed, []string{acct}) {
		t.Fatalf("ForgetAll = %+v, %v", r, err)
	}
}

// Where the keyring cannot be searched, the report says what was not
// checked instead of implying that everything is gone.
func TestForgetAllSaysWhatItCouldNotSearch(t *testing.T) {
	k, ctx := mockKeyring(t), context.Background()
	if err := k.Set(ctx, acct, "v"); err != nil {
		t.Fatal(err)
	}
	if err := keyring.Set(secrets.Service, "unindexed", "v"); err != nil {
		t.Fatal(err)
	}
	r, err := k.ForgetAll(ctx)
	if err != nil || r.Searched || !slices.Equal(r.Removed, []string{acct}) {
		t.Fatalf("ForgetAll = %+v, %v", r, err)
	}
	if !strings.Contains(r.NotSearched, "index") {
		t.Errorf("NotSearched = %q", r.NotSearched)
	}

	failing := secrets.New(noProbe, secrets.WithSearcher(failingSearcher{errors.New("bus went away")}))
	if err := failing.Set(ctx, acct, "v"); err != nil {
		t.Fatal(err)
	}
	r, err = failing.ForgetAll(ctx)
	if err != nil || r.Searched || !strings.Contains(r.NotSearched, "could not search") || !strings.Contains(r.NotSearched, "bus went away") || len(r.Removed) != 1 {
		t.Fatalf("ForgetAll with a failing search = %+v, %v", r, err)
	}
}

type failingSearcher struct{ err error }

func (s failingSearcher) SearchAccounts(context.Context, string) ([]string, error) { return nil, s.err }

type fixedSearcher []string

func (s fixedSearcher) SearchAccounts(context.Context, string) ([]string, error) { return s, nil }

// Nothing is skipped silently: an item found without a name, and one that
// cannot be deleted, are listed with why.
func TestForgetAllListsWhatItCouldNotRemove(t *testing.T) {
	keyring.MockInit()
	mem := secrets.NewMemoryBackend()
	b := &deleteFailing{Backend: mem, account: "stuck"}
	for _, a := range []string{"stuck", "fine"} {
		_ = mem.Set(secrets.Service, a, "v")
	}
	k := secrets.New(noProbe, secrets.WithBackend(b), secrets.WithLockFile(""), secrets.WithSearcher(fixedSearcher{"", "stuck", "fine", "vanished"}))
	r, err := k.ForgetAll(context.Background())
	if err != nil || !slices.Equal(r.Removed, []string{"fine"}) {
		t.Fatalf("ForgetAll = %+v, %v", r, err)
	}
	why := map[string]string{}
	for _, f := range r.Failed {
		why[f.Account] = f.Err.Error()
	}
	if !strings.Contains(why[""], "no username attribute") || !strings.Contains(why["stuck"], "permission denied") ||
		!strings.Contains(why["vanished"], "found nothing") || len(why) != 3 {
		t.Fatalf("failures = %q", why)
	}
}

type deleteFailing struct {
	secrets.Backend
	account string
}

func (b *deleteFailing) Delete(service, user string) error {
	if user == b.account {
		return errors.New("permission denied")
	}
	return b.Backend.Delete(service, user)
}

// When the keyring stops answering, ForgetAll stops too, and lists what it
// did not try.
func TestForgetAllStopsWhenTheKeyringBecomesUnavailable(t *testing.T) {
	mem := secrets.NewMemoryBackend()
	for _, a := range []string{"a", "b", "c"} {
		_ = mem.Set(secrets.Service, a, "v")
	}
	k := secrets.New(noProbe, secrets.WithBackend(lockedOnDelete{mem}), secrets.WithLockFile(""), secrets.WithSearcher(fixedSearcher{"a", "b", "c"}))
	r, err := k.ForgetAll(context.Background())
	if secrets.Classify(err) != secrets.Unavailable || len(r.Failed) != 3 || !strings.Contains(r.Failed[2].Err.Error(), "not tried") {
		t.Fatalf("ForgetAll = %+v, %v", r, err)
	}
	if v, _ := mem.Get(secrets.Service, "c"); v != "v" {
		t.Error("deleted after the keyring became unavailable")
	}
}

// lockedOnDelete fails every delete as go-keyring does on a locked keyring
// that cannot show an unlock prompt.
type lockedOnDelete struct{ secrets.Backend }

func (lockedOnDelete) Delete(string, string) error {
	return errors.New("failed to unlock correct collection '/org/freedesktop/secrets/collection/login'")
}

func TestForgetAllWithoutAKeyringIsUnavailable(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	k := secrets.New(secrets.WithProbe(secrets.DBusProbe(t.TempDir())), secrets.WithBackend(secrets.NewMemoryBackend()))
	if _, err := k.ForgetAll(context.Background()); secrets.Classify(err) != secrets.Unavailable {
		t.Fatalf("ForgetAll = %v", err)
	}
}
