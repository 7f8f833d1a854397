package demoorg

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

// sameID compares Salesforce IDs on their case-sensitive 15-character form:
// the 18-character suffix only encodes the case of the first 15.
func sameID(given, known string) bool {
	return (len(given) == 15 || len(given) == 18) && given[:15] == known[:15]
}
