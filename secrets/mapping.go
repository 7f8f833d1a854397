package secrets

import (
	"errors"
	"fmt"
	"strings"

	"github.com/zalando/go-keyring"
)

// minRedact is the shortest value redact cuts out of error text.
const minRedact = 6

// noBusHint is shared by the probe and by go-keyring's dbus-launch failure.
const noBusHint = "start a desktop session or gnome-keyring (or run sfstore under `dbus-run-session`)"

// knownFailure maps a piece of go-keyring's (or godbus's, or macOS
// security's) error text to a reason and a hint. go-keyring exports no
// sentinel for these, so the text is all there is to go on.
type knownFailure struct {
	needle, reason, hint string
}

var knownFailures = []knownFailure{
	{"dbus-launch", "no D-Bus session bus, and dbus-launch is not installed", noBusHint},
	{"executable file not found", "no D-Bus session bus, and dbus-launch is not installed", noBusHint},
	{"couldn't determine address of session bus", "no D-Bus session bus", noBusHint},
	{"org.freedesktop.secrets was not provided", "no Secret Service (such as gnome-keyring) is running on the session bus",
		"install and start gnome-keyring, or enable KeePassXC's Secret Service integration"},
	{"failed to unlock correct collection", "the login keyring is locked and no unlock prompt could be shown",
		"unlock your login keyring, e.g. run `gnome-keyring-daemon --unlock` and type its password, then Ctrl-D; or log in to a desktop session; if you ran sfstore with sudo, run it as yourself"},
	{"No such interface 'org.freedesktop.Secret.Collection'", "the keyring has no \"login\" or default collection",
		"create a keyring named \"login\" and make it the default, e.g. in Passwords and Keys (seahorse)"},
	{"User interaction is not allowed", "the macOS login keychain is locked and cannot prompt (SSH session?)",
		"run `security unlock-keychain ~/Library/Keychains/login.keychain-db`, then try again"},
	{"dial unix", "cannot connect to the D-Bus session bus",
		"DBUS_SESSION_BUS_ADDRESS points at a bus that is gone: open a new login session or unset it"},
	{"connection refused", "cannot connect to the D-Bus session bus",
		"DBUS_SESSION_BUS_ADDRESS points at a bus that is gone: open a new login session or unset it"},
}

// mapError turns a Backend error into this package's errors. value is the
// secret being set ("" for Get and Delete); it is cut out of the backend's
// text in case a backend ever echoes it.
func mapError(op string, err error, value string) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, keyring.ErrNotFound) || errors.Is(err, ErrNotFound) {
		return ErrNotFound
	}
	if errors.Is(err, keyring.ErrSetDataTooBig) {
		return fmt.Errorf("%w: the OS refused it (Windows Credential Manager holds at most %d bytes, macOS about 3000 with the names)", ErrTooBig, MaxSecretSize)
	}
	if u := unavailable(err); u != nil {
		u.Err = redact(u.Err, value)
		return u
	}
	return fmt.Errorf("keyring: %s: %w", op, redact(err, value))
}

// unavailable recognises the failures that mean no keyring can be used.
func unavailable(err error) *UnavailableError {
	if errors.Is(err, keyring.ErrUnsupportedPlatform) {
		return &UnavailableError{Reason: "go-keyring supports no keyring on this platform", Hint: "use Linux, macOS or Windows", Err: err}
	}
	msg := err.Error()
	for _, f := range knownFailures {
		if strings.Contains(msg, f.needle) {
			return &UnavailableError{Reason: f.reason, Hint: f.hint, Err: err}
		}
	}
	return nil
}

// redact drops err's chain if its text contains the secret: a plain error
// with the secret cut out replaces it, so no Unwrap can reach the original.
// go-keyring never echoes a password; this guards other backends. Values
// shorter than minRedact would only cut ordinary words out of the text, and
// no real secret is that short.
func redact(err error, value string) error {
	if len(value) < minRedact || !strings.Contains(err.Error(), value) {
		return err
	}
	return errors.New(strings.ReplaceAll(err.Error(), value, "[redacted]"))
}
