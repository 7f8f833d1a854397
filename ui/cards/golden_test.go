package cards

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"sfstore/ui/term"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// testStyles renders with a fixed color profile, so golden files do not
// depend on the terminal running the tests.
func testStyles(secrets ...string) Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	st := NewStyles(r)
	st.Secrets = &term.Secrets{}
	st.Secrets.Add(secrets...)
	return st
}

// requireGolden compares got with testdata/<name>.golden; -update rewrites it.
func requireGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test ./ui/cards -update to create it): %v", err)
	}
	if got != string(want) {
		t.Fatalf("output differs from %s (run go test ./ui/cards -update if the change is intended)\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}

// requireNoSecrets fails when any secret appears in out.
func requireNoSecrets(t *testing.T, out string, secrets ...string) {
	t.Helper()
	for _, s := range secrets {
		if s != "" && strings.Contains(out, s) {
			t.Errorf("secret %q appears in clear in:\n%s", s, out)
		}
	}
}
