// Package profile keeps named PingOne connections in a TOML file in the
// user's config directory (os.UserConfigDir()/sfstore/config.toml): what
// identifies a connection (region or endpoints, worker app, target
// environment), never a secret, which stays in the OS keyring. A profile is
// one more source of answers, below the environment and above the defaults.
//
// Writes take a lock file around read-merge-write and replace the file
// atomically (temp file, fsync, rename), so two sfstores adding profiles at
// once both keep theirs, and a reader never sees half a file.
package profile
