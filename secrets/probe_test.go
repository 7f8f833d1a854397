package secrets_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"sfstore/secrets"
)

func TestNoSessionBusIsUnavailableWithoutCallingGoKeyring(t *testing.T) {
	for _, addr := range []string{"", "autolaunch:"} {
		t.Setenv("DBUS_SESSION_BUS_ADDRESS", addr)
		keyring.MockInit()
		c := &countingBackend{}
		k := secrets.New(secrets.WithBackend(c), secrets.WithProbe(secrets.DBusProbe(t.TempDir())))
		ctx := context.Background()
		_, getErr := k.Get(ctx, acct)
		_, listErr := k.List(ctx)
		for _, err := range []error{k.Available(), getErr, k.Set(ctx, acct, "v"), k.Delete(ctx, acct), listErr} {
			var u *secrets.UnavailableError
			if !errors.As(err, &u) || !strings.Contains(u.Reason, "DBUS_SESSION_BUS_ADDRESS is unset") || !strings.Contains(u.Hint, "dbus-run-session") {
				t.Errorf("address %q: %v, want unavailable with a hint", addr, err)
			}
		}
		if n := c.calls.Load(); n != 0 {
			t.Errorf("address %q: backend called %d times", addr, n)
		}
	}
}

func TestRuntimeBusSocketMakesTheKeyringAvailable(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	for _, name := range []string{"bus", "dbus-session"} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := secrets.DBusProbe(dir)(); err != nil {
			t.Errorf("with %s present: %v", name, err)
		}
	}
}

func TestBusAddressMakesTheKeyringAvailable(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
	if err := secrets.DBusProbe(t.TempDir())(); err != nil {
		t.Fatalf("probe = %v", err)
	}
}

func TestPlainProbeErrorsBecomeUnavailable(t *testing.T) {
	boom := errors.New("probe says no")
	err := secrets.New(secrets.WithProbe(func() error { return boom })).Available()
	var u *secrets.UnavailableError
	if !errors.As(err, &u) || !errors.Is(err, boom) {
		t.Fatalf("Available = %v, want *UnavailableError wrapping the probe's error", err)
	}
}
