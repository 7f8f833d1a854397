package salesforce_test

import (
	"testing"

	"sfstore/api/demoorg"
	"sfstore/api/salesforce"
)

func TestEscapeSOQL(t *testing.T) {
	for _, tc := range []struct{ in, want, like string }{
		{"Acme", "Acme", "Acme"},
		{"O'Brien", `O\'Brien`, `O\'Brien`},
		{`say "hi"`, `say \"hi\"`, `say \"hi\"`},
		{`back\slash`, `back\\slash`, `back\\slash`},
		{`\'`, `\\\'`, `\\\'`}, // an escaped quote cannot become a closing one
		{"50% off", "50% off", `50\% off`},
		{"a_b", "a_b", `a\_b`},
		{"line\nbreak", `line\nbreak`, `line\nbreak`},
		{"cr\rtab\t", `cr\rtab\t`, `cr\rtab\t`},
		{"bell\bform\f", `bell\bform\f`, `bell\bform\f`},
		{"' OR Name LIKE '%", `\' OR Name LIKE \'%`, `\' OR Name LIKE \'\%`},
		{"Zürich", "Zürich", "Zürich"},
	} {
		if got := salesforce.EscapeSOQL(tc.in); got != tc.want {
			t.Errorf("EscapeSOQL(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := salesforce.EscapeSOQLLike(tc.in); got != tc.like {
			t.Errorf("EscapeSOQLLike(%q) = %q, want %q", tc.in, got, tc.like)
		}
	}
}

func TestValidID(t *testing.T) {
	for _, tc := range []struct {
		id, prefix string
		ok         bool
	}{
		{"00e5g000004Xq2bAAC", salesforce.ProfilePrefix, true},
		{"00e5g000004Xq2b", salesforce.ProfilePrefix, true},
		{"0015g00000N8xQzAAJ", salesforce.AccountPrefix, true},
		{"0015g00000N8xQzaaj", salesforce.AccountPrefix, true}, // checksum letters in either case
		{"0015g00000N8xQzAAJ", "", true},
		{"00E5g000004Xq2bAAC", salesforce.ProfilePrefix, false}, // 00E is a role: the prefix is case-sensitive
		{"0015g00000N8xQzAAJ", salesforce.ProfilePrefix, false},
		{"00e5g000004xq2bAAC", salesforce.ProfilePrefix, false}, // case changed: checksum no longer matches
		{"00e5g000004Xq2bAAD", salesforce.ProfilePrefix, false},
		{"00e5g000004Xq2", salesforce.ProfilePrefix, false},
		{"00e5g000004Xq2bA", salesforce.ProfilePrefix, false},
		{"00e5g000004Xq2-", salesforce.ProfilePrefix, false},
		{"00e5g000004Xq2ü", salesforce.ProfilePrefix, false},
		{"", salesforce.ProfilePrefix, false},
		{"fds", salesforce.ProfilePrefix, false},
	} {
		if err := salesforce.ValidID(tc.id, tc.prefix); (err == nil) != tc.ok {
			t.Errorf("ValidID(%q, %q) = %v, want ok=%v", tc.id, tc.prefix, err, tc.ok)
		}
	}
}

func TestDemoIDsAreValid(t *testing.T) {
	for _, p := range demoorg.Profiles {
		if err := salesforce.ValidID(p.ID, salesforce.ProfilePrefix); err != nil {
			t.Errorf("%s: %v", p.ID, err)
		}
	}
	for _, a := range demoorg.Accounts {
		if err := salesforce.ValidID(a.ID, salesforce.AccountPrefix); err != nil {
			t.Errorf("%s: %v", a.ID, err)
		}
	}
	if err := salesforce.ValidID(demoorg.OrgID, salesforce.OrgPrefix); err != nil {
		t.Errorf("demoorg.OrgID %s: %v", demoorg.OrgID, err)
	}
	if err := salesforce.ValidID(demoorg.UserID, "005"); err != nil {
		t.Errorf("demoorg.UserID %s: %v", demoorg.UserID, err)
	}
}
