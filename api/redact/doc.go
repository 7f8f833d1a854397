// Package redact hides secrets in text meant for people: Mask shows a
// secret as "••••" and its last four characters, Redact replaces known
// secrets wherever they occur, and the Body, Header and URL functions mask
// what an HTTP exchange carries under a sensitive name (CLIENT_SECRET,
// access_token, Authorization, …) even when its value was never known.
//
// The PingOne client, the Salesforce client and the terminal UI all mask
// through this package, so a secret is hidden the same way everywhere.
package redact
