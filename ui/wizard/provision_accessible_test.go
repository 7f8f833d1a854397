package wizard

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/ansi"

	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/provision"
	"sfstore/ui/settings/settingstest"
)

// Read out, the mappings are wrapped between words: at 80 columns the
// terminal cut the note and a long expression in the middle of a word.
func TestTheAccessibleMappingReviewWrapsBetweenWords(t *testing.T) {
	var errOut bytes.Buffer
	s := ui.NewSession(context.Background(), settingstest.Filled(), ui.Options{Accessible: true, Keyring: secrets.NewMemory()},
		ui.Streams{Out: io.Discard, Err: &errOut, OutWidth: 40, ErrWidth: 40})
	w := New(s)
	w.RunForm = func(context.Context, *huh.Form) error { return nil } // continue
	r := &provision.Review{Rows: mappingRows(), Note: "Target names checked against the 20 user attributes PingOne's store metadata lists.",
		Check: func([]provision.Row) []string { return nil }}
	r.Rows[3].Expression = "#string.substring(user.name.given, 0, 1) + #string.substring(user.name.family, 0, 4)"
	if done, err := w.reviewMappingsAccessible(context.Background(), r); !done || err != nil {
		t.Fatalf("done %v, %v", done, err)
	}
	out := errOut.String()
	for _, l := range strings.Split(out, "\n") {
		if ansi.StringWidth(l) > 40 {
			t.Errorf("a line of %d columns: %q", ansi.StringWidth(l), l)
		}
	}
	if !strings.Contains(out, "4. Alias from the expression") || !strings.Contains(out, "#string.substring(user.name.family,") {
		t.Errorf("read out:\n%s", out)
	}
}

// Read out, each write to confirm is whole, wrapped between words.
func TestTheAccessibleWritesToConfirmWrapBetweenWords(t *testing.T) {
	var errOut bytes.Buffer
	s := ui.NewSession(context.Background(), settingstest.Filled(), ui.Options{Accessible: true, Keyring: secrets.NewMemory()},
		ui.Streams{Out: io.Discard, Err: &errOut, OutWidth: 40, ErrWidth: 40})
	w := New(s)
	w.RunForm = func(context.Context, *huh.Form) error { return nil } // yes
	if ok, err := w.ConfirmWrites(context.Background(), fifteenWrites()); !ok || err != nil {
		t.Fatalf("ok %v, %v", ok, err)
	}
	out := errOut.String()
	for _, l := range strings.Split(out, "\n") {
		if ansi.StringWidth(l) > 40 {
			t.Errorf("a line of %d columns: %q", ansi.StringWidth(l), l)
		}
	}
	if !strings.Contains(out, "LanguageLocaleKey") || strings.Contains(out, "…") {
		t.Errorf("read out:\n%s", out)
	}
}
