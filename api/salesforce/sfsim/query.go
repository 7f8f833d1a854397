package sfsim

import (
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"sfstore/api/demoorg"
)

var (
	profileQueryRE = regexp.MustCompile(`(?i)^\s*SELECT\s+Id\s*,\s*Name\s*,\s*UserLicense\.Name\s+FROM\s+Profile\s+ORDER\s+BY\s+Name\s*$`)
	accountQueryRE = regexp.MustCompile(`(?is)^\s*SELECT\s+Id\s*,\s*Name\s+FROM\s+Account\s+WHERE\s+Name\s+LIKE\s+'((?:[^'\\]|\\.)*)'\s+ORDER\s+BY\s+Name\s+LIMIT\s+(\d+)\s*$`)
)

func (s *Server) query(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	var records []any
	if profileQueryRE.MatchString(q) {
		profiles := slices.Clone(demoorg.Profiles)
		slices.SortStableFunc(profiles, func(a, b demoorg.Profile) int {
			return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
		})
		for _, p := range profiles {
			records = append(records, map[string]any{
				"attributes":  attributes("Profile", p.ID),
				"Id":          p.ID,
				"Name":        p.Name,
				"UserLicense": map[string]any{"attributes": map[string]string{"type": "UserLicense"}, "Name": p.License},
			})
		}
		records = s.withExtraProfiles(records)
	} else if m := accountQueryRE.FindStringSubmatch(q); m != nil {
		like, err := likeRegexp(m[1])
		if err != nil {
			restError(w, http.StatusBadRequest, "MALFORMED_QUERY", err.Error())
			return
		}
		limit, err := strconv.Atoi(m[2])
		if err != nil || limit < 1 || limit > 50000 {
			restError(w, http.StatusBadRequest, "MALFORMED_QUERY", "invalid LIMIT: "+m[2])
			return
		}
		accounts := slices.Clone(demoorg.Accounts)
		slices.SortStableFunc(accounts, func(a, b demoorg.Account) int {
			return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
		})
		for _, a := range accounts {
			if like.MatchString(a.Name) && len(records) < limit {
				records = append(records, map[string]any{"attributes": attributes("Account", a.ID), "Id": a.ID, "Name": a.Name})
			}
		}
	} else {
		restError(w, http.StatusBadRequest, "MALFORMED_QUERY", "sfsim knows only the profile and account picker queries, not: "+q)
		return
	}
	s.writeQuery(w, records)
}

func attributes(object, id string) map[string]string {
	return map[string]string{"type": object, "url": "/services/data/v62.0/sobjects/" + object + "/" + id}
}

// likeRegexp turns a SOQL LIKE pattern (the inside of the quotes) into a
// case-insensitive regexp: % is any run of characters, _ any one
// character, and the escapes \\ \' \" \n \r \t \b \f \% \_ stand for the
// character itself. Another escape is refused, as SOQL refuses it.
func likeRegexp(pattern string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString(`(?is)^`)
	rs := []rune(pattern)
	for i := 0; i < len(rs); i++ {
		switch c := rs[i]; c {
		case '%':
			b.WriteString(`.*`)
		case '_':
			b.WriteString(`.`)
		case '\\':
			if i+1 == len(rs) {
				return nil, errors.New("invalid escape at the end of a LIKE pattern")
			}
			i++
			lit, ok := map[rune]string{
				'\\': `\`, '\'': `'`, '"': `"`, '%': `%`, '_': `_`,
				'n': "\n", 'N': "\n", 'r': "\r", 'R': "\r", 't': "\t", 'T': "\t",
				'b': "\b", 'B': "\b", 'f': "\f", 'F': "\f",
			}[rs[i]]
			if !ok {
				return nil, fmt.Errorf(`invalid escape sequence \%c in a LIKE pattern`, rs[i])
			}
			b.WriteString(regexp.QuoteMeta(lit))
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString(`$`)
	return regexp.Compile(b.String())
}
