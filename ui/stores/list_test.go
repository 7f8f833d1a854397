package stores

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sfstore/api"
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
	defer func(n int) { jsonInMemory = n }(jsonInMemory)
	jsonInMemory = 4 << 10
	t.Setenv("TMPDIR", t.TempDir())
	for _, n := range []int{0, 1, 3, 200} {
		var all []api.Store
		var l jsonList
		for i := range n {
			st := api.Store{ID: fmt.Sprintf("id-%d", i), Type: api.StoreTypeSalesforce, Name: "store \"" + strings.Repeat("x", i) + "\"",
				Configuration: api.SalesforceConfiguration{ClientSecret: "secret-value-" + fmt.Sprint(i), CreateUsers: true}}
			if err := l.add(st); err != nil {
				t.Fatal(err)
			}
			if err := l.add(api.Store{ID: "other", Type: "Workday"}); err != nil {
				t.Fatal(err)
			}
			all = append(all, st.Masked())
		}
		if all == nil {
			all = []api.Store{}
		}
		if n == 200 && l.spill == nil {
			t.Fatal("200 stores were not spilled")
		}
		var out chunkWriter
		if err := l.writeTo(&out); err != nil {
			t.Fatal(err)
		}
		want, _ := json.MarshalIndent(all, "", "  ")
		got := strings.Join(out.writes, "")
		if got != string(want)+"\n" {
			t.Fatalf("%d stores:\n%s\nwant\n%s", n, got, want)
		}
		if strings.Contains(got, "secret-value") {
			t.Errorf("%d stores: a secret in clear", n)
		}
		for _, w := range out.writes[:max(len(out.writes)-1, 0)] {
			if !strings.HasSuffix(w, "  },\n") && !strings.HasSuffix(w, "\n  }") {
				t.Fatalf("%d stores: a write ends inside a store: %q", n, w[max(len(w)-20, 0):])
			}
		}
		if left, _ := filepath.Glob(filepath.Join(os.Getenv("TMPDIR"), "*")); len(left) != 0 {
			t.Errorf("%d stores: left behind %v", n, left)
		}
		var v []api.Store
		if err := json.NewDecoder(bytes.NewReader([]byte(got))).Decode(&v); err != nil || len(v) != n {
			t.Errorf("%d stores: %v", n, err)
		}
	}
}
