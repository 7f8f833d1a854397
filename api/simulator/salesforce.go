package simulator

import "sfstore/api/salesforce"

// Profile is a Salesforce user profile of the demo org.
type Profile struct {
	ID      string // 18-character Salesforce ID, prefix "00e"
	Name    string
	License string // the user license the profile belongs to
}

// Account is a business account of the demo org.
type Account struct {
	ID   string // 18-character Salesforce ID, prefix "001"
	Name string
}

// DemoProfiles are the profiles of the Salesforce org the simulator plays.
// A store whose PROFILE_ID matches none of them is rejected.
var DemoProfiles = []Profile{
	{ID: "00e5g000004Xq2bAAC", Name: "Standard User", License: "Salesforce"},
	{ID: "00e5g000004Xq2cAAC", Name: "System Administrator", License: "Salesforce"},
	{ID: "00e5g000004YcMnAAK", Name: "Customer Community User", License: "Customer Community"},
	{ID: "00e5g000004YcPrAAK", Name: "Partner Community User", License: "Partner Community"},
}

// DemoAccounts are the business accounts of the demo org.
// A store whose ACCOUNT_ID matches none of them is rejected.
var DemoAccounts = []Account{
	{ID: "0015g00000N8xQzAAJ", Name: "Acme Corporation"},
	{ID: "0015g00000N8xRaAAJ", Name: "Globex Industries"},
	{ID: "0015g00000PLk3TAAT", Name: "Initech Holdings"},
}

// SalesforceID18 returns the case-insensitive 18-character form of a
// 15-character Salesforce ID; see salesforce.ID18, which it is.
func SalesforceID18(id15 string) string { return salesforce.ID18(id15) }
