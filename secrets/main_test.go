package secrets_test

import (
	"fmt"
	"os"
	"testing"
)

// TestMain points the user cache directory, where the index lock lives by
// default, at a temporary directory, so that tests never touch the real one.
// A child process of the multi-process test keeps its parent's, so that all
// of them share one lock, as sfstores of one user do.
func TestMain(m *testing.M) {
	if os.Getenv(saverEnv) != "" {
		os.Exit(m.Run())
	}
	dir, err := os.MkdirTemp("", "sfstore-secrets-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
