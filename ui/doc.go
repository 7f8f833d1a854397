// Package ui runs the sfstore wizard: it asks for every setting of a
// Salesforce propagation store, looks up and saves secrets in the keyring,
// sends the request to PingOne and renders what PingOne created.
//
// The flow lives in wizard.go. Every answer is held in one Answers value:
// the forms bind to it, the review renders it, and Answers.Request turns it
// into the API request.
package ui
