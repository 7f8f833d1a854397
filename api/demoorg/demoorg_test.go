package demoorg_test

import (
	"strconv"
	"strings"
	"testing"
	"unicode"

	"sfstore/api/demoorg"
	"sfstore/api/salesforce"
)

// referenceID18 is an independent implementation of the checksum, written
// the way Salesforce describes it: per chunk, reverse it, write 1 for each
// upper-case letter and 0 otherwise, read that as a binary number, and look
// it up in A-Z then 0-5.
func referenceID18(id15 string) string {
	out := id15
	for c := 0; c < 15; c += 5 {
		var bin strings.Builder
		chunk := []rune(id15[c : c+5])
		for i := len(chunk) - 1; i >= 0; i-- {
			if unicode.IsUpper(chunk[i]) {
				bin.WriteByte('1')
			} else {
				bin.WriteByte('0')
			}
		}
		n, _ := strconv.ParseUint(bin.String(), 2, 8)
		if n < 26 {
			out += string(rune('A' + n))
		} else {
			out += string(rune('0' + n - 26))
		}
	}
	return out
}

func TestID18KnownPairs(t *testing.T) {
	tests := []struct{ id15, want string }{
		{"001A000000q7nV2", "001A000000q7nV2IAI"},
		{"00D000000000062", "00D000000000062EAA"}, // the example of Salesforce's own docs
		{"000000000000000", "000000000000000AAA"},
		{"ZZZZZZZZZZZZZZZ", "ZZZZZZZZZZZZZZZ555"},
		{"aBcDeFgHiJkLmNo", "aBcDeFgHiJkLmNoKVK"}, // chunks: B+D=2+8=10 K, F+H+J=1+4+16=21 V, L+N=10 K,
	}
	for _, tt := range tests {
		if got := salesforce.ID18(tt.id15); got != tt.want {
			t.Errorf("ID18(%q) = %q, want %q", tt.id15, got, tt.want)
		}
		if ref := referenceID18(tt.id15); ref != tt.want {
			t.Errorf("reference(%q) = %q, want %q: the table is wrong", tt.id15, ref, tt.want)
		}
	}
}

func TestID18LeavesOtherLengthsAlone(t *testing.T) {
	for _, id := range []string{"", "001", "001A000000q7nV2IAI"} {
		if got := salesforce.ID18(id); got != id {
			t.Errorf("ID18(%q) = %q, want it unchanged", id, got)
		}
	}
}

func TestDemoIDsHaveTheirPrefixAndAValidChecksum(t *testing.T) {
	check := func(kind, id, prefix string) {
		if len(id) != 18 || !strings.HasPrefix(id, prefix) {
			t.Errorf("%s ID %q: want 18 characters starting with %q", kind, id, prefix)
			return
		}
		if got := referenceID18(id[:15]); got != id || salesforce.ID18(id[:15]) != id {
			t.Errorf("%s ID %q: checksum should give %q", kind, id, got)
		}
	}
	for _, p := range demoorg.Profiles {
		check("profile "+p.Name, p.ID, "00e")
	}
	for _, a := range demoorg.Accounts {
		check("account "+a.Name, a.ID, "001")
	}
	if len(demoorg.Profiles) != 4 || len(demoorg.Accounts) != 3 {
		t.Errorf("%d profiles and %d accounts, want 4 and 3", len(demoorg.Profiles), len(demoorg.Accounts))
	}
}

func TestDemoProfilesIncludeTheCommunityProfiles(t *testing.T) {
	want := map[string]string{
		"Standard User": "", "System Administrator": "",
		"Customer Community User": "Customer Community", "Partner Community User": "Partner Community",
	}
	for _, p := range demoorg.Profiles {
		lic, ok := want[p.Name]
		if !ok || (lic != "" && p.License != lic) || p.License == "" {
			t.Errorf("unexpected profile %+v", p)
		}
		delete(want, p.Name)
	}
	if len(want) > 0 {
		t.Errorf("missing profiles: %v", want)
	}
}

func TestOrgAndUserIDsAreValidSalesforceIDs(t *testing.T) {
	if err := salesforce.ValidID(demoorg.OrgID, salesforce.OrgPrefix); err != nil || demoorg.OrgID != "00D5g000004XyZ1EAK" {
		t.Errorf("OrgID %s: %v", demoorg.OrgID, err)
	}
	if err := salesforce.ValidID(demoorg.UserID, "005"); err != nil || demoorg.UserID != "0055g00000AbCdEAAV" {
		t.Errorf("UserID %s: %v", demoorg.UserID, err)
	}
}

func TestFindProfileAndAccountTakeBothIDForms(t *testing.T) {
	p := demoorg.Profiles[2]
	for _, id := range []string{p.ID, p.ID[:15], p.ID[:15] + "aak"} {
		if got, ok := demoorg.FindProfile(id); !ok || got != p {
			t.Errorf("FindProfile(%q) = %+v, %v", id, got, ok)
		}
	}
	a := demoorg.Accounts[1]
	if got, ok := demoorg.FindAccount(a.ID[:15]); !ok || got != a {
		t.Errorf("FindAccount(%q) = %+v, %v", a.ID[:15], got, ok)
	}
	// The 15-character form is case-sensitive, an 18-character one's
	// checksum must fit; a profile ID is not an account.
	for _, id := range []string{strings.ToUpper(p.ID[:15]), p.ID[:15] + "AAA", "fds", "", a.ID} {
		if _, ok := demoorg.FindProfile(id); ok {
			t.Errorf("FindProfile(%q) found a profile", id)
		}
	}
}

// An 18-character ID keeps its letter case in its checksum, so it names
// the same record in any case, as salesforce.CanonicalID reads it.
func TestFindProfileTakesAn18CharacterIDInAnyCase(t *testing.T) {
	p := demoorg.Profiles[2]
	for _, id := range []string{strings.ToUpper(p.ID), strings.ToLower(p.ID)} {
		if got, ok := demoorg.FindProfile(id); !ok || got != p {
			t.Errorf("FindProfile(%q) = %+v, %v; want %s", id, got, ok, p.ID)
		}
	}
	a := demoorg.Accounts[0]
	if got, ok := demoorg.FindAccount(strings.ToUpper(a.ID)); !ok || got != a {
		t.Errorf("FindAccount(%q) = %+v, %v", strings.ToUpper(a.ID), got, ok)
	}
}

func TestSeedTokensLookLikeTheOrgsOwn(t *testing.T) {
	for _, tok := range []string{demoorg.ActiveAccessToken, demoorg.ExpiredAccessToken} {
		if !strings.HasPrefix(tok, demoorg.OrgID15+"!") {
			t.Errorf("access token %q does not start with the org ID and '!'", tok)
		}
	}
	if demoorg.ActiveAccessToken == demoorg.ExpiredAccessToken || demoorg.ActiveRefreshToken == demoorg.ExpiredRefreshToken {
		t.Error("the active and expired tokens must differ")
	}
	if !strings.HasSuffix(demoorg.Domain, ".my.salesforce.com") {
		t.Errorf("Domain %q is not a My Domain", demoorg.Domain)
	}
}
