package secrets

import (
	"context"
	"time"
)

// LockFileForTest takes the index lock's file lock on path the way another
// sfstore process would, without this process's in-process semaphore, and
// waits at most wait. Tests use it to hold the lock, and the file-backed
// fake keyring to make each of its calls atomic across processes.
func LockFileForTest(path string, wait time.Duration) (release func(), err error) {
	f, err := openLockFile(path)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	if err := pollLock(ctx, f); err != nil {
		_ = f.Close()
		return nil, err
	}
	return func() {
		_ = unlockFile(f)
		_ = f.Close()
	}, nil
}

// LockIndexForTest takes k's index lock as an update does.
func (k *Keyring) LockIndexForTest(ctx context.Context) (release func(), err error) {
	return k.lockIndex(ctx)
}
