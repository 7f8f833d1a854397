package main

import (
	"strings"
	"testing"
)

// TestStoreCommandsInTheDemo runs each store command against the demo, as
// the README's "When provisioning stops" section tells a support engineer
// to try them, and checks its exit code.
func TestStoreCommandsInTheDemo(t *testing.T) {
	const failed, healthy = "Salesforce partner community", "Salesforce production"
	tests := []struct {
		name string
		args []string
		code int
		want string // in stdout or stderr
	}{
		{"list", []string{"list", "--demo"}, 0, "✗ FAILED"},
		{"show", []string{"show", failed, "--demo"}, 0, `sfstore reconnect "Salesforce partner community"`},
		{"show json", []string{"show", "--demo", "--json", "9d4b7e20-1c5a-4f3e-8a62-b7e1d9c0f5a3"}, 0, `"diagnosis"`},
		{"test failed", []string{"test", failed, "--demo"}, 1, "The connection test failed"},
		{"test failed suggests a demo command", []string{"test", failed, "--demo"}, 1, `sfstore reconnect "Salesforce partner community" --demo`},
		{"test healthy", []string{"test", healthy, "--demo"}, 0, "PingOne connected to Salesforce"},
		{"reconnect needs tokens", []string{"reconnect", failed, "--demo", "--no-input"}, 2, "SALESFORCE_ACCESS_TOKEN"},
		{"reconnect", []string{"reconnect", failed, "--demo", "--no-input", "--salesforce-login", "--publish"}, 0, "Salesforce store updated"},
		{"edit", []string{"edit", healthy, "--demo", "--no-input", "--description", "From main"}, 0, "→ From main"},
		{"delete needs yes", []string{"delete", healthy, "--demo", "--no-input"}, 2, "--yes"},
		{"delete", []string{"delete", healthy, "--demo", "--no-input", "--yes"}, 0, "Deleted the store"},
		{"publish", []string{"publish", "--demo"}, 0, "Revision created"},
		{"no such store", []string{"show", "nope", "--demo"}, 1, "No such store"},
		{"no such store suggests a demo command", []string{"show", "nope", "--demo"}, 1, "`sfstore list --demo` shows"},
		{"two names", []string{"show", "a", "b", "--demo"}, 2, "quote a name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runMain(t, nil, tt.args...)
			if r.code != tt.code || !strings.Contains(r.out+r.errOut, tt.want) {
				t.Fatalf("sfstore %s: exit %d, want %d with %q\nstdout:\n%s\nstderr:\n%s",
					strings.Join(tt.args, " "), r.code, tt.code, tt.want, r.out, r.errOut)
			}
		})
	}
}
