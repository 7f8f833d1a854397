package wizard

import (
	"context"
	"io"
	"testing"

	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/settings"
)

// BenchmarkFirstFrame measures what stands between starting sfstore and the
// first form on screen: building the session and the wizard (the keyring
// check is a cheap probe, never a keyring call) and rendering the first
// form once.
func BenchmarkFirstFrame(b *testing.B) {
	kr := secrets.NewMemory()
	for b.Loop() {
		s := ui.NewSession(context.Background(), settings.Defaults(), ui.Options{Keyring: kr},
			ui.Streams{Out: io.Discard, Err: io.Discard, OutWidth: 80, ErrWidth: 80})
		f := New(s).signInForm()
		f.Init()
		_ = f.View()
	}
}
