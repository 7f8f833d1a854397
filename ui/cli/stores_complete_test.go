package cli_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"sfstore/secrets"
	"sfstore/ui/cli"
)

func TestStoreNamesCompleteFromTheDemoWithoutTheKeyring(t *testing.T) {
	noKeyring := cli.Deps{Keyring: func() *secrets.Keyring {
		t.Error("completion opened the keyring")
		return nil
	}}
	out, _, err := runCLI(t, noKeyring, nil, "__complete", "show", "--demo", "Salesforce p")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Salesforce production\t3f6c2a1e", "Salesforce partner community\t9d4b7e20", ":4"} {
		if !strings.Contains(out, want) {
			t.Errorf("completions lack %q:\n%s", want, out)
		}
	}
	// Without a sign-in in the flags or the environment: nothing, at once.
	start := time.Now()
	out, _, err = runCLI(t, noKeyring, nil, "__complete", "reconnect", "")
	if err != nil || strings.Contains(out, "Salesforce") || time.Since(start) > 2*time.Second {
		t.Errorf("completion without a sign-in = %q, %v after %s", out, err, time.Since(start))
	}
}

func TestEveryStoreCommandHasHelpWithExamples(t *testing.T) {
	for _, cmd := range []string{"list", "show", "test", "reconnect", "edit", "delete", "publish"} {
		out, _, err := runCLI(t, cli.Deps{}, nil, cmd, "--help")
		if err != nil || !strings.Contains(out, "Examples:") || !strings.Contains(out, "sfstore "+cmd) {
			t.Errorf("sfstore %s --help = %v:\n%s", cmd, err, out)
		}
	}
}

// In the demo, --json keeps stdout parseable and says DEMO on stderr.
func TestDemoJSONIsMarkedOnStderr(t *testing.T) {
	out, errOut, err := runCLI(t, cli.Deps{}, nil, "list", "--demo", "--json")
	var stores []map[string]any
	if err != nil || json.Unmarshal([]byte(out), &stores) != nil || len(stores) == 0 {
		t.Fatalf("list --demo --json: %v\n%s", err, out)
	}
	if !strings.Contains(errOut, "DEMO  JSON from the demo") {
		t.Errorf("stderr:\n%s", errOut)
	}
}
