package salesforce

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

const (
	// MaxProfiles is how many profiles ListProfiles keeps unless told
	// otherwise: far more than a picker can usefully show, and a bound on
	// what a broken or hostile server can make sfstore hold (25 pages).
	MaxProfiles = 50000
	// DefaultAccountLimit is SearchAccounts' limit when given 0 or less.
	DefaultAccountLimit = 20
	// MaxAccountLimit caps SearchAccounts' limit.
	MaxAccountLimit = 200
)

// Profile is a Salesforce user profile, for PROFILE_ID.
type Profile struct {
	ID      string // 18 characters, prefix "00e"
	Name    string // e.g. "Customer Community User"
	License string // UserLicense.Name, e.g. "Customer Community"; "" when Salesforce gave none
}

// Community reports whether the profile's license is a community (Experience
// Cloud) one: its name contains "Community", "Partner" or "Customer".
func (p Profile) Community() bool {
	l := strings.ToLower(p.License)
	return strings.Contains(l, "community") || strings.Contains(l, "partner") || strings.Contains(l, "customer")
}

// Account is a Salesforce business account, for ACCOUNT_ID.
type Account struct {
	ID   string // 18 characters, prefix "001"
	Name string
}

// EscapeSOQLLike escapes s for use inside a single-quoted SOQL LIKE
// pattern, so that s matches only itself: backslash, single and double
// quote, newline, carriage return, tab, backspace (\b) and form feed (\f)
// become their backslash escapes, and so do the wildcards % and _ (\% and
// \_, which SOQL accepts only inside LIKE). Other characters, other control
// characters included, are kept as they are: inside the quotes they cannot
// end the literal.
func EscapeSOQLLike(s string) string {
	return soqlLikeEscaper.Replace(s)
}

var soqlLikeEscaper = strings.NewReplacer(
	`\`, `\\`,
	`'`, `\'`,
	`"`, `\"`,
	"\n", `\n`,
	"\r", `\r`,
	"\t", `\t`,
	"\b", `\b`,
	"\f", `\f`,
	`%`, `\%`,
	`_`, `\_`,
)

// ProfileQuery is the SOQL ListProfiles runs.
const ProfileQuery = "SELECT Id, Name, UserLicense.Name FROM Profile ORDER BY Name"

// profileRecord is one record of ProfileQuery.
type profileRecord struct {
	ID          string `json:"Id"`
	Name        string `json:"Name"`
	UserLicense *struct {
		Name string `json:"Name"`
	} `json:"UserLicense"`
}

// ListProfiles lists the org's profiles by name, reading every page of the
// query (Salesforce sends at most 2,000 records a page) up to opts.Max. The
// result says how many the org has and whether some were left out.
//
// hc nil means a client with a 30 second timeout. A 401 matches
// ErrTokenRejected.
func ListProfiles(ctx context.Context, hc *http.Client, instanceURL, token string, opts ProfileOptions) (*ProfileList, error) {
	limit := opts.Max
	if limit <= 0 {
		limit = MaxProfiles
	}
	res, err := queryAll[profileRecord](ctx, hc, instanceURL, token, ProfileQuery, limit, opts.Progress)
	if err != nil {
		return nil, err
	}
	out := make([]Profile, 0, len(res.records))
	for _, r := range res.records {
		p := Profile{ID: r.ID, Name: r.Name}
		if r.UserLicense != nil {
			p.License = r.UserLicense.Name
		}
		out = append(out, p)
	}
	if opts.CommunitiesFirst {
		slices.SortStableFunc(out, func(a, b Profile) int {
			switch {
			case a.Community() == b.Community():
				return 0
			case a.Community():
				return -1
			}
			return 1
		})
	}
	return &ProfileList{Profiles: out, Total: res.total, Truncated: res.truncated}, nil
}

// AccountQuery returns the SOQL SearchAccounts runs for name and limit:
// SELECT Id, Name FROM Account WHERE Name LIKE '%<name>%' ORDER BY Name
// LIMIT <limit>, with name escaped by EscapeSOQLLike.
func AccountQuery(name string, limit int) string {
	return "SELECT Id, Name FROM Account WHERE Name LIKE '%" + EscapeSOQLLike(name) +
		"%' ORDER BY Name LIMIT " + strconv.Itoa(limit)
}

// SearchAccounts lists the accounts whose name contains name (case does not
// matter; "" lists all), by name, at most limit of them (0 or less means
// DefaultAccountLimit, capped at MaxAccountLimit).
//
// It cannot tell business from person accounts (IsPersonAccount exists only
// in orgs with person accounts), and PingOne links business accounts only.
func SearchAccounts(ctx context.Context, hc *http.Client, instanceURL, token, name string, limit int) ([]Account, error) {
	if limit <= 0 {
		limit = DefaultAccountLimit
	}
	limit = min(limit, MaxAccountLimit)
	type record struct {
		ID   string `json:"Id"`
		Name string `json:"Name"`
	}
	// LIMIT keeps the answer to one page; more pages are followed all the
	// same, up to the limit.
	res, err := queryAll[record](ctx, hc, instanceURL, token, AccountQuery(name, limit), limit, nil)
	if err != nil {
		return nil, err
	}
	out := make([]Account, 0, len(res.records))
	for _, r := range res.records {
		out = append(out, Account(r))
	}
	return out, nil
}
