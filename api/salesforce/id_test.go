package salesforce_test

import (
	"strings"
	"testing"

	"sfstore/api/salesforce"
)

// Known 15 → 18 conversions from outside this package: the examples of
// Salesforce's REST API guide and a public test set for the algorithm
// (codegolf.stackexchange.com/questions/69127), plus the demo org's IDs.
var id18Vectors = map[string]string{
	"001D000000IRFma": "001D000000IRFmaIAH", // REST API guide, Account
	"003RO0000035WQg": "003RO0000035WQgYAM", // REST API guide, Contact
	"01gD0000002HU6K": "01gD0000002HU6KIAW", // REST API guide, query locator
	"a01M00000062mPg": "a01M00000062mPgIAI",
	"001M000000qfPyS": "001M000000qfPySIAU",
	"a0FE000000D6r3F": "a0FE000000D6r3FMAR",
	"0F9E000000092w2": "0F9E000000092w2KAA",
	"aaaaaaaaaaaaaaa": "aaaaaaaaaaaaaaaAAA",
	"AbCdEfGhIjKlMnO": "AbCdEfGhIjKlMnOVKV",
	"aBcDEfgHIJKLMNO": "aBcDEfgHIJKLMNO025",
	"00e5g000004Xq2b": "00e5g000004Xq2bAAC",
	"0015g00000N8xQz": "0015g00000N8xQzAAJ",
}

func TestID18MatchesKnownConversions(t *testing.T) {
	for in, want := range id18Vectors {
		if got := salesforce.ID18(in); got != want {
			t.Errorf("ID18(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCanonicalIDRestoresTheCaseOfAn18CharacterID(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		changed  bool
	}{
		// The finding: an upper-cased profile ID, e.g. from a spreadsheet.
		{"00E5G000004XQ2BAAC", "00e5g000004Xq2bAAC", true},
		{"00e5g000004xq2baac", "00e5g000004Xq2bAAC", true},
		{"00E5g000004xQ2BaAc", "00e5g000004Xq2bAAC", true},
		{"00e5g000004Xq2bAAC", "00e5g000004Xq2bAAC", false},
		{"00e5g000004Xq2baac", "00e5g000004Xq2bAAC", true}, // only the checksum's case
		{"001D000000IRFMAIAH", "001D000000IRFmaIAH", true},
		{"003ro0000035wqgyam", "003RO0000035WQgYAM", true},
		{"A0FE000000D6R3FMAR", "a0FE000000D6r3FMAR", true},
		{"abcdefghijklmno025", "aBcDEfgHIJKLMNO025", true},
		{"ABCDEFGHIJKLMNOVKV", "AbCdEfGhIjKlMnOVKV", true},
		{"0F9E000000092W2KAA", "0F9E000000092w2KAA", true},
		// 15 characters: case-sensitive, nothing to restore from.
		{"00e5g000004Xq2b", "00e5g000004Xq2b", false},
		{"00E5G000004XQ2B", "00E5G000004XQ2B", false},
	} {
		got, changed, err := salesforce.CanonicalID(tc.in)
		if err != nil || got != tc.want || changed != tc.changed {
			t.Errorf("CanonicalID(%q) = %q, %v, %v; want %q, %v", tc.in, got, changed, err, tc.want, tc.changed)
		}
	}
}

func TestCanonicalIDRefusesWhatIsNotAnID(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"00e5g000004Xq2bAAD", "checksum"},           // D marks the digit 4 as upper case
		{"0015g00000N8xQzAA9", "checksum"},           // 9 is no checksum character
		{"00e5g000004Xq2bBAC", "checksum"},           // B marks the digit 0 as upper case
		{"0015G00000N8XQZBAJ", "checksum"},           // B marks the digit 0 as upper case
		{"00e5g000004Xq2bAA", "15 or 18 characters"}, // 17
		{"00e5g000004Xq2", "15 or 18 characters"},
		{"", "empty"},
		{"00e5g000004Xq2-", "character 15"},
		{"00e5g000004Xq2bAAü", "character 18"},
		{"00D5g000004XyZ1!AQsecretpart", "character 16"}, // a token pasted by mistake
	} {
		got, _, err := salesforce.CanonicalID(tc.in)
		if err == nil || got != "" || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("CanonicalID(%q) = %q, %v; want an error about %q", tc.in, got, err, tc.want)
			continue
		}
		if len(tc.in) > 3 && strings.Contains(err.Error(), tc.in[3:]) {
			t.Errorf("CanonicalID(%q) error repeats the input: %v", tc.in, err)
		}
	}
}

func TestCheckIDChecksThePrefixOfTheRestoredID(t *testing.T) {
	role18 := salesforce.ID18("00E5g000004Xq2b") // a real user role: 00E5g000004Xq2bEAC
	for _, tc := range []struct {
		id, prefix, want string
		errHas           string // "" = valid
	}{
		{"00E5G000004XQ2BAAC", salesforce.ProfilePrefix, "00e5g000004Xq2bAAC", ""},
		{"00e5g000004xq2baac", salesforce.ProfilePrefix, "00e5g000004Xq2bAAC", ""},
		{"00e5g000004Xq2b", salesforce.ProfilePrefix, "00e5g000004Xq2b", ""},
		{"0015G00000N8XQZAAJ", salesforce.AccountPrefix, "0015g00000N8xQzAAJ", ""},
		{"0015g00000N8xQzaaj", salesforce.AccountPrefix, "0015g00000N8xQzAAJ", ""},
		{"0015g00000N8xQzAAJ", "", "0015g00000N8xQzAAJ", ""},
		// A true role stays a role in any case: its checksum says 00E.
		{role18, salesforce.ProfilePrefix, "", "user role"},
		{strings.ToLower(role18), salesforce.ProfilePrefix, "", "user role"},
		{strings.ToUpper(role18), salesforce.ProfilePrefix, "", "user role"},
		// A 15-character ID cannot be told apart: say so.
		{"00E5g000004Xq2b", salesforce.ProfilePrefix, "", "18-character"},
		{"0015g00000N8xQzAAJ", salesforce.ProfilePrefix, "", "account"},
		{"00e5g000004Xq2bAAC", salesforce.AccountPrefix, "", "an account ID starts with 001"},
		{"a01M00000062mPgIAI", salesforce.AccountPrefix, "", "starts with a01"},
		{"00e5g000004Xq2bAAD", salesforce.ProfilePrefix, "", "checksum"},
	} {
		got, err := salesforce.CheckID(tc.id, tc.prefix)
		switch {
		case tc.errHas == "" && (err != nil || got != tc.want):
			t.Errorf("CheckID(%q, %q) = %q, %v; want %q", tc.id, tc.prefix, got, err, tc.want)
		case tc.errHas != "" && (err == nil || !strings.Contains(err.Error(), tc.errHas)):
			t.Errorf("CheckID(%q, %q) = %q, %v; want an error about %q", tc.id, tc.prefix, got, err, tc.errHas)
		}
		if (err == nil) != (salesforce.ValidID(tc.id, tc.prefix) == nil) {
			t.Errorf("ValidID(%q, %q) disagrees with CheckID", tc.id, tc.prefix)
		}
	}
}
