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

// At 40×12 the fifteen writes and the question did not fit: the title and
// the first writes scrolled away. The list now takes the rows the title
// and the question leave: whole when it fits, the mappings on one line
// when that fits, else the lines that fit and how many more, and in one
// row the writes named by kind.
func TestTheWritesToConfirmFitAShortScreen(t *testing.T) {
	ws := fifteenWrites()
	if got := writeLines(ws, 0); len(got) != 15 {
		t.Errorf("rows unknown: %d lines, want one a write", len(got))
	}
	if got := writeLines(ws, 24-1-confirmRows(80)); len(got) != 15 {
		t.Errorf("80×24: %d lines, want one a write (they fit)", len(got))
	}
	got := writeLines(ws, 7)
	want := "4–12. POST   Create 9 mappings: Username, Email, FirstName, LastName, Alias, TimeZoneSidKey, LocaleSidKey, EmailEncodingKey, LanguageLocaleKey"
	if len(got) != 7 || got[3] != want || !strings.HasPrefix(got[0], " 1. POST") || !strings.HasPrefix(got[6], "15. POST") {
		t.Errorf("7 rows:\n%s", strings.Join(got, "\n"))
	}
	got = writeLines(ws, 4)
	if len(got) != 4 || got[2] != ws3(ws) || got[3] != "… 12 more writes (--dry-run lists each)" {
		t.Errorf("4 rows:\n%s", strings.Join(got, "\n"))
	}
	got = writeLines(ws, 1) // 40×12: the title takes two rows, the question nine
	if len(got) != 1 || got[0] != "15 writes: create directory store, create plan, create rule, 9 mappings, activate rule, activate plan, publish revision" {
		t.Errorf("1 row:\n%s", strings.Join(got, "\n"))
	}
}

// ws3 is the third write's line.
func ws3(ws []provision.WriteView) string { return " 3. POST   " + ws[2].What }
