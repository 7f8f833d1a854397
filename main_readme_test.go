package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestTheREADMEsScriptedExampleWorksAsWritten runs the README's scripted
// example: its exports become the environment and its sfstore command line
// the arguments (what follows "go run ." up to the pipe to jq).
func TestTheREADMEsScriptedExampleWorksAsWritten(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(readme), "<!-- scripted-example")
	if !ok {
		t.Fatal("README.md has no scripted-example block")
	}
	_, block, _ = strings.Cut(block, "```sh\n")
	block, _, _ = strings.Cut(block, "```")
	var env, args []string
	for _, line := range strings.Split(block, "\n") {
		switch {
		case strings.HasPrefix(line, "export "):
			env = append(env, strings.Fields(strings.TrimPrefix(line, "export "))...)
		case strings.HasPrefix(line, "go run . "):
			cmd, _, _ := strings.Cut(strings.TrimPrefix(line, "go run . "), "|")
			args = strings.Fields(cmd)
		}
	}
	if len(args) == 0 || len(env) == 0 {
		t.Fatalf("cannot read the example:\n%s", block)
	}
	env = append(env, "HOME="+t.TempDir(), "DBUS_SESSION_BUS_ADDRESS=", "XDG_RUNTIME_DIR="+t.TempDir())
	code, out, errOut := runChild(t, env, args...)
	var store struct{ ID string }
	if code != 0 || json.Unmarshal([]byte(out), &store) != nil || store.ID == "" {
		t.Fatalf("sfstore %s: exit %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, out, errOut)
	}
}
