package demoorg

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

// Profiles are the profiles of the demo org. The PingOne simulator rejects
// a store whose PROFILE_ID matches none of them.
var Profiles = []Profile{
	{ID: "00e5g000004Xq2bAAC", Name: "Standard User", License: "Salesforce"},
	{ID: "00e5g000004Xq2cAAC", Name: "System Administrator", License: "Salesforce"},
	{ID: "00e5g000004YcMnAAK", Name: "Customer Community User", License: "Customer Community"},
	{ID: "00e5g000004YcPrAAK", Name: "Partner Community User", License: "Partner Community"},
}

// Accounts are the business accounts of the demo org. The PingOne
// simulator rejects a store whose ACCOUNT_ID matches none of them.
var Accounts = []Account{
	{ID: "0015g00000N8xQzAAJ", Name: "Acme Corporation"},
	{ID: "0015g00000N8xRaAAJ", Name: "Globex Industries"},
	{ID: "0015g00000PLk3TAAT", Name: "Initech Holdings"},
}

// FindProfile returns the profile whose ID is id, in its 15- or
// 18-character form.
func FindProfile(id string) (Profile, bool) {
	for _, p := range Profiles {
		if sameID(id, p.ID) {
			return p, true
		}
	}
	return Profile{}, false
}

// FindAccount returns the account whose ID is id, in its 15- or
// 18-character form.
func FindAccount(id string) (Account, bool) {
	for _, a := range Accounts {
		if sameID(id, a.ID) {
			return a, true
		}
	}
	return Account{}, false
}

// sameID reports whether given is known, an ID as Salesforce gives it out,
// in either form. salesforce.CanonicalID is the one reading of an ID: a
// 15-character one is case-sensitive, and an 18-character one has the case
// of its first fifteen restored from its checksum, which must fit.
func sameID(given, known string) bool {
	c, _, err := salesforce.CanonicalID(given)
	return err == nil && c[:15] == known[:15]
}
