// Package stores is what sfstore does with stores that already exist: list
// them, show one with why its sync fails, what provisions through it and
// what to do, check each link of that chain (Doctor, with package chain),
// test its connection, reconnect it to Salesforce with new tokens, edit
// it, delete it, and publish the changes. It is for the support engineers
// and admins whose provisioning stopped.
//
// Every command signs in to PingOne as create does (ready), finds the store
// by name or ID among the environment's Salesforce stores (find), and
// reports a failure as create does: a card (or plain rows) naming the
// fields, PingOne's error ID and Correlation-Id, JSON with --json, and exit
// 1; a problem with what was supplied exits 2 before anything changes.
//
// Edit and reconnect change a store through the create flow's update
// (ui.Update), with the same review, connection test, keyring and publish
// steps: one PUT of the whole store, built from the store as PingOne
// returned it, with only what the person changed.
//
// Whether PingOne returns a store's secrets in clear, masked or not at all
// is UNCONFIRMED (its examples echo them). A value that reads as masked is
// never sent back: it comes from the environment, from the keyring, where
// sfstore saved it by the store's domain and client ID, or from a prompt.
package stores
