package secrets_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"sfstore/secrets"
)

// saverEnv tells a re-executed test binary that it is one of the savers of
// the multi-process test, and which: "<backend>;<n>", where backend is
// "file=<path>" (the file-backed fake) or "real" (the OS keyring).
const saverEnv = "SFSTORE_TEST_SAVER"

// The colleague's measurement ran up to four --save-secrets runs at once;
// six processes each saving four secrets at once is a harder version.
const savers, perSaver = 6, 4

// saverAccounts are the four accounts saver n saves: the three Salesforce
// secrets of an app with a realistic consumer key, and a PingOne secret.
func saverAccounts(n int) []string {
	domain, clientID := fmt.Sprintf("org%d.my.salesforce.com", n), longClientID(n)
	return []string{
		secrets.SalesforceAccount(domain, clientID, secrets.ClientSecret),
		secrets.SalesforceAccount(domain, clientID, secrets.AccessToken),
		secrets.SalesforceAccount(domain, clientID, secrets.RefreshToken),
		secrets.PingOneAccount(fmt.Sprint("env-", n), fmt.Sprint("worker-", n)),
	}
}

func allSaverAccounts() []string {
	var all []string
	for n := range savers {
		all = append(all, saverAccounts(n)...)
	}
	slices.Sort(all)
	return all
}

func TestSaversInSeparateProcessesAreAllIndexed(t *testing.T) {
	store := fileBackend{filepath.Join(t.TempDir(), "keyring.json")}
	runSavers(t, "file="+store.path)
	k := secrets.New(noProbe, secrets.WithBackend(store))
	checkListThenForgetAll(t, k)
	if left, err := store.SearchAccounts(context.Background(), secrets.Service); len(left) != 0 || err != nil {
		t.Fatalf("left in the keyring: %v, %v", left, err)
	}
}

// checkListThenForgetAll requires that List names exactly the savers'
// accounts and that ForgetAll removes exactly those.
func checkListThenForgetAll(t *testing.T, k *secrets.Keyring) {
	t.Helper()
	ctx := context.Background()
	entries, err := k.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, e := range entries {
		listed = append(listed, e.Account)
	}
	if want := allSaverAccounts(); !slices.Equal(listed, want) {
		t.Fatalf("List names %d of the %d saved secrets: missing %v", len(listed), len(want), missing(want, listed))
	}
	r, err := k.ForgetAll(ctx)
	if err != nil || len(r.Failed) != 0 || !r.Searched || !slices.Equal(r.Removed, allSaverAccounts()) {
		t.Fatalf("ForgetAll = %+v, %v", r, err)
	}
	if entries, err := k.List(ctx); len(entries) != 0 || err != nil {
		t.Fatalf("List after ForgetAll = %v, %v", entries, err)
	}
}

func missing(want, have []string) []string {
	return slices.DeleteFunc(slices.Clone(want), func(a string) bool { return slices.Contains(have, a) })
}

// runSavers starts the savers as copies of this test binary, lets them all
// start saving at the same moment once every one is ready, and waits for
// them to succeed.
func runSavers(t *testing.T, backend string) {
	t.Helper()
	type saver struct {
		cmd   *exec.Cmd
		stdin io.WriteCloser
		out   strings.Builder
		ready chan error
	}
	all := make([]*saver, savers)
	for n := range savers {
		s := &saver{ready: make(chan error, 1)}
		s.cmd = exec.Command(os.Args[0], "-test.run=^TestSaverProcess$", "-test.count=1", "-test.timeout=2m")
		s.cmd.Env = append(os.Environ(), saverEnv+"="+backend+";"+strconv.Itoa(n))
		stdout, err := s.cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		s.cmd.Stderr = &lockedWriter{w: &s.out}
		if s.stdin, err = s.cmd.StdinPipe(); err != nil {
			t.Fatal(err)
		}
		if err := s.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		go func() {
			r := bufio.NewReader(stdout)
			line, err := r.ReadString('\n')
			if err == nil && line != "ready\n" {
				err = fmt.Errorf("first line %q", line)
			}
			s.ready <- err
			_, _ = io.Copy(s.cmd.Stderr, r) // keep the rest for the failure message
		}()
		all[n] = s
		t.Cleanup(func() { _ = s.cmd.Process.Kill(); _ = s.cmd.Wait() })
	}
	deadline := time.NewTimer(time.Minute)
	defer deadline.Stop()
	for n, s := range all {
		select {
		case err := <-s.ready:
			if err != nil {
				t.Fatalf("saver %d did not get ready: %v\n%s", n, err, s.out.String())
			}
		case <-deadline.C:
			t.Fatalf("saver %d not ready after a minute", n)
		}
	}
	for _, s := range all {
		_ = s.stdin.Close() // the starting signal: each saver waits for EOF
	}
	for n, s := range all {
		if err := s.cmd.Wait(); err != nil {
			t.Errorf("saver %d: %v\n%s", n, err, s.out.String())
		}
	}
	if t.Failed() {
		t.FailNow()
	}
}

type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// TestSaverProcess is one saver of runSavers, in its own process; run on
// its own it skips. It saves its four secrets from four goroutines at once.
func TestSaverProcess(t *testing.T) {
	spec := os.Getenv(saverEnv)
	if spec == "" {
		t.Skip("run by TestSaversInSeparateProcessesAreAllIndexed in a child process")
	}
	backend, num, _ := strings.Cut(spec, ";")
	n, err := strconv.Atoi(num)
	if err != nil {
		t.Fatalf("bad %s=%q", saverEnv, spec)
	}
	k := secrets.New(secrets.WithTimeout(20 * time.Second))
	if path, ok := strings.CutPrefix(backend, "file="); ok {
		k = secrets.New(noProbe, secrets.WithBackend(fileBackend{path}))
	}
	fmt.Println("ready")
	_, _ = io.Copy(io.Discard, os.Stdin) // EOF: every saver is ready
	var wg sync.WaitGroup
	for i, a := range saverAccounts(n) {
		wg.Go(func() {
			if err := k.Set(context.Background(), a, fmt.Sprintf("test-value-%d-%d", n, i)); err != nil {
				t.Errorf("Set %s: %v", a, err)
			}
		})
	}
	wg.Wait()
}
