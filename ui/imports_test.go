package ui

import (
	"go/build"
	"path/filepath"
	"strings"
	"testing"
)

// TestTheCreateFlowLinksNoStandIn: the simulators the demo and the tests
// use are wired where the program is put together (ui/cli), so neither
// this package nor anything it imports links them. Checked from the
// source, as `go list -deps ./ui` would show it.
func TestTheCreateFlowLinksNoStandIn(t *testing.T) {
	standIns := map[string]bool{"sfstore/api/simulator": true, "sfstore/api/salesforce/sfsim": true, "sfstore/api/demoorg": true}
	seen := map[string]bool{}
	var walk func(path string, via []string)
	walk = func(path string, via []string) {
		if seen[path] {
			return
		}
		seen[path] = true
		if standIns[path] {
			t.Errorf("sfstore/ui links the stand-in %s: %s", path, strings.Join(via, " → "))
			return
		}
		dir := filepath.Join("..", filepath.FromSlash(strings.TrimPrefix(path, "sfstore")))
		pkg, err := build.ImportDir(dir, 0)
		if err != nil {
			t.Fatalf("read %s: %v", path, err)
		}
		for _, imp := range pkg.Imports {
			if imp == "sfstore" || strings.HasPrefix(imp, "sfstore/") {
				walk(imp, append(via[:len(via):len(via)], imp))
			}
		}
	}
	walk("sfstore/ui", []string{"sfstore/ui"})
	if !seen["sfstore/api"] {
		t.Fatal("the walk did not reach sfstore/api: it reads nothing")
	}
}
