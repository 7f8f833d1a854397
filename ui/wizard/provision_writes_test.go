package wizard

import (
	"strings"
	"testing"

	"sfstore/ui/provision"
)

func fifteenWrites() []provision.WriteView {
	ws := []provision.WriteView{
		{Step: "directory store", Action: "create", Method: "POST", What: "Create the directory store PingOne Directory"},
		{Step: "plan", Action: "create", Method: "POST", What: "Create the plan sfstore"},
		{Step: "rule", Action: "create", Method: "POST", What: "Create the rule PingOne → Salesforce production"},
	}
	for _, t := range []string{"Username", "Email", "FirstName", "LastName", "Alias", "TimeZoneSidKey", "LocaleSidKey", "EmailEncodingKey", "LanguageLocaleKey"} {
		ws = append(ws, provision.WriteView{Step: "mapping", Action: "create", Method: "POST", What: "Create the mapping " + t + " ← email", Target: t})
	}
	return append(ws,
		provision.WriteView{Step: "rule", Action: "activate", Method: "PUT", What: "Activate the rule"},
		provision.WriteView{Step: "plan", Action: "activate", Method: "PUT", What: "Activate the plan"},
		provision.WriteView{Step: "revision", Action: "publish", Method: "POST", What: "Publish a propagation revision"})
}

// At 40×12 the fifteen writes and the question did not fit: only the
// last four writes were on screen. When they do not fit, the mappings
// share a line (and at 80×24 a create's seventeen writes fit whole).
func TestTheWritesToConfirmFitAShortScreen(t *testing.T) {
	ws := fifteenWrites()
	if got := writeLines(ws, 0); len(got) != 15 {
		t.Errorf("height unknown: %d lines, want one a write", len(got))
	}
	if got := writeLines(ws, 24); len(got) != 15 {
		t.Errorf("80×24: %d lines, want one a write (they fit)", len(got))
	}
	got := writeLines(ws, 12)
	if len(got) != 7 {
		t.Fatalf("40×12: %d lines:\n%s", len(got), strings.Join(got, "\n"))
	}
	want := "4–12. POST   Create 9 mappings: Username, Email, FirstName, LastName, Alias, TimeZoneSidKey, LocaleSidKey, EmailEncodingKey, LanguageLocaleKey"
	if got[3] != want || !strings.HasPrefix(got[0], " 1. POST") || !strings.HasPrefix(got[6], "15. POST") {
		t.Errorf("40×12:\n%s", strings.Join(got, "\n"))
	}
}
