package secrets_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"sfstore/secrets"
)

// With another sfstore holding the lock, Set stores the secret and then
// says plainly why its name is not indexed, after the lock wait.
func TestIndexLockTimeoutIsAClearError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "index.lock")
	release, err := secrets.LockFileForTest(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	k := secrets.NewMemory(secrets.WithLockFile(path), secrets.WithLockWait(50*time.Millisecond))
	ctx := context.Background()
	start := time.Now()
	err = k.Set(ctx, acct, "v")
	var busy *secrets.IndexBusyError
	var ie *secrets.IndexError
	if !errors.As(err, &ie) || !errors.As(err, &busy) || secrets.Classify(err) != secrets.TimedOut {
		t.Fatalf("Set = %v (%v), want an *IndexError for an *IndexBusyError", err, secrets.Classify(err))
	}
	if want := "another sfstore is updating the keyring index; waited 50ms for " + path; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q lacks %q", err, want)
	}
	if elapsed := time.Since(start); elapsed > 5*time.Second {
		t.Errorf("took %v", elapsed)
	}
	if got, err := k.Get(ctx, acct); got != "v" || err != nil {
		t.Fatalf("Get = %q, %v: the secret must be stored anyway", got, err)
	}
	release()
	if err := k.Set(ctx, acct, "v2"); err != nil {
		t.Fatalf("Set once the lock is free: %v", err)
	}
	requireListed(t, k, acct)
}

// A caller's cancellation while waiting is reported as such, not as a
// busy lock.
func TestCancelWhileWaitingForTheLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index.lock")
	release, err := secrets.LockFileForTest(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	k := secrets.NewMemory(secrets.WithLockFile(path), secrets.WithLockWait(time.Minute))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = k.LockIndexForTest(ctx)
	var busy *secrets.IndexBusyError
	if !errors.Is(err, context.Canceled) || errors.As(err, &busy) {
		t.Fatalf("lock = %v, want cancelled", err)
	}
}

// Every way out of an index update releases the lock: the next one gets it
// at once.
func TestIndexLockIsReleasedOnEveryPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index.lock")
	ctx := context.Background()
	requireFree := func(what string) {
		t.Helper()
		release, err := secrets.LockFileForTest(path, time.Second)
		if err != nil {
			t.Fatalf("after %s the lock file is still held: %v", what, err)
		}
		release()
		other := secrets.NewMemory(secrets.WithLockFile(path), secrets.WithLockWait(time.Second))
		unlock, err := other.LockIndexForTest(ctx)
		if err != nil {
			t.Fatalf("after %s this process's lock is still held: %v", what, err)
		}
		unlock()
	}
	failing := secrets.New(noProbe, secrets.WithBackend(indexFailingBackend{}), secrets.WithLockFile(path), secrets.WithSearcher(nil))
	if err := failing.Set(ctx, acct, "v"); err == nil {
		t.Fatal("Set with a failing index succeeded")
	}
	requireFree("a failed index read")
	raced := secrets.New(noProbe, secrets.WithLockFile(path), secrets.WithBackend(&interloper{Backend: secrets.NewMemoryBackend(), times: 100,
		write: func(b secrets.Backend) { _ = b.Set(secrets.Service, "index/1", `{"version":2,"entries":[]}`) }}))
	if err := raced.Set(ctx, acct, "v"); err == nil {
		t.Fatal("Set against an endless race succeeded")
	}
	requireFree("giving up on a race")
	k := secrets.NewMemory(secrets.WithLockFile(path))
	if err := k.Set(ctx, acct, "v"); err != nil {
		t.Fatal(err)
	}
	requireFree("a successful Set")
	if _, err := k.ForgetAll(ctx); err != nil {
		t.Fatal(err)
	}
	requireFree("ForgetAll")
}

func TestLockFileIsPrivateAndFollowsTheCacheDir(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" || runtime.GOOS == "plan9" {
		t.Skip("os.UserCacheDir does not read XDG_CACHE_HOME here")
	}
	cache := filepath.Join(t.TempDir(), "cache")
	t.Setenv("XDG_CACHE_HOME", cache)
	path, err := secrets.DefaultLockFile()
	if want := filepath.Join(cache, "sfstore", "keyring-index.lock"); path != want || err != nil {
		t.Fatalf("DefaultLockFile = %q, %v; want %q", path, err, want)
	}
	keyring := secrets.New(noProbe, secrets.WithBackend(secrets.NewMemoryBackend()))
	if err := keyring.Set(context.Background(), acct, "v"); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]os.FileMode{filepath.Dir(path): 0o700, path: 0o600} {
		info, err := os.Stat(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
		} else if info.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", p, info.Mode().Perm(), want)
		}
	}

	t.Setenv("XDG_CACHE_HOME", "")
	t.Setenv("HOME", "")
	t.Setenv("XDG_RUNTIME_DIR", "/run/user/4242")
	if path, err := secrets.DefaultLockFile(); path != "/run/user/4242/sfstore/keyring-index.lock" || err != nil {
		t.Errorf("without a cache dir: %q, %v", path, err)
	}
	t.Setenv("XDG_RUNTIME_DIR", "")
	if _, err := secrets.DefaultLockFile(); err == nil {
		t.Error("no cache dir and no runtime dir, yet a lock file")
	}
}

// The lock is waited for as long as a keyring call, unless set apart.
func TestIndexLockWaitDefaultsToTheKeyringTimeout(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index.lock")
	release, err := secrets.LockFileForTest(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	k := secrets.NewMemory(secrets.WithLockFile(path), secrets.WithTimeout(40*time.Millisecond))
	var busy *secrets.IndexBusyError
	if _, err := k.LockIndexForTest(context.Background()); !errors.As(err, &busy) || busy.Waited != 40*time.Millisecond {
		t.Fatalf("lock = %v, want a wait of the 40ms keyring timeout", err)
	}
}
