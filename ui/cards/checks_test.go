package cards

import (
	"strings"
	"testing"
)

// diagnosisLines are a store's diagnosis with a line of each status, a
// long command and PingOne text that carries escapes and a secret.
func diagnosisLines() []CheckLine {
	return []CheckLine{
		{Check: "Worker role", Status: Pass, Evidence: "the worker app reads the store, the plans, the rules and their mappings"},
		{Check: "Store enabled", Status: Fail, Evidence: "the store is INACTIVE: PingOne provisions nothing to it",
			Fix: `sfstore edit "Salesforce partner community" --active --demo`, FixIsCommand: true},
		{Check: "Sync", Status: Fail, Evidence: "FAILED: Session expired \x1b[31mor invalid (INVALID_SESSION_ID) SENTINEL-SECRET-123456",
			Fix: "give the worker app the Environment Admin role: Applications › the worker app › Roles"},
		{Check: "Published", Status: Warn, Evidence: "cannot tell: the rule 4c2e0a9b-1f3d-4e5a-8b6c-7d9e0f1a2b3c gives no updatedAt",
			Fix: "sfstore publish --demo", FixIsCommand: true},
		{Check: "Mappings", Status: Skip, Evidence: "no rule"},
	}
}

func TestRenderChecksAt80And40Columns(t *testing.T) {
	for _, width := range []int{80, 40} {
		out := RenderChecks(testStyles("SENTINEL-SECRET-123456"), "Salesforce partner community: what provisions through it", diagnosisLines(), width)
		requireGolden(t, map[int]string{80: "checks-80", 40: "checks-40"}[width], out)
		requireNoSecrets(t, out, "SENTINEL-SECRET-123456", "\x1b[31m")
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, "→ sfstore") {
				continue // a command stays whole, to be copied
			}
			if w := len([]rune(line)); w > width {
				t.Errorf("line wider than %d (%d): %q", width, w, line)
			}
		}
	}
}

func TestCheckSummarySaysWhatFailed(t *testing.T) {
	tests := []struct {
		lines []CheckLine
		want  string
	}{
		{diagnosisLines(), `2 checks fail, 1 warning: fix "Store enabled" first`},
		{[]CheckLine{{Status: Warn}, {Status: Warn}, {Status: Pass}}, "2 warnings, nothing fails."},
		{[]CheckLine{{Status: Pass}, {Status: Skip}}, "Every check passes."},
		{[]CheckLine{{Status: Fail}}, "1 check fails, 0 warnings"},
	}
	for _, tt := range tests {
		if got := CheckSummary(tt.lines); !strings.HasPrefix(got, tt.want) {
			t.Errorf("CheckSummary = %q, want %q…", got, tt.want)
		}
	}
}

// On a terminal shorter than the diagnosis, the first failure has
// scrolled away: its name and fix end the output, where they are seen.
func TestRenderChecksEndsWithTheFirstFailuresFix(t *testing.T) {
	for _, width := range []int{80, 40} {
		out := RenderChecks(testStyles(), "Salesforce partner community", diagnosisLines(), width)
		all := strings.Split(out, "\n")
		tail := strings.Join(strings.Fields(strings.Join(all[len(all)-5:], "\n")), " ")
		for _, want := range []string{`"Store enabled"`, `→ sfstore edit "Salesforce partner community" --active --demo`} {
			if !strings.Contains(tail, want) {
				t.Errorf("at %d columns the last lines lack %q:\n%s", width, want, tail)
			}
		}
	}
	out := RenderChecks(testStyles(), "h", []CheckLine{{Check: "Rule", Status: Warn, Evidence: "e", Fix: "sfstore provision", FixIsCommand: true}}, 80)
	if strings.Count(out, "→ sfstore provision") != 1 {
		t.Errorf("a warning's fix is repeated:\n%s", out)
	}
}
