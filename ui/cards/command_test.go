package cards

import (
	"strings"
	"testing"
)

// A command to copy stays on one line where it fits; else it breaks
// between its shell words, a quoted name whole, each line but the last
// ending in " \" so the lines pasted still run as one command.
func TestWrapCommandBreaksBetweenShellWordsWithContinuations(t *testing.T) {
	cmd := `sfstore reconnect "Salesforce partner community" --demo`
	if got := WrapCommand(cmd, "    ", 80); len(got) != 1 || got[0] != "    "+cmd {
		t.Errorf("at 80 columns: %q", got)
	}
	got := WrapCommand(cmd, "    ", 40)
	want := []string{`    sfstore reconnect \`, `      "Salesforce partner community" \`, `      --demo`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("at 40 columns:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, l := range got {
		if len([]rune(l)) > 40 {
			t.Errorf("a line of %d cells: %q", len([]rune(l)), l)
		}
	}
	// Joined as a shell joins continued lines, it is the command again.
	joined := strings.Join(strings.Fields(strings.ReplaceAll(strings.Join(got, "\n"), " \\\n", " ")), " ")
	if joined != cmd {
		t.Errorf("the lines join to %q", joined)
	}
	// A word longer than the line stays whole.
	long := "sfstore edit 3f6c2a1e-8b4d-4e7a-9c15-6d2e8f0a4b71-and-more-and-more"
	if got := WrapCommand(long, "    ", 30); !strings.Contains(strings.Join(got, "\n"), "3f6c2a1e-8b4d-4e7a-9c15-6d2e8f0a4b71-and-more-and-more") {
		t.Errorf("the long word was split: %q", got)
	}
}

// At 40 columns the detail card keeps to the screen: a long name wraps
// between words, the DEMO marker goes under it, and a command to copy
// breaks with continuations.
func TestRenderStoreDetailFitsFortyColumns(t *testing.T) {
	store := demoStores()[1]
	advice := Advice{Next: []Step{{Text: "Get new tokens and put them on the store:", Command: `sfstore reconnect "Salesforce partner community" --demo`}}}
	out := RenderStoreDetail(testStyles(), &store, advice, 40, storesNow, true)
	requireGolden(t, "store-show-failed-40", out)
	requireFits(t, out, 40)
	if !strings.Contains(out, "DEMO") || !strings.Contains(out, `"Salesforce partner community" \`) {
		t.Errorf("the card at 40 columns:\n%s", out)
	}
}
