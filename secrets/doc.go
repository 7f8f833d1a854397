// Package secrets keeps sfstore's secrets (the Salesforce OAuth client
// secret and tokens, and the PingOne worker app secret) in the OS keyring:
// the Secret Service over D-Bus on Linux and the BSDs, the login keychain on
// macOS and Credential Manager on Windows, through github.com/zalando/go-keyring.
//
// It is a thin wrapper in the spirit of GitHub CLI's internal/keyring: every
// call has a timeout and honours a context, because go-keyring can block for
// ever on an unlock prompt; errors are classified (see [Classify]) so the UI
// can say what happened and what the user can do; and on Linux the keyring is
// reported unavailable, without calling go-keyring, when no session bus can
// be found, because go-keyring would otherwise exec dbus-launch and leave
// daemons running behind it.
//
// There is no plaintext fallback: the only file this package writes is an
// empty lock file (see [DefaultLockFile]) that keeps concurrent sfstores from
// overwriting each other's names in the index (see [Keyring.List]), which
// lives in the keyring. Error values never contain a secret.
//
// [Keyring.ForgetAll] removes everything sfstore saved, including items the
// index missed wherever the keyring can be searched, and
// [Keyring.SalesforceSecrets] returns what is saved for one connected app.
//
// Usage:
//
//	kr := secrets.New()
//	acct := secrets.SalesforceAccount("acme.my.salesforce.com", clientID, secrets.ClientSecret)
//	if err := kr.Set(ctx, acct, clientSecret); err != nil {
//		switch secrets.Classify(err) {
//		case secrets.Unavailable, secrets.TimedOut:
//			// keep the secret in memory for this run and show the hint
//		}
//	}
//
// Use [NewMemory] for demos and tests that must never touch the OS.
package secrets
