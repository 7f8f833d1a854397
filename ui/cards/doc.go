// Package cards renders what sfstore shows as text: the review, the created
// store, error reports and tables. The renderers are pure functions of
// their input and a Styles value, so they are tested as golden files with
// a fixed color profile.
//
// Every string that came from outside (PingOne, Salesforce, a file, a flag)
// is made inert with term.Line or term.Sanitize here, before it is laid out.
package cards
