package simulator_test

import (
	"strconv"
	"strings"
	"testing"
	"unicode"

	"sfstore/api/simulator"
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

func TestSalesforceID18KnownPairs(t *testing.T) {
	tests := []struct{ id15, want string }{
		{"001A000000q7nV2", "001A000000q7nV2IAI"},
		{"00D000000000062", "00D000000000062EAA"}, // the example of Salesforce's own docs
		{"000000000000000", "000000000000000AAA"},
		{"ZZZZZZZZZZZZZZZ", "ZZZZZZZZZZZZZZZ555"},
		{"aBcDeFgHiJkLmNo", "aBcDeFgHiJkLmNoKVK"}, // chunks: B+D=2+8=10 K, F+H+J=1+4+16=21 V, L+N=10 K,
	}
	for _, tt := range tests {
		if got := simulator.SalesforceID18(tt.id15); got != tt.want {
			t.Errorf("SalesforceID18(%q) = %q, want %q", tt.id15, got, tt.want)
		}
		if ref := referenceID18(tt.id15); ref != tt.want {
			t.Errorf("reference(%q) = %q, want %q: the table is wrong", tt.id15, ref, tt.want)
		}
	}
}

func TestSalesforceID18LeavesOtherLengthsAlone(t *testing.T) {
	for _, id := range []string{"", "001", "001A000000q7nV2IAI"} {
		if got := simulator.SalesforceID18(id); got != id {
			t.Errorf("SalesforceID18(%q) = %q, want it unchanged", id, got)
		}
	}
}

func TestDemoIDsHaveTheirPrefixAndAValidChecksum(t *testing.T) {
	check := func(kind, id, prefix string) {
		if len(id) != 18 || !strings.HasPrefix(id, prefix) {
			t.Errorf("%s ID %q: want 18 characters starting with %q", kind, id, prefix)
			return
		}
		if got := referenceID18(id[:15]); got != id || simulator.SalesforceID18(id[:15]) != id {
			t.Errorf("%s ID %q: checksum should give %q", kind, id, got)
		}
	}
	for _, p := range simulator.DemoProfiles {
		check("profile "+p.Name, p.ID, "00e")
	}
	for _, a := range simulator.DemoAccounts {
		check("account "+a.Name, a.ID, "001")
	}
	if len(simulator.DemoProfiles) != 4 || len(simulator.DemoAccounts) != 3 {
		t.Errorf("%d profiles and %d accounts, want 4 and 3", len(simulator.DemoProfiles), len(simulator.DemoAccounts))
	}
}

func TestDemoProfilesIncludeTheCommunityProfiles(t *testing.T) {
	want := map[string]string{
		"Standard User": "", "System Administrator": "",
		"Customer Community User": "Customer Community", "Partner Community User": "Partner Community",
	}
	for _, p := range simulator.DemoProfiles {
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
