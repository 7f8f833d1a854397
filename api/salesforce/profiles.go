package salesforce

import "fmt"

// ProfileOptions says how ListProfiles reads and orders the profiles.
type ProfileOptions struct {
	// CommunitiesFirst puts the community profiles (see Profile.Community)
	// first, each group still by name: ENABLE_COMMUNITIES needs a customer
	// or partner profile.
	CommunitiesFirst bool
	// Progress, when set, is called after each page with the profiles read
	// so far and the total the org has (Salesforce's totalSize), for a
	// "read 4,000 of 10,000" under a spinner. It runs on the goroutine that
	// called ListProfiles, between requests: keep it quick.
	Progress func(read, total int)
	// Max is how many profiles to keep at most; 0 means MaxProfiles.
	Max int
}

// ProfileList is what ListProfiles read.
type ProfileList struct {
	Profiles []Profile
	// Total is how many profiles the org has, as Salesforce counted them
	// (totalSize); at least len(Profiles).
	Total int
	// Truncated is set when ListProfiles stopped at ProfileOptions.Max
	// before Salesforce's last page: Profiles holds the first ones by name.
	Truncated bool
}

// Note says in one plain sentence how many profiles were kept of how many
// when the list was cut, e.g. "Showing the first 50000 of 61234 profiles
// (by name); type the profile ID if yours is not listed.", and "" when the
// list is whole.
func (l *ProfileList) Note() string {
	if !l.Truncated {
		return ""
	}
	if l.Total > len(l.Profiles) {
		return fmt.Sprintf("Showing the first %d of %d profiles (by name); type the profile ID if yours is not listed.", len(l.Profiles), l.Total)
	}
	return fmt.Sprintf("Showing the first %d profiles (by name); Salesforce has more: type the profile ID if yours is not listed.", len(l.Profiles))
}
