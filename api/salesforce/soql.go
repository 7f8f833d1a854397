package salesforce

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

const (
	// maxQueryPages is how many pages (of up to 2,000 records) a query
	// follows through nextRecordsUrl before it stops.
	maxQueryPages = 5
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

// EscapeSOQL escapes s for use inside a single-quoted SOQL string literal:
// backslash, single and double quote, newline, carriage return, tab,
// backspace (\b) and form feed (\f) become their backslash escapes. It
// does not escape % and _, which only LIKE treats specially (and SOQL
// refuses \% and \_ outside LIKE): use EscapeSOQLLike for LIKE patterns.
// Other characters, other control characters included, are kept as they
// are: inside the quotes they cannot end the literal.
func EscapeSOQL(s string) string {
	return soqlEscaper.Replace(s)
}

// EscapeSOQLLike escapes s like EscapeSOQL and also escapes the LIKE
// wildcards % and _ (as \% and \_), so s matches only itself inside a LIKE
// pattern.
func EscapeSOQLLike(s string) string {
	return soqlLikeEscaper.Replace(s)
}

var soqlEscapes = []string{
	`\`, `\\`,
	`'`, `\'`,
	`"`, `\"`,
	"\n", `\n`,
	"\r", `\r`,
	"\t", `\t`,
	"\b", `\b`,
	"\f", `\f`,
}

var (
	soqlEscaper     = strings.NewReplacer(soqlEscapes...)
	soqlLikeEscaper = strings.NewReplacer(append(slices.Clone(soqlEscapes), `%`, `\%`, `_`, `\_`)...)
)

// ProfileQuery is the SOQL Profiles runs.
const ProfileQuery = "SELECT Id, Name, UserLicense.Name FROM Profile ORDER BY Name"

// Profiles lists the org's profiles by name. With communitiesFirst, the
// community ones (see Profile.Community) come first, each group still by
// name: ENABLE_COMMUNITIES needs a customer or partner profile.
//
// hc nil means a client with a 30 second timeout. A 401 matches
// ErrTokenRejected.
func Profiles(ctx context.Context, hc *http.Client, instanceURL, token string, communitiesFirst bool) ([]Profile, error) {
	type record struct {
		ID          string `json:"Id"`
		Name        string `json:"Name"`
		UserLicense *struct {
			Name string `json:"Name"`
		} `json:"UserLicense"`
	}
	recs, err := query[record](ctx, hc, instanceURL, token, ProfileQuery)
	if err != nil {
		return nil, err
	}
	out := make([]Profile, 0, len(recs))
	for _, r := range recs {
		p := Profile{ID: r.ID, Name: r.Name}
		if r.UserLicense != nil {
			p.License = r.UserLicense.Name
		}
		out = append(out, p)
	}
	if communitiesFirst {
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
	return out, nil
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
	recs, err := query[record](ctx, hc, instanceURL, token, AccountQuery(name, limit))
	if err != nil {
		return nil, err
	}
	out := make([]Account, 0, len(recs))
	for _, r := range recs {
		out = append(out, Account{ID: r.ID, Name: r.Name})
	}
	return out, nil
}

// query runs soql and follows nextRecordsUrl for at most maxQueryPages
// pages, returning the records of all of them.
func query[T any](ctx context.Context, hc *http.Client, instanceURL, token, soql string) ([]T, error) {
	base, err := baseURL(instanceURL, "instance url")
	if err != nil {
		return nil, err
	}
	if token == "" {
		return nil, errors.New("salesforce access token is required")
	}
	next := "/services/data/" + APIVersion + "/query?q=" + url.QueryEscape(soql)
	var out []T
	for page := 0; page < maxQueryPages && next != ""; page++ {
		// nextRecordsUrl is a path on the same instance; anything else
		// would send the token elsewhere.
		if !strings.HasPrefix(next, "/services/data/") {
			return nil, errors.New("salesforce sent an unexpected nextRecordsUrl (not a /services/data/ path)")
		}
		var res struct {
			Done           bool   `json:"done"`
			NextRecordsURL string `json:"nextRecordsUrl"`
			Records        []T    `json:"records"`
		}
		if err := getJSON(ctx, hc, base+next, token, &res); err != nil {
			return nil, err
		}
		out = append(out, res.Records...)
		next = ""
		if !res.Done {
			next = res.NextRecordsURL
		}
	}
	return out, nil
}
