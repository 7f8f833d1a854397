package cards

import (
	"testing"

	"sfstore/ui/settings/settingstest"
)

func BenchmarkRenderReview(b *testing.B) {
	st := testStyles()
	a := settingstest.Filled()
	for b.Loop() {
		_ = RenderReview(st, a, 80)
	}
}

func BenchmarkRenderStore(b *testing.B) {
	st := testStyles()
	s := storeFromRequest(settingstest.Filled().Request())
	for b.Loop() {
		_ = RenderStoreSummary(st, s, 80, false, false)
	}
}
