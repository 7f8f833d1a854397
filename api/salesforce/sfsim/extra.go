package sfsim

import (
	"fmt"
	"slices"
	"strings"

	"sfstore/api/salesforce"
)

// base62 are the characters of a Salesforce ID, in the order of its digits.
const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// generatedProfiles returns n profile records for Options.ExtraProfiles,
// sorted by name. Their IDs are spread over mixed-case characters (unlike
// the demo's) so that case handling is exercised too.
func generatedProfiles(n int) []any {
	out := make([]any, 0, max(n, 0))
	for i := 1; i <= n; i++ {
		id := salesforce.ID18("00e9Z" + id10(i))
		license := "Salesforce"
		if i%4 == 0 {
			license = "Customer Community"
		}
		out = append(out, map[string]any{
			"attributes":  attributes("Profile", id),
			"Id":          id,
			"Name":        fmt.Sprintf("Generated Profile %05d", i),
			"UserLicense": map[string]any{"attributes": map[string]string{"type": "UserLicense"}, "Name": license},
		})
	}
	return out
}

// id10 spreads i over ten base-62 characters.
func id10(i int) string {
	b := make([]byte, 10)
	v := uint64(i) * 2654435761 // Knuth's multiplier: neighbours look unalike
	for k := 9; k >= 0; k-- {
		b[k] = base62[v%62]
		v /= 62
	}
	return string(b)
}

// withExtraProfiles adds the generated profiles to the demo ones and puts
// all of them in name order, as ORDER BY Name does (case ignored).
func (s *Server) withExtraProfiles(records []any) []any {
	if len(s.extra) == 0 {
		return records
	}
	all := append(slices.Clip(records), s.extra...)
	slices.SortStableFunc(all, func(a, b any) int {
		return strings.Compare(strings.ToLower(recordName(a)), strings.ToLower(recordName(b)))
	})
	return all
}

func recordName(r any) string {
	m, _ := r.(map[string]any)
	name, _ := m["Name"].(string)
	return name
}
