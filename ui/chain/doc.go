// Package chain is what sfstore knows about the chain that provisions
// users from PingOne through a Salesforce store: the store, a directory
// store as the source, the environment's plan, the rules that target the
// store, their populations and attribute mappings, and the latest
// revision that publishes them. Doctor, show and provision share it.
//
// Read fetches the chain (GETs only), keeping each read's error with the
// link it belongs to. The rest is pure: the default mapping set Salesforce
// needs to create a user (Defaults, Required), the checks of a mapping set
// (Validate), --map overrides (ParseOverride, Merge), the PingOne
// Expression Language as sfstore writes it (pel.go, the one place that
// knows its syntax), and whether the chain is published (Publish).
package chain
