package simulator

import "testing"

func TestPELValueReadsTheDocumentedForm(t *testing.T) {
	u := demoUser("1f2e3d4c-0009-4a5b-8c6d-7e8f9a0b1c2d", DemoPopulationEveryoneID, "jo.doe", "Jo", "Doe")
	tests := map[string]string{
		`'America/Los_Angeles'`: "America/Los_Angeles",
		`"UTF-8"`:               "UTF-8",
		`'O''Neil'`:             "O'Neil",
		`#string.substring(user.name.given, 0, 1) + #string.substring(user.name.family, 0, 4)`: "JDoe",
		`user.name.family + ', ' + user.name.given`:                                            "Doe, Jo",
		`user.email`: "jo.doe@acme-demo.example.com",
	}
	for expr, want := range tests {
		if got, err := pelValue(expr, &u); err != nil || got != want {
			t.Errorf("pelValue(%q) = %q, %v; want %q", expr, got, err, want)
		}
		if got := evaluate(expr, u); got != want {
			t.Errorf("evaluate(%q) = %q, want %q", expr, got, want)
		}
		if err := checkExpression(expr); err != nil {
			t.Errorf("checkExpression(%q) = %v", expr, err)
		}
	}
	for _, bad := range []string{`user.nope`, `#string.substring(user.email, a, 2)`, `'a'b'`, `#string.lower(user.email)`} {
		if _, err := pelValue(bad, &u); err == nil {
			t.Errorf("pelValue(%q) took it", bad)
		}
	}
	if got := evaluate("${user.name.given.substring(0,1)}", u); got != "J" {
		t.Errorf("the ${…} subset no longer works: %q", got)
	}
}
