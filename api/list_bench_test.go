package api_test

import (
	"context"
	"testing"

	"sfstore/api"
)

// BenchmarkEachStore10000InPagesOf100 lists 10,000 stores of about 900
// bytes in pages of 100 from a local server, as `sfstore list` reads them.
func BenchmarkEachStore10000InPagesOf100(b *testing.B) {
	h, _ := pagedStores(10000, 100)
	c := setup(b, h)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		if err := c.EachStore(context.Background(), testEnvID, func(api.Store) error { n++; return nil }); err != nil || n != 10000 {
			b.Fatal(n, err)
		}
	}
}

// BenchmarkEachStoreSummary10000InPagesOf100 is the same list as the table
// and the lookups read it.
func BenchmarkEachStoreSummary10000InPagesOf100(b *testing.B) {
	h, _ := pagedStores(10000, 100)
	c := setup(b, h)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		if err := c.EachStoreSummary(context.Background(), testEnvID, func(api.Store) error { n++; return nil }); err != nil || n != 10000 {
			b.Fatal(n, err)
		}
	}
}
