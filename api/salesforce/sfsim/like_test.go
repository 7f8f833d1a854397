package sfsim

import "testing"

func TestLikePattern(t *testing.T) {
	for _, tc := range []struct {
		pattern, name string
		match         bool
	}{
		{`%acme%`, "Acme Corporation", true},
		{`acme`, "Acme Corporation", false},
		{`%CORP%`, "Acme Corporation", true},
		{`A_me%`, "Acme Corporation", true},
		{`%50\%%`, "50% off", true},
		{`%50\%%`, "500 off", false},
		{`%a\_b%`, "a_b", true},
		{`%a\_b%`, "axb", false},
		{`%O\'Brien%`, "Mr O'Brien", true},
		{`%\\%`, `back\slash`, true},
		{`%\n%`, "two\nlines", true},
		{`%.*%`, "anything", false}, // regexp characters are literal
		{`%%`, "", true},
	} {
		re, err := likeRegexp(tc.pattern)
		if err != nil {
			t.Errorf("likeRegexp(%q): %v", tc.pattern, err)
			continue
		}
		if got := re.MatchString(tc.name); got != tc.match {
			t.Errorf("%q LIKE %q = %v, want %v", tc.name, tc.pattern, got, tc.match)
		}
	}
	for _, bad := range []string{`%a\qb%`, `trailing\`} {
		if _, err := likeRegexp(bad); err == nil {
			t.Errorf("likeRegexp(%q) accepted", bad)
		}
	}
}
