package cards

import (
	"fmt"
	"strings"
	"testing"

	"sfstore/ui/settings/settingstest"
)

// The three-line card a short screen gets: the headline, the name and
// status, and the whole ID, boxed or not, within the width, no secret.
func TestRenderStoreShortFitsThreeLinesAndTheWholeID(t *testing.T) {
	a := settingstest.Filled()
	store := storeFromRequest(a.Request())
	store.Status = "INACTIVE"
	store.Name = "A name far too long for forty columns \x1b[2J of a screen"
	for _, plain := range []bool{false, true} {
		for _, width := range []int{40, 80} {
			st := testStyles(a.Secrets()...)
			st.Plain = plain
			card := RenderStoreShort(st, store, width, true, false)
			name := fmt.Sprintf("store-short-%d", width)
			if plain {
				name += "-plain"
			}
			requireGolden(t, name, card)
			requireNoSecrets(t, card, a.Secrets()...)
			requireFits(t, card, width)
			lines := strings.Split(card, "\n")
			// Boxed, a border above and below, and at 40 columns the ID
			// on a line of its own.
			if most := map[bool]int{false: 6, true: 3}[plain]; len(lines) > most {
				t.Errorf("%s: %d lines, want at most %d:\n%s", name, len(lines), most, card)
			}
			if !strings.Contains(card, "✓ Salesforce store created  DEMO") || !strings.Contains(card, store.ID) || strings.Contains(card, "\x1b[2J") {
				t.Errorf("%s:\n%s", name, card)
			}
		}
	}
	if card := RenderStoreShort(testStyles(), store, 80, false, true); !strings.Contains(card, "✓ Salesforce store updated") || strings.Contains(card, "DEMO") {
		t.Errorf("an update's short card:\n%s", card)
	}
}
