package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sfstore/api/simulator"
)

// TestAProfileAsANewUserWouldSaveIt runs sfstore as its own process with
// an empty home and no keyring: the profile lands in $XDG_CONFIG_HOME,
// and --profile alone then reaches the PingOne stand-in on loopback.
func TestAProfileAsANewUserWouldSaveIt(t *testing.T) {
	sim, err := simulator.Start(simulator.DemoOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer sim.Close()
	home := t.TempDir()
	config := filepath.Join(home, "config")
	env := []string{"HOME=" + home, "XDG_CONFIG_HOME=" + config, "DBUS_SESSION_BUS_ADDRESS=", "XDG_RUNTIME_DIR=" + t.TempDir(),
		"PINGONE_CLIENT_SECRET=" + workerSecret}
	code, out, errOut := runChild(t, env, "profile", "add", "acme", "--no-input", "--api-url", sim.URL(), "--auth-url", sim.URL(),
		"--worker-environment-id", simulator.DemoEnvironmentID, "--worker-client-id", "6a4e7e1c-5d0f-4f3e-9a51-2b8f0c7d9e10")
	if code != 0 || !strings.Contains(out, "Saved profile acme") {
		t.Fatalf("profile add: exit %d\n%s\n%s", code, out, errOut)
	}
	raw, err := os.ReadFile(filepath.Join(config, "sfstore", "config.toml"))
	if err != nil || !strings.Contains(string(raw), "[profiles.acme]") || strings.Contains(string(raw), "SENTINEL") {
		t.Fatalf("the config file: %v\n%s", err, raw)
	}
	// No keyring here, so the secret comes from the environment again.
	code, out, errOut = runChild(t, env, "--profile", "acme", "list")
	if code != 0 || !strings.Contains(out, simulator.DemoStoreProductionName) || strings.Contains(out+errOut, "SENTINEL") {
		t.Fatalf("--profile acme list: exit %d\n%s\n%s", code, out, errOut)
	}
	code, _, errOut = runChild(t, env, "--profile", "nope", "list")
	if code != 2 || !strings.Contains(errOut, `no profile "nope": the profiles are acme`) {
		t.Fatalf("an unknown profile: exit %d\n%s", code, errOut)
	}
}
