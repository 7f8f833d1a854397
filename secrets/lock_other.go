//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd || windows)

package secrets

import "os"

// tryLockFile takes no file lock: go-keyring supports no keyring on these
// systems, so no index is ever written; the in-process lock still applies.
func tryLockFile(*os.File) (bool, error) { return true, nil }

func unlockFile(*os.File) error { return nil }
