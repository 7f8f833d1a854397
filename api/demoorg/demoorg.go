// Package demoorg is the one Salesforce org that "sfstore --demo" and the
// tests play: its IDs, admin user, profiles, accounts, connected app and the
// OAuth tokens the demo's seeded PingOne stores hold.
//
// Both simulators read it: sfstore/api/salesforce/sfsim serves the org
// (sign-in, userinfo, the picker queries) and sfstore/api/simulator checks
// PROFILE_ID and ACCOUNT_ID against it and seeds stores that point at it.
// Keeping the data here means neither simulator imports the other.
//
// Everything here is invented. No value is a real Salesforce ID, key or
// token.
package demoorg

import "sfstore/api/salesforce"

// The demo org and its signed-in admin.
var (
	OrgID15  = "00D5g000004XyZ1"
	OrgID    = salesforce.ID18(OrgID15)           // "00D5g000004XyZ1EAK"
	UserID   = salesforce.ID18("0055g00000AbCdE") // "0055g00000AbCdEAAV"
	Username = "admin@acme-demo.example.com"
	Name     = "Ada Admin"
	Email    = "ada.admin@acme-demo.example.com"
)

// Domain is the org's My Domain, the SALESFORCE_DOMAIN of the demo's
// seeded stores. sfsim listens on loopback instead: the demo points the
// Salesforce login URL at sfsim and keeps this domain for the store.
const Domain = "acme-demo.my.salesforce.com"

// The connected app of the demo's seeded stores: CLIENT_ID and
// CLIENT_SECRET. sfsim accepts any client ID and secret unless its Options
// name one, so a reconnect signs in with these as with any other.
const (
	ClientID     = "3MVG9DEMO0acme0demo0sfstore0connected0app0consumer0key"
	ClientSecret = "D3M0C0NSUMERSECRET0000000000000000000000000000000000000000000ACME"
)

// OAuth tokens of the demo's seeded stores, shaped like Salesforce's (an
// access token starts with the 15-character org ID and "!"). sfsim accepts
// the active pair as if it had issued them; it has never heard of the
// expired pair, so they fail with INVALID_SESSION_ID as a session that
// expired or was revoked does.
const (
	ActiveAccessToken   = "00D5g000004XyZ1!AQ0AQDEMOactiveSessionAcmeDemoOrg0000000000000000000000000000000001"
	ActiveRefreshToken  = "5Aep861DEMOactiveRefreshTokenAcmeDemoOrg000000000000000000000000000001"
	ExpiredAccessToken  = "00D5g000004XyZ1!AQ0AQDEMOexpiredSessionAcmeDemoOrg000000000000000000000000000000002"
	ExpiredRefreshToken = "5Aep861DEMOexpiredRefreshTokenAcmeDemoOrg00000000000000000000000000002"
)
