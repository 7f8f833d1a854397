package simulator

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

// checksumAlphabet maps a 5-bit case mask to one checksum character.
const checksumAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"

// SalesforceID18 returns the case-insensitive 18-character form of a
// 15-character Salesforce ID: the ID followed by three checksum characters.
// For each 5-character chunk, bit i is set when character i is an upper-case
// letter A-Z, and the 5-bit value indexes checksumAlphabet.
// Input that is not 15 characters long is returned unchanged.
func SalesforceID18(id15 string) string {
	if len(id15) != 15 {
		return id15
	}
	suffix := make([]byte, 0, 3)
	for chunk := 0; chunk < 3; chunk++ {
		bits := 0
		for i := 0; i < 5; i++ {
			if c := id15[chunk*5+i]; c >= 'A' && c <= 'Z' {
				bits |= 1 << i
			}
		}
		suffix = append(suffix, checksumAlphabet[bits])
	}
	return id15 + string(suffix)
}
