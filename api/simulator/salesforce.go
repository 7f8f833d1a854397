package simulator

import "sfstore/api/demoorg"

// Profile is a Salesforce user profile of the demo org.
//
// Deprecated: use demoorg.Profile; the demo org's data moved to package
// demoorg so the two simulators share it without importing each other.
type Profile = demoorg.Profile

// Account is a business account of the demo org.
//
// Deprecated: use demoorg.Account.
type Account = demoorg.Account

// DemoProfiles are the profiles of the demo org.
//
// Deprecated: use demoorg.Profiles.
var DemoProfiles = demoorg.Profiles

// DemoAccounts are the business accounts of the demo org.
//
// Deprecated: use demoorg.Accounts.
var DemoAccounts = demoorg.Accounts
