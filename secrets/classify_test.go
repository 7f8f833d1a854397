package secrets_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"sfstore/secrets"
)

// goKeyringFailures are errors go-keyring really returns (see the reference
// notes, §2.2–2.3), with a word the hint must contain.
var goKeyringFailures = []struct {
	err  error
	hint string
}{
	{errors.New(`exec: "dbus-launch": executable file not found in $PATH`), "dbus-run-session"},
	{errors.New("dbus: couldn't determine address of session bus"), "desktop session"},
	//lint:ignore ST1005 the text of the real error, which the package matches
	{errors.New("The name org.freedesktop.secrets was not provided by any .service files"), "gnome-keyring"},
	{errors.New("failed to unlock correct collection '/org/freedesktop/secrets/collection/login'"), "gnome-keyring-daemon --unlock"},
	{errors.New("failed to unlock correct collection '/org/freedesktop/secrets/aliases/default'"), "unlock your login keyring"},
	//lint:ignore ST1005 the text of the real error, which the package matches
	{errors.New("No such interface 'org.freedesktop.Secret.Collection' on object at path /org/freedesktop/secrets/collection/login"), `named "login"`},
	//lint:ignore ST1005 the text of the real error, which the package matches
	{errors.New("User interaction is not allowed."), "security unlock-keychain"},
	{keyring.ErrUnsupportedPlatform, "Linux, macOS or Windows"},
	{errors.New("dial unix /run/user/1000/bus: connect: no such file or directory"), "DBUS_SESSION_BUS_ADDRESS"},
	{errors.New("dial unix /tmp/dbus-x: connect: connection refused"), "DBUS_SESSION_BUS_ADDRESS"},
}

func TestKnownGoKeyringFailuresAreUnavailableWithAHint(t *testing.T) {
	for _, tc := range goKeyringFailures {
		keyring.MockInitWithError(tc.err)
		k, ctx := secrets.New(noProbe), context.Background()
		_, getErr := k.Get(ctx, acct)
		for op, err := range map[string]error{"get": getErr, "set": k.Set(ctx, acct, "v"), "delete": k.Delete(ctx, acct)} {
			var u *secrets.UnavailableError
			if secrets.Classify(err) != secrets.Unavailable || !errors.As(err, &u) {
				t.Errorf("%s with %q: %v (%v), want unavailable", op, tc.err, err, secrets.Classify(err))
				continue
			}
			if !strings.HasPrefix(err.Error(), "keyring unavailable: ") || !strings.Contains(u.Hint, tc.hint) || secrets.Hint(err) != u.Hint {
				t.Errorf("%s with %q: error %q, hint %q, want hint with %q", op, tc.err, err, u.Hint, tc.hint)
			}
			if !errors.Is(err, tc.err) {
				t.Errorf("%s with %q: underlying error lost", op, tc.err)
			}
		}
	}
}

func TestUnknownFailureIsWrappedAndFailed(t *testing.T) {
	boom := errors.New("test-explosion")
	keyring.MockInitWithError(boom)
	_, err := secrets.New(noProbe).Get(context.Background(), acct)
	if secrets.Classify(err) != secrets.Failed || !errors.Is(err, boom) || err.Error() != "keyring: get: test-explosion" {
		t.Fatalf("Get = %q (%v), want wrapped failure", err, secrets.Classify(err))
	}
	if secrets.Hint(err) != "" {
		t.Errorf("a plain failure has a hint: %q", secrets.Hint(err))
	}
}

func TestClassifyTellsEveryOutcomeApart(t *testing.T) {
	cases := map[error]secrets.Status{
		nil:                                      secrets.Found,
		secrets.ErrNotFound:                      secrets.NotFound,
		fmt.Errorf("x: %w", secrets.ErrNotFound): secrets.NotFound,
		&secrets.UnavailableError{Reason: "r"}:   secrets.Unavailable,
		&secrets.TimeoutError{Op: "get"}:         secrets.TimedOut,
		context.DeadlineExceeded:                 secrets.TimedOut,
		fmt.Errorf("x: %w", context.Canceled):    secrets.Cancelled,
		errors.New("other"):                      secrets.Failed,
	}
	for err, want := range cases {
		if got := secrets.Classify(err); got != want {
			t.Errorf("Classify(%v) = %v, want %v", err, got, want)
		}
	}
}

func TestStatusStringsAreReadable(t *testing.T) {
	want := []string{"found", "not found", "unavailable", "timed out", "cancelled", "failed", "Status(99)"}
	for i, s := range []secrets.Status{secrets.Found, secrets.NotFound, secrets.Unavailable, secrets.TimedOut, secrets.Cancelled, secrets.Failed, 99} {
		if s.String() != want[i] {
			t.Errorf("Status(%d).String() = %q, want %q", int(s), s, want[i])
		}
	}
}
