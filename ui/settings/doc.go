// Package settings is what sfstore knows about each setting of a Salesforce
// propagation store and of the PingOne sign-in: one table (Fields) with each
// setting's label, step, JSON key, flag, environment variable, whether it is
// a secret, how it is shown and how it is checked.
//
// Everything that lists settings is derived from that table: the flags, the
// environment, the --from file's keys, the --no-input list of what is
// missing, the review and result rows, the variables a dry run's curl
// recipe reads, and validation. Answers holds the values; Request turns
// them into the create body.
//
// Adding a store setting means: one field in Answers, one entry in Fields,
// the key in api.SalesforceConfiguration and Request, and, where it needs
// one, its form widget in ui/wizard.
package settings
