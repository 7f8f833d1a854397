package profile_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"sfstore/ui/profile"
)

// adderEnv tells a re-executed test binary that it is adder n of the
// multi-process test: "<n>;<config path>".
const adderEnv = "SFSTORE_TEST_PROFILE_ADDER"

const adders, perAdder = 6, 5

func TestMain(m *testing.M) {
	if v := os.Getenv(adderEnv); v != "" {
		if err := runAdder(v); err != nil {
			fmt.Fprintln(os.Stderr, "adder:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// runAdder waits for the end of its stdin, a pipe that the test closes
// once every adder runs, so the adders begin together; then it adds its
// profiles one Update each.
func runAdder(v string) error {
	n, path, ok := strings.Cut(v, ";")
	if !ok {
		return fmt.Errorf("%s: %q", adderEnv, v)
	}
	if _, err := io.Copy(io.Discard, os.Stdin); err != nil {
		return fmt.Errorf("wait for the start: %w", err)
	}
	for i := range perAdder {
		name := fmt.Sprintf("p%s-%d", n, i)
		err := profile.Update(context.Background(), path, func(c *profile.Config) error {
			c.Profiles[name] = acme()
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func TestProcessesAddingAtOnceLoseNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sfstore", profile.FileName)
	// The start signal: every adder reads this pipe until it ends.
	startR, startW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer startW.Close()
	var cmds []*exec.Cmd
	for n := range adders {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%d;%s", adderEnv, n, path))
		cmd.Stdin, cmd.Stderr = startR, os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	startR.Close()
	startW.Close()
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("an adder failed: %v", err)
		}
	}
	c, err := profile.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for n := range adders {
		for i := range perAdder {
			want = append(want, fmt.Sprintf("p%d-%d", n, i))
		}
	}
	slices.Sort(want)
	if got := c.Names(); !slices.Equal(got, want) {
		t.Fatalf("%d of %d profiles kept: %v", len(got), len(want), got)
	}
}
