package secrets

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// lockFileName is the lock file's name in the directory DefaultLockFile picks.
const lockFileName = "keyring-index.lock"

// DefaultLockFile returns the lock file that serialises updates of the index
// across sfstore processes: sfstore/keyring-index.lock in the user's cache
// directory (os.UserCacheDir), or in $XDG_RUNTIME_DIR when there is no cache
// directory. The cache directory comes first because it is the same in every
// session of a user with the same home, while XDG_RUNTIME_DIR is missing in
// cron jobs, su and some SSH sessions that still reach the same keyring: two
// sfstores that pick different lock files do not exclude each other.
func DefaultLockFile() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.Getenv("XDG_RUNTIME_DIR")
	}
	if dir == "" || !filepath.IsAbs(dir) {
		return "", fmt.Errorf("no directory for the keyring index lock: %w (and XDG_RUNTIME_DIR is not set)", err)
	}
	return filepath.Join(dir, Service, lockFileName), nil
}

// inProcess holds one semaphore per lock file, shared by every Keyring of
// this process. The file lock alone is not enough in-process: it is
// per-process on systems whose locks are fcntl-based, and the channel also
// lets goroutines of one process wait in line without polling the file.
var inProcess = struct {
	sync.Mutex
	sems map[string]chan struct{}
}{sems: make(map[string]chan struct{})}

func semaphoreFor(path string) chan struct{} {
	inProcess.Lock()
	defer inProcess.Unlock()
	sem, ok := inProcess.sems[path]
	if !ok {
		sem = make(chan struct{}, 1)
		inProcess.sems[path] = sem
	}
	return sem
}

// lockPath returns the lock file of this Keyring, "" for none.
func (k *Keyring) lockPath() (string, error) {
	if k.lockFileSet {
		return k.lockFile, nil
	}
	return DefaultLockFile()
}

// lockIndex takes the index lock, waiting at most the lock wait (and never
// past ctx), and returns the function that releases it. The caller must call it
// on every path, and must hold the lock only while it reads and writes the
// index: never while it waits for anything else, such as a secret's own
// keyring call, so that one slow keyring call cannot hold up other sfstores.
func (k *Keyring) lockIndex(ctx context.Context) (func(), error) {
	path, err := k.lockPath()
	if err != nil {
		return nil, err
	}
	sem := k.ownLock
	if path != "" {
		sem = semaphoreFor(path)
	}
	waitFor := k.lockWait
	if waitFor <= 0 {
		waitFor = k.timeout
	}
	wait, cancel := context.WithTimeout(ctx, waitFor)
	defer cancel()
	busy := func() error {
		if ctx.Err() != nil {
			return fmt.Errorf("waiting for the keyring index lock: %w", ctx.Err())
		}
		shown := path
		if shown == "" {
			shown = "this process's index lock"
		}
		return &IndexBusyError{Path: shown, Waited: waitFor}
	}
	select {
	case sem <- struct{}{}:
	case <-wait.Done():
		return nil, busy()
	}
	if path == "" {
		return func() { <-sem }, nil
	}
	f, err := openLockFile(path)
	if err != nil {
		<-sem
		return nil, err
	}
	if err := pollLock(wait, f); err != nil {
		_ = f.Close()
		<-sem
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
			return nil, busy()
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return func() {
		_ = unlockFile(f) // closing the file releases the lock anyway
		_ = f.Close()
		<-sem
	}, nil
}

// openLockFile opens (creating it and its directory if needed) the lock
// file, readable only by the user. It is never removed: removing a lock file
// while another process waits on the old one lets two processes lock at once.
func openLockFile(path string) (*os.File, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create the directory of the keyring index lock: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open the keyring index lock: %w", err)
	}
	return f, nil
}

// pollLock tries the non-blocking lock until it is taken or ctx ends. A
// blocking lock could not be given up on time: flock and LockFileEx take no
// timeout, and a goroutine blocked in them could not be stopped.
func pollLock(ctx context.Context, f *os.File) error {
	delay := time.Millisecond
	for {
		ok, err := tryLockFile(f)
		if err != nil || ok {
			return err
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		delay = min(2*delay, 20*time.Millisecond)
	}
}
