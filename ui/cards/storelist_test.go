package cards

import (
	"strings"
	"testing"

	"sfstore/api/simulator"
)

// A demo's list says DEMO, beside its heading or after its empty message;
// a real one does not, and its lines are RenderStoreList's.
func TestWriteStoreListMarksTheDemo(t *testing.T) {
	for _, stores := range [][]int{nil, {0, 1}} {
		all := demoStores()[:len(stores)]
		var demo, real strings.Builder
		if err := WriteStoreList(&demo, testStyles(), simulator.DemoEnvironmentID, all, 80, storesNow, true); err != nil {
			t.Fatal(err)
		}
		if err := WriteStoreList(&real, testStyles(), simulator.DemoEnvironmentID, all, 80, storesNow, false); err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(demo.String(), "\n")
		if len(all) == 0 {
			first = demo.String()
		}
		if !strings.Contains(first, "DEMO") || strings.Contains(real.String(), "DEMO") {
			t.Errorf("%d stores: demo %q, real %q", len(all), first, real.String())
		}
		if real.String() != RenderStoreList(testStyles(), simulator.DemoEnvironmentID, all, 80, storesNow)+"\n" {
			t.Errorf("%d stores: the written list is not the rendered one", len(all))
		}
	}
}
