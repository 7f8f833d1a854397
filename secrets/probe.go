package secrets

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// DBusProbe returns an availability probe for the Secret Service: it fails
// with an *UnavailableError when DBUS_SESSION_BUS_ADDRESS is empty (or
// "autolaunch:") and runtimeDir holds neither "bus" nor "dbus-session".
//
// That is exactly when godbus would exec dbus-launch, which starts a session
// bus (and, through D-Bus activation, a keyring daemon) that outlives sfstore,
// one more pair on every run. The probe only reads the environment and stats
// two files, so it is cheap and starts nothing. runtimeDir is normally
// /run/user/<uid>; tests pass a temporary directory.
func DBusProbe(runtimeDir string) func() error {
	return func() error {
		if addr := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); addr != "" && addr != "autolaunch:" {
			return nil
		}
		for _, name := range []string{"bus", "dbus-session"} {
			if _, err := os.Stat(filepath.Join(runtimeDir, name)); err == nil {
				return nil
			}
		}
		return &UnavailableError{
			Reason: fmt.Sprintf("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset and %s does not exist)", filepath.Join(runtimeDir, "bus")),
			Hint:   noBusHint,
		}
	}
}

// defaultProbe picks the probe for this OS. go-keyring talks D-Bus on Linux
// and the BSDs; macOS and Windows have a keyring in every login session.
func defaultProbe() func() error {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
		return DBusProbe(fmt.Sprintf("/run/user/%d", os.Getuid()))
	}
	return func() error { return nil }
}
