package salesforce_test

import (
	"testing"

	"sfstore/api/demoorg"
	"sfstore/api/salesforce"
)

func TestEscapeSOQLLike(t *testing.T) {
	for _, tc := range []struct{ in, like string }{
		{"Acme", "Acme"},
		{"O'Brien", `O\'Brien`},
		{`say "hi"`, `say \"hi\"`},
		{`back\slash`, `back\\slash`},
		{`\'`, `\\\'`}, // an escaped quote cannot become a closing one
		{"50% off", `50\% off`},
		{"a_b", `a\_b`},
		{"line\nbreak", `line\nbreak`},
		{"cr\rtab\t", `cr\rtab\t`},
		{"bell\bform\f", `bell\bform\f`},
		{"' OR Name LIKE '%", `\' OR Name LIKE \'\%`},
		{"Zürich", "Zürich"},
	} {
		if got := salesforce.EscapeSOQLLike(tc.in); got != tc.like {
			t.Errorf("EscapeSOQLLike(%q) = %q, want %q", tc.in, got, tc.like)
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
