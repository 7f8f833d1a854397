// Package provision is sfstore provision: it makes PingOne provision users
// into a Salesforce store, reusing what exists.
//
// A run reads the chain through the store (ui/chain), settles the scope
// and the mappings (the Prompter asks in a terminal; flags decide in a
// script), then plans the writes: plan is a pure function from what was
// read and what was decided to an ordered list of Write, each one call of
// the api client. describe runs that list against a recorder, so the dry
// run, the confirmation and the JSON show exactly what is sent; executor
// sends it in order, waiting out a 429 and reading a write back after a
// lost answer before anything is repeated, and stops at the first refusal
// with what exists. Watch polls the store's sync. The exit codes are in
// exit.go.
package provision
