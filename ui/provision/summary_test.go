package provision

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/chain"
)

// One synced user reads "1 user synced", not "1 users".
func TestTheSummaryCountsOneUserInTheSingular(t *testing.T) {
	f := newFake(t, "ACTIVE")
	f.syncUsers = 1
	r := provisionRun(t, context.Background(), f, wait2m(), false)
	if code := exitCodeOf(r.e); code != ExitSynced || !strings.Contains(r.out, "Provisioning works: 1 user synced to Salesforce") {
		t.Errorf("exit %d (%v)\n%s", code, r.e, r.out)
	}
}

// A scripted run logs each new figure once: the summary does not print
// the watch's last line again.
func TestAScriptedWatchLogsItsLastLineOnce(t *testing.T) {
	f := newFake(t, "ACTIVE")
	r := provisionRun(t, context.Background(), f, wait2m(), false)
	if code := exitCodeOf(r.e); code != ExitSynced {
		t.Fatalf("exit %d (%v)\n%s", code, r.e, r.err)
	}
	lines := strings.Split(strings.TrimSpace(r.err), "\n")
	last := strings.TrimSpace(lines[len(lines)-1])
	if !strings.Contains(last, "synced 3 of 3") || strings.Count(r.err, last) != 1 {
		t.Errorf("the watch's last line %q shows %d times:\n%s", last, strings.Count(r.err, last), r.err)
	}
}

// A rule scope naming a population ID is longer than the summary's
// columns leave at 80: it goes on its own line rather than being cut
// in the middle of the ID by the terminal.
func TestTheSummaryFitsItsWidth(t *testing.T) {
	r := &Result{Rule: &ruleJSON{ID: "r", PopulationExpression: `population.id eq "b3e1d7a9-52c8-4f06-8d1e-7a9c3b5f2e64"`, Active: true},
		Created: []ref{{What: stepPlan, ID: "50d1dfaf-cd9b-4f6b-9922-bc9a62fb1270"}}}
	out := r.summary(80, false)
	for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("%d columns: %q", w, l)
		}
	}
	if !strings.Contains(out, "  plan             created  50d1dfaf") || !strings.Contains(out, "\n    population.id eq \"b3e1d7a9-52c8-4f06-8d1e-7a9c3b5f2e64\"\n") {
		t.Errorf("summary:\n%s", out)
	}
}

// In the demo, every text output says DEMO: the summary, and a dry run's
// list of writes too; --json stays one clean document.
func TestProvisionInTheDemoSaysDEMO(t *testing.T) {
	demo := func(o *ui.Options) { o.Demo = true }
	for _, dry := range []bool{false, true} {
		for _, asJSON := range []bool{false, true} {
			o := wait2m()
			o.DryRun = dry
			r := provisionRunWith(t, context.Background(), newFake(t, "ACTIVE"), o, asJSON, demo)
			if r.e != nil || strings.Contains(r.out, "DEMO") == asJSON {
				t.Errorf("dry run %v, JSON %v: %v\n%s", dry, asJSON, r.e, r.out)
			}
		}
	}
}

// A store with no profile ID needs a ProfileId mapping: a script is told
// the flag that adds it (an expression: --map-expr, quoted so the shell
// keeps the literal's quotes; --map would read '00e…' as an attribute),
// the review the row to add, with no flag it cannot take.
func TestAMissingProfileIdSaysHowToAddIt(t *testing.T) {
	rows := []Row{{Target: "Username", Source: "email"}, {Target: "Email", Source: "email"}, {Target: "LastName", Source: "name.family"},
		{Target: "Alias", Source: "username"}, {Target: "TimeZoneSidKey", Expression: "'UTC'"}, {Target: "LocaleSidKey", Expression: "'en_US'"},
		{Target: "EmailEncodingKey", Expression: "'UTF-8'"}, {Target: "LanguageLocaleKey", Expression: "'en_US'"}}
	cfg := api.SalesforceConfiguration{}
	for flags, want := range map[bool]string{
		true:  `no mapping sets ProfileId, which Salesforce needs to create a user (--map-expr "ProfileId='00e…'")`,
		false: `no mapping sets ProfileId, which Salesforce needs to create a user (add ProfileId ← the expression '00e…')`,
	} {
		fails, _ := rowsProblems(rows, cfg, chain.Targets{}, flags)
		if !slices.Contains(fails, want) {
			t.Errorf("flags %v: %q, want %q among them", flags, fails, want)
		}
	}
}

// At 40 columns the rule scope breaks between its words, and the quoted
// population ID stays whole on a line of its own.
func TestTheSummaryFitsFortyColumns(t *testing.T) {
	r := &Result{Rule: &ruleJSON{ID: "r", PopulationExpression: `population.id eq "b3e1d7a9-52c8-4f06-8d1e-7a9c3b5f2e64"`, Active: true}}
	out := r.summary(40, false)
	for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if w := ansi.StringWidth(l); w > 40 {
			t.Errorf("%d columns: %q", w, l)
		}
	}
	if !strings.Contains(out, "\n    population.id eq\n  \"b3e1d7a9-52c8-4f06-8d1e-7a9c3b5f2e64\"\n") {
		t.Errorf("summary:\n%s", out)
	}
}
