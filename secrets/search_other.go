//go:build !(linux || freebsd || openbsd || netbsd || dragonfly)

package secrets

import "runtime"

// osSearcher returns nil: go-keyring offers no way to enumerate Keychain or
// Credential Manager items, so only the index can be searched here.
func osSearcher() Searcher { return nil }

// osLookHint says where the user can look for items sfstore left behind.
func osLookHint() string {
	switch runtime.GOOS {
	case "darwin":
		return "look in Keychain Access for items named " + Service
	case "windows":
		return "look in Credential Manager, under Windows Credentials, for entries named " + Service + ":…"
	}
	return "look in the system's keyring for items of the service " + Service
}

// osNotSearchable says plainly what ForgetAll could not check on this OS.
func osNotSearchable() string {
	return "on this system only sfstore's index of saved names can be searched; " + osLookHint()
}
