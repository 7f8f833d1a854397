package api_test

import (
	"context"
	"testing"

	"sfstore/api"
)

// BenchmarkEachStore10000InPagesOf100 lists 10,000 stores of about 1.2 KB
// in pages of 100 from a local server, each decoded whole, as `show` and
// the other lookups by name read the store they find.
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
// and the lookups by name read it.
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

// BenchmarkEachStoreJSON10000InPagesOf100 is the same list as
// `sfstore list --json` writes it: each store masked and indented.
func BenchmarkEachStoreJSON10000InPagesOf100(b *testing.B) {
	h, _ := pagedStores(10000, 100)
	c := setup(b, h)
	out := make([]byte, 0, 64<<10)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := c.EachStoreJSON(context.Background(), testEnvID, func(s api.StoreJSON) error {
			out = s.AppendMaskedIndentJSON(out[:0], "  ", "  ")
			n++
			return nil
		})
		if err != nil || n != 10000 {
			b.Fatal(n, err)
		}
	}
}
