//go:build realkeyring

// Tests against the machine's real keyring through go-keyring. Run them in a
// throw-away Secret Service, as .ci/run does:
//
//	dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null;
//		gnome-keyring-daemon --start --components=secrets >/dev/null;
//		go test -tags realkeyring -run Real -count=1 -v ./secrets/'
//
// SFSTORE_REALKEYRING_CASE picks the situation the machine is in: "unlocked"
// (the default), "locked" (gnome-keyring started without --unlock) or "nobus"
// (no session bus at all). Each test runs only in its own situation.
package secrets_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"sfstore/secrets"
)

func requireCase(t *testing.T, want string) {
	t.Helper()
	got := os.Getenv("SFSTORE_REALKEYRING_CASE")
	if got == "" {
		got = "unlocked"
	}
	if got != want {
		t.Skipf("needs SFSTORE_REALKEYRING_CASE=%s, have %s", want, got)
	}
}

func realKeyring(t *testing.T) *secrets.Keyring {
	t.Helper()
	k := secrets.New(secrets.WithTimeout(10 * time.Second))
	if err := k.Available(); err != nil {
		t.Fatalf("%v (%s); run under dbus-run-session with gnome-keyring as .ci/run does", err, secrets.Hint(err))
	}
	return k
}

func TestRealKeyringRoundTrip(t *testing.T) {
	requireCase(t, "unlocked")
	k, ctx := realKeyring(t), context.Background()
	account := secrets.PingOneAccount("realkeyring-test", fmt.Sprint(time.Now().UnixNano()))
	value := "real-secret-" + fmt.Sprint(time.Now().UnixNano())
	t.Cleanup(func() { _ = k.Delete(ctx, account) })

	if err := k.Set(ctx, account, value); err != nil {
		t.Fatalf("Set: %v (%v; %s)", err, secrets.Classify(err), secrets.Hint(err))
	}
	if got, err := k.Get(ctx, account); err != nil || got != value {
		t.Fatalf("Get = %q, %v", got, err)
	}
	assertSecretToolSees(t, account, value)
	if err := k.Delete(ctx, account); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := k.Get(ctx, account); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatalf("Get after Delete = %v, want ErrNotFound", err)
	}
	if err := k.Delete(ctx, account); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatalf("second Delete = %v, want ErrNotFound", err)
	}
}

// assertSecretToolSees proves the item is in the Secret Service under the
// documented service and account, not only in go-keyring's view.
func assertSecretToolSees(t *testing.T, account, value string) {
	t.Helper()
	if _, err := exec.LookPath("secret-tool"); err != nil {
		t.Log("secret-tool not installed; skipping the outside check")
		return
	}
	out, err := exec.Command("secret-tool", "lookup", "service", secrets.Service, "username", account).Output()
	if err != nil || string(out) != value {
		t.Fatalf("secret-tool lookup: %v (got %d bytes)", err, len(out))
	}
}

func TestRealKeyringIndexListsNamesOnly(t *testing.T) {
	requireCase(t, "unlocked")
	k, ctx := realKeyring(t), context.Background()
	account := secrets.SalesforceAccount("Acme.my.salesforce.com", fmt.Sprint("3MVG9", time.Now().UnixNano()), secrets.RefreshToken)
	value := "real-token-" + fmt.Sprint(time.Now().UnixNano())
	t.Cleanup(func() { _ = k.Delete(ctx, account) })
	if err := k.Set(ctx, account, value); err != nil {
		t.Fatal(err)
	}
	entries, err := secrets.New().List(ctx) // a fresh Keyring: the index lives in the keyring
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(entries, func(e secrets.Entry) bool { return e.Account == account })
	if i < 0 || entries[i].Domain != "acme.my.salesforce.com" || entries[i].Kind != secrets.KindSalesforce {
		t.Fatalf("List = %+v, want %s", entries, account)
	}
	part, err := k.Get(ctx, secrets.IndexAccount+"/1")
	if err != nil || !strings.Contains(part, account) {
		t.Fatalf("index/1 lacks the name: %v", err)
	}
	for _, item := range []string{secrets.IndexAccount, secrets.IndexAccount + "/1"} {
		if raw, _ := k.Get(ctx, item); strings.Contains(raw, value) {
			t.Fatalf("the index item %s holds a secret value", item)
		}
	}
	if err := k.Delete(ctx, account); err != nil {
		t.Fatal(err)
	}
	entries, _ = k.List(ctx)
	if slices.ContainsFunc(entries, func(e secrets.Entry) bool { return e.Account == account }) {
		t.Fatalf("List after Delete still names %s", account)
	}
}

func TestRealKeyringLockedIsUnavailable(t *testing.T) {
	requireCase(t, "locked")
	k, ctx := realKeyring(t), context.Background()
	start := time.Now()
	_, err := k.Get(ctx, secrets.PingOneAccount("realkeyring-test", "locked"))
	if secrets.Classify(err) != secrets.Unavailable || !strings.Contains(secrets.Hint(err), "gnome-keyring-daemon --unlock") {
		t.Fatalf("Get on a locked keyring = %v (%v), want unavailable with an unlock hint", err, secrets.Classify(err))
	}
	if err := k.Set(ctx, secrets.PingOneAccount("realkeyring-test", "locked"), "v-locked"); secrets.Classify(err) != secrets.Unavailable {
		t.Fatalf("Set on a locked keyring = %v", err)
	}
	if r, err := k.ForgetAll(ctx); secrets.Classify(err) != secrets.Unavailable || len(r.Removed) != 0 {
		t.Fatalf("ForgetAll on a locked keyring = %+v, %v", r, err)
	}
	t.Logf("locked keyring answered in %v: %v", time.Since(start), err)
}

func TestRealKeyringNoBusIsUnavailableAndStartsNothing(t *testing.T) {
	requireCase(t, "nobus")
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	k := secrets.New()
	if _, err := os.Stat(fmt.Sprintf("/run/user/%d/bus", os.Getuid())); err == nil {
		t.Log("this machine has a user bus socket; probing an empty directory instead")
		k = secrets.New(secrets.WithProbe(secrets.DBusProbe(t.TempDir())))
	}
	before := busProcesses(t)
	_, err := k.Get(context.Background(), secrets.PingOneAccount("realkeyring-test", "nobus"))
	var u *secrets.UnavailableError
	if !errors.As(err, &u) || u.Err != nil || !strings.Contains(u.Reason, "DBUS_SESSION_BUS_ADDRESS is unset") {
		t.Fatalf("Get without a bus = %v, want the probe's unavailable error (go-keyring must not be called)", err)
	}
	if _, err := k.ForgetAll(context.Background()); !errors.As(err, &u) || u.Err != nil {
		t.Fatalf("ForgetAll without a bus = %v, want the probe's unavailable error (no search, no dbus-launch)", err)
	}
	// godbus runs dbus-launch and waits for the address it prints, which it
	// prints once its daemon is up: had anything been launched, it would be
	// running now.
	if after := busProcesses(t); after > before {
		t.Fatalf("bus/keyring processes went from %d to %d: something was launched", before, after)
	}
}

func TestRealKeyringDeadBusIsUnavailable(t *testing.T) {
	requireCase(t, "nobus") // needs a process that never connected: godbus caches its bus
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(t.TempDir(), "gone"))
	_, err := secrets.New().Get(context.Background(), secrets.PingOneAccount("realkeyring-test", "deadbus"))
	if secrets.Classify(err) != secrets.Unavailable || !strings.Contains(secrets.Hint(err), "DBUS_SESSION_BUS_ADDRESS") {
		t.Fatalf("Get on a dead bus = %v (%v)", err, secrets.Classify(err))
	}
}

// busProcesses counts live dbus-daemon, dbus-launch and gnome-keyring
// processes, ignoring zombies that nobody reaped.
func busProcesses(t *testing.T) int {
	t.Helper()
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	n := 0
	for _, path := range stats {
		b, err := os.ReadFile(path)
		if err != nil {
			continue // the process ended meanwhile
		}
		name, rest, ok := strings.Cut(string(b), ") ")
		if !ok || strings.HasPrefix(rest, "Z") {
			continue
		}
		for _, p := range []string{"(dbus-daemon", "(dbus-launch", "(gnome-keyring"} {
			if strings.Contains(name, p) {
				n++
			}
		}
	}
	return n
}

// ForgetAll searches the Secret Service over D-Bus and removes what the
// index never heard of; an item it cannot remove by name is reported.
func TestRealKeyringForgetAllFindsUnindexedItems(t *testing.T) {
	requireCase(t, "unlocked")
	k, ctx := realKeyring(t), context.Background()
	if n, names := secretToolItems(t); n != 0 {
		t.Fatalf("the keyring already holds %d sfstore items (%q); this test deletes them all, so run it in a throw-away Secret Service", n, names)
	}
	// First, while no other sfstore item exists: gnome-keyring's "replace"
	// would otherwise overwrite any item that has all of its attributes.
	nameless := false
	if _, err := exec.LookPath("secret-tool"); err == nil {
		cmd := exec.Command("secret-tool", "store", "--label", "sfstore item without a username", "service", secrets.Service)
		cmd.Stdin = strings.NewReader("real-nameless-value")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("secret-tool store: %v: %s", err, out)
		}
		nameless = true
		t.Cleanup(func() { _ = exec.Command("secret-tool", "clear", "service", secrets.Service).Run() })
	}
	indexed, unindexed := secrets.PingOneAccount("realkeyring-test", "indexed"), secrets.PingOneAccount("realkeyring-test", "unindexed")
	if err := k.Set(ctx, indexed, "real-indexed-value"); err != nil {
		t.Fatal(err)
	}
	if err := keyring.Set(secrets.Service, unindexed, "real-unindexed-value"); err != nil { // as an old sfstore whose index entry was lost
		t.Fatal(err)
	}
	r, err := k.ForgetAll(ctx)
	if err != nil || !r.Searched || !slices.Equal(r.Removed, []string{indexed, unindexed}) {
		t.Fatalf("ForgetAll = %+v, %v", r, err)
	}
	if nameless && (len(r.Failed) != 1 || r.Failed[0].Account != "" || !strings.Contains(r.Failed[0].Err.Error(), "no username attribute")) {
		t.Fatalf("the item without a username was not reported: %+v", r.Failed)
	}
	if n, names := secretToolItems(t); n != 0 && !(nameless && n == 1 && len(names) == 0) {
		t.Fatalf("after ForgetAll secret-tool sees %d sfstore items: %q", n, names)
	}
}

// TestRealKeyringSaversInSeparateProcessesAreAllIndexed is the measured
// bug as a test: six sfstore processes each saving four secrets at once
// into gnome-keyring. List must name all 24, and ForgetAll must leave no
// sfstore item, as seen from outside with secret-tool. It deletes every
// sfstore item, so it refuses a keyring that already holds some.
func TestRealKeyringSaversInSeparateProcessesAreAllIndexed(t *testing.T) {
	requireCase(t, "unlocked")
	k := realKeyring(t)
	if n, names := secretToolItems(t); n != 0 {
		t.Fatalf("the keyring already holds %d sfstore items (%q); this test deletes them all, so run it in a throw-away Secret Service as .ci/run does", n, names)
	}
	if entries, err := k.List(context.Background()); err != nil || len(entries) != 0 {
		t.Fatalf("the keyring already lists %d saved secrets (%v); run this test in a throw-away Secret Service", len(entries), err)
	}
	start := time.Now()
	runSavers(t, "real")
	t.Logf("%d processes saved %d secrets in %v", savers, savers*perSaver, time.Since(start))
	if n, _ := secretToolItems(t); n >= 0 && n < savers*perSaver+2 {
		t.Fatalf("secret-tool sees %d sfstore items, want the %d secrets and the index (head and parts)", n, savers*perSaver)
	}
	checkListThenForgetAll(t, k)
	if n, names := secretToolItems(t); n > 0 {
		t.Fatalf("after ForgetAll secret-tool still sees %d sfstore items: %q", n, names)
	}
}

// secretToolItems counts the items under service sfstore as secret-tool
// sees them, and returns their usernames; -1 when secret-tool is missing.
// secret-tool prints each item's secret on stdout and its attributes on
// stderr: only the "[path]" lines of stdout are counted, never shown.
func secretToolItems(t *testing.T) (int, []string) {
	t.Helper()
	if _, err := exec.LookPath("secret-tool"); err != nil {
		t.Log("secret-tool not installed; skipping the outside check")
		return -1, nil
	}
	cmd := exec.Command("secret-tool", "search", "--all", "service", secrets.Service)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("secret-tool search: %v: %s", err, stderr.String())
	}
	n := 0
	for line := range strings.Lines(stdout.String()) {
		if strings.HasPrefix(line, "[") {
			n++
		}
	}
	var names []string
	for line := range strings.Lines(stderr.String()) {
		if name, ok := strings.CutPrefix(strings.TrimSpace(line), "attribute.username = "); ok {
			names = append(names, name)
		}
	}
	return n, names
}
