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
	if raw, _ := k.Get(ctx, secrets.IndexAccount); strings.Contains(raw, value) {
		t.Fatal("the index holds a secret value")
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
	time.Sleep(100 * time.Millisecond) // a dbus-launch would have forked by now
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
