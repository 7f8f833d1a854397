package stores

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"sfstore/api"
	"sfstore/ui/cards"
)

// chunkWriter records each write, to check that none cuts a store.
type chunkWriter struct{ writes []string }

func (c *chunkWriter) Write(p []byte) (int, error) {
	c.writes = append(c.writes, string(p))
	return len(p), nil
}

// list --json's output is WriteJSON's, however many stores, spilled to a
// file or not, and the file is gone after.
func TestListJSONIsLaidOutAsWriteJSONLaysOutTheArray(t *testing.T) {
	defer func(n int) { spoolInMemory = n }(spoolInMemory)
	spoolInMemory = 4 << 10
	t.Setenv("TMPDIR", t.TempDir())
	for _, n := range []int{0, 1, 3, 200} {
		var all []api.Store
		var out spool
		for i := range n {
			st := api.Store{ID: fmt.Sprintf("id-%d", i), Type: api.StoreTypeSalesforce, Name: "store \"" + strings.Repeat("x", i) + "\"",
				Configuration: api.SalesforceConfiguration{ClientSecret: "secret-value-" + fmt.Sprint(i), CreateUsers: true}}
			if err := addJSON(&out, i, st.Masked().AppendIndentJSON); err != nil {
				t.Fatal(err)
			}
			all = append(all, st.Masked())
		}
		if err := closeJSON(&out, n); err != nil {
			t.Fatal(err)
		}
		if all == nil {
			all = []api.Store{}
		}
		if n == 200 && out.spill == nil {
			t.Fatal("200 stores were not spilled")
		}
		got := written(t, &out)
		want, _ := json.MarshalIndent(all, "", "  ")
		if got != string(want)+"\n" {
			t.Fatalf("%d stores:\n%s\nwant\n%s", n, got, want)
		}
		if strings.Contains(got, "secret-value") {
			t.Errorf("%d stores: a secret in clear", n)
		}
		var v []api.Store
		if err := json.NewDecoder(bytes.NewReader([]byte(got))).Decode(&v); err != nil || len(v) != n {
			t.Errorf("%d stores: %v", n, err)
		}
	}
}

// The table drawn row by row through a spool is RenderStoreList's.
func TestListTableDrawnRowByRowIsTheRenderedList(t *testing.T) {
	defer func(n int) { spoolInMemory = n }(spoolInMemory)
	spoolInMemory = 2 << 10
	t.Setenv("TMPDIR", t.TempDir())
	now := time.Date(2026, 12, 7, 1, 0, 0, 0, time.UTC)
	var stores []api.Store
	var out spool
	rows := cards.NewStoreRows(cards.Styles{}, 80, now)
	for i := range 300 {
		st := api.Store{ID: fmt.Sprintf("id-%d", i), Type: api.StoreTypeSalesforce, Name: fmt.Sprintf("store %d", i), Status: api.StatusActive,
			SyncStatus: &api.SyncStatus{SyncState: api.SyncStateSyncing, FailedCount: i % 3, LastSyncAt: now.Add(-time.Duration(i) * time.Minute).Format(time.RFC3339)}}
		stores = append(stores, st)
		if err := out.write([]byte(rows.Row(st))); err != nil {
			t.Fatal(err)
		}
	}
	if out.spill == nil {
		t.Fatal("300 rows were not spilled")
	}
	got := cards.StoreListHeading(cards.Styles{}, "env", len(stores), 80, false) + written(t, &out)
	if want := cards.RenderStoreList(cards.Styles{}, "env", stores, 80, now) + "\n"; got != want {
		t.Errorf("drawn row by row:\n%s\nrendered:\n%s", got, want)
	}
}

// written is what out writes, checking that each write but the last ends
// a line and that the spool's file is gone after close.
func written(t *testing.T, out *spool) string {
	t.Helper()
	var w chunkWriter
	if err := out.writeTo(&w); err != nil {
		t.Fatal(err)
	}
	name := ""
	if out.spill != nil {
		name = out.spill.Name()
	}
	out.close()
	for _, c := range w.writes[:max(len(w.writes)-1, 0)] {
		if !strings.HasSuffix(c, "\n") && !strings.HasSuffix(c, "  }") {
			t.Fatalf("a write ends inside a line: %q", c[max(len(c)-20, 0):])
		}
	}
	if name != "" {
		if _, err := os.Stat(name); !os.IsNotExist(err) {
			t.Errorf("the spool's file is still there: %v", err)
		}
	}
	return strings.Join(w.writes, "")
}
