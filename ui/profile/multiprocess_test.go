package profile_test

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

	"sfstore/ui/profile"
)

// adderEnv tells a re-executed test binary that it is adder n of the
// multi-process test: "<n>;<config path>;<start file>".
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

// runAdder waits for the start file, so the adders begin together, then
// adds its profiles one Update each.
func runAdder(v string) error {
	parts := strings.SplitN(v, ";", 3)
	if len(parts) != 3 {
		return fmt.Errorf("%s: %q", adderEnv, v)
	}
	n, path, start := parts[0], parts[1], parts[2]
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, err := os.Stat(start); err == nil {
			break
		}
		if time.Now().After(deadline) {
			return errors.New("the start file never appeared")
		}
		time.Sleep(time.Millisecond)
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
	start := filepath.Join(dir, "start")
	var cmds []*exec.Cmd
	for n := range adders {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%d;%s;%s", adderEnv, n, path, start))
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	if err := os.WriteFile(start, nil, 0o600); err != nil {
		t.Fatal(err)
	}
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
