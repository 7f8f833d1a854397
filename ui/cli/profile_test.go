package cli_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sfstore/api/simulator"
	"sfstore/secrets"
	"sfstore/ui/cli"
	"sfstore/ui/profile"
	"sfstore/ui/settings/settingstest"
)

const workerClient = "6a4e7e1c-5d0f-4f3e-9a51-2b8f0c7d9e10"

// profileWorld is a world whose config file lives in a temp config
// directory; runs pass no connection flag of their own.
type profileWorld struct {
	*world
	dir, file string
}

func newProfileWorld(t *testing.T) *profileWorld {
	w := newWorld(t, simulator.Options{})
	dir := t.TempDir()
	return &profileWorld{world: w, dir: dir, file: filepath.Join(dir, "sfstore", profile.FileName)}
}

func (w *profileWorld) run(t *testing.T, env map[string]string, args ...string) (string, string, error) {
	t.Helper()
	deps := cli.Deps{
		Keyring:    func() *secrets.Keyring { return w.kr },
		ConfigFile: func() (string, error) { return w.file, nil },
	}
	return runCLI(t, deps, env, args...)
}

// add saves profile name for the simulator's worker app, the secret from
// the environment.
func (w *profileWorld) add(t *testing.T, name string, extra ...string) {
	t.Helper()
	args := append([]string{"profile", "add", name, "--no-input", "--api-url", w.sim.URL(), "--auth-url", w.sim.URL(),
		"--worker-environment-id", simulator.DemoEnvironmentID, "--worker-client-id", workerClient}, extra...)
	out, errOut, err := w.run(t, map[string]string{"PINGONE_CLIENT_SECRET": settingstest.WorkerSecret}, args...)
	if err != nil || !strings.Contains(out, "Saved profile "+name) {
		t.Fatalf("profile add %s: %v\n%s\n%s", name, err, out, errOut)
	}
}

func TestProfileAddListShowRemove(t *testing.T) {
	w := newProfileWorld(t)
	w.add(t, "acme", "--description", "Acme production", "--default")
	w.add(t, "globex", "--environment-id", "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6")

	out, _, err := w.run(t, nil, "profile", "list")
	if err != nil || !strings.Contains(out, "* acme") || !strings.Contains(out, "Acme production") || !strings.Contains(out, "  globex") {
		t.Fatalf("list (acme is the default): %v\n%s", err, out)
	}
	out, _, err = w.run(t, map[string]string{cli.ProfileEnv: "globex"}, "profile", "list")
	if err != nil || !strings.Contains(out, "* globex") || strings.Contains(out, "* acme") {
		t.Fatalf("list with %s=globex: %v\n%s", cli.ProfileEnv, err, out)
	}
	out, _, err = w.run(t, nil, "profile", "list", "--json")
	var listed []map[string]any
	if err != nil || json.Unmarshal([]byte(out), &listed) != nil || len(listed) != 2 || listed[0]["active"] != true {
		t.Fatalf("list --json: %v\n%s", err, out)
	}

	out, _, err = w.run(t, nil, "profile", "show", "acme")
	for _, want := range []string{"Acme production", simulator.DemoEnvironmentID, workerClient, w.sim.URL(), "(the worker app's)"} {
		if err != nil || !strings.Contains(out, want) {
			t.Fatalf("show lacks %q: %v\n%s", want, err, out)
		}
	}

	// Both profiles share the worker app, so removing one keeps its secret.
	account := secrets.PingOneAccount(simulator.DemoEnvironmentID, workerClient)
	if _, errOut, err := w.run(t, nil, "profile", "remove", "acme", "--yes"); err != nil || !strings.Contains(errOut, "profile globex uses the same worker app") {
		t.Fatalf("%v\n%s", err, errOut)
	}
	if v, err := w.kr.Get(t.Context(), account); err != nil || v != settingstest.WorkerSecret {
		t.Fatalf("the shared worker secret went with the first profile: %q, %v", v, err)
	}
	if _, errOut, err := w.run(t, nil, "profile", "remove", "globex", "--yes"); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	if _, err := w.kr.Get(t.Context(), account); err == nil {
		t.Fatal("the worker secret outlived the last profile using it")
	}
	out, _, _ = w.run(t, nil, "profile", "list")
	if !strings.Contains(out, "No profiles yet") {
		t.Fatalf("list after removing both:\n%s", out)
	}
}

func TestARemoveNeedsConfirmationWithoutATerminal(t *testing.T) {
	w := newProfileWorld(t)
	w.add(t, "acme")
	_, _, err := w.run(t, nil, "profile", "remove", "acme")
	if exitCode(err) != 2 || !strings.Contains(err.Error(), "--yes") {
		t.Fatalf("remove without --yes: %v", err)
	}
	if out, _, _ := w.run(t, nil, "profile", "show", "acme"); !strings.Contains(out, "acme") {
		t.Fatal("the profile went without confirmation")
	}
}

// TestAProfileAloneConnects is the "sfstore --profile acme list":
// no connection flag and no variable, the secret from the keyring.
func TestAProfileAloneConnects(t *testing.T) {
	w := newProfileWorld(t)
	w.add(t, "acme")
	out, errOut, err := w.run(t, nil, "--profile", "acme", "list")
	if err != nil || !strings.Contains(out, healthyName) || !strings.Contains(errOut, "Using profile acme (from --profile)") {
		t.Fatalf("--profile acme list: %v\nstdout:\n%s\nstderr:\n%s", err, out, errOut)
	}
	out, _, err = w.run(t, map[string]string{cli.ProfileEnv: "acme"}, "list", "--json")
	if err != nil || !strings.Contains(out, healthyName) {
		t.Fatalf("%s=acme list: %v\n%s", cli.ProfileEnv, err, out)
	}
}

func TestFlagsAndEnvironmentWinOverTheProfile(t *testing.T) {
	w := newProfileWorld(t)
	other := "8305f20e-d0e2-4a92-aa0d-c7af0f88d2d5" // not the simulator's
	w.add(t, "acme", "--environment-id", other)
	// The profile's target environment holds none of the stores...
	out, _, err := w.run(t, nil, "--profile", "acme", "list", "--json")
	if err == nil && strings.Contains(out, healthyName) {
		t.Fatalf("the profile's environment: %v\n%s", err, out)
	}
	// ...a flag replaces it...
	out, _, err = w.run(t, nil, "--profile", "acme", "list", "--json", "--environment-id", simulator.DemoEnvironmentID)
	if err != nil || !strings.Contains(out, healthyName) {
		t.Fatalf("--environment-id over the profile: %v\n%s", err, out)
	}
	// ...and a variable replaces the worker app's environment: the token
	// request goes to the one it names.
	_, _, _ = w.run(t, map[string]string{"PINGONE_ENVIRONMENT_ID": other, "PINGONE_CLIENT_SECRET": settingstest.WorkerSecret}, "--profile", "acme", "list")
	if !tokenRequestedIn(w.sim, other) {
		t.Fatal("PINGONE_ENVIRONMENT_ID did not replace the profile's worker environment")
	}
	// A region given replaces the profile's endpoints too (a dry run
	// shows where the request would go, and sends nothing).
	dry := map[string]string{"PINGONE_CLIENT_SECRET": settingstest.WorkerSecret, "SALESFORCE_CLIENT_SECRET": settingstest.ClientSecret,
		"SALESFORCE_ACCESS_TOKEN": settingstest.AccessToken, "SALESFORCE_REFRESH_TOKEN": settingstest.RefreshToken}
	args := []string{"--profile", "acme", "--no-input", "--dry-run", "--from", "../../testdata/store.json"}
	out, _, err = w.run(t, dry, args...)
	if err != nil || !strings.Contains(out, "POST "+w.sim.URL()+"/v1/environments/"+other+"/") {
		t.Fatalf("dry run with the profile: %v\n%s", err, out)
	}
	dry["PINGONE_REGION_CODE"] = "EU"
	out, _, err = w.run(t, dry, args...)
	if err != nil || !strings.Contains(out, "POST https://api.pingone.eu/v1/environments/"+other+"/") {
		t.Fatalf("dry run with PINGONE_REGION_CODE=EU over the profile: %v\n%s", err, out)
	}
}

func TestAnUnknownProfileIsAUsageError(t *testing.T) {
	w := newProfileWorld(t)
	w.add(t, "acme")
	w.add(t, "globex")
	for _, tc := range []struct {
		env  map[string]string
		args []string
	}{
		{nil, []string{"--profile", "acem", "list"}},
		{map[string]string{cli.ProfileEnv: "acem"}, []string{"list"}},
		{nil, []string{"profile", "show", "acem"}},
		{nil, []string{"profile", "remove", "acem", "--yes"}},
	} {
		_, _, err := w.run(t, tc.env, tc.args...)
		if exitCode(err) != 2 || !strings.Contains(err.Error(), `"acem"`) || !strings.Contains(err.Error(), "acme, globex") {
			t.Errorf("%v %v: exit %d, %v", tc.env, tc.args, exitCode(err), err)
		}
	}
}

func TestAMalformedConfigFileNamesItsLine(t *testing.T) {
	w := newProfileWorld(t)
	if err := os.MkdirAll(filepath.Dir(w.file), 0o700); err != nil {
		t.Fatal(err)
	}
	text := "[profiles.acme]\nregion = \"EU\"\nworker-client-id = \n"
	if err := os.WriteFile(w.file, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"list"}, {"profile", "list"}, {"profile", "add", "x", "--no-input", "--region", "EU"}} {
		_, _, err := w.run(t, nil, args...)
		if exitCode(err) != 2 || !strings.Contains(err.Error(), "line 3") || !strings.Contains(err.Error(), w.file) {
			t.Errorf("%v: exit %d, %v", args, exitCode(err), err)
		}
	}
	if raw, _ := os.ReadFile(w.file); string(raw) != text {
		t.Fatalf("the malformed file was changed:\n%s", raw)
	}
}

func TestAddWithoutATerminalNamesWhatIsMissing(t *testing.T) {
	w := newProfileWorld(t)
	_, _, err := w.run(t, nil, "profile", "add", "acme", "--no-input", "--region", "EU")
	if exitCode(err) != 2 || !strings.Contains(err.Error(), "--worker-environment-id") {
		t.Fatalf("exit %d, %v", exitCode(err), err)
	}
	w.add(t, "acme")
	_, _, err = w.run(t, nil, "profile", "add", "acme", "--no-input", "--region", "EU", "--auth", "token")
	if exitCode(err) != 2 || !strings.Contains(err.Error(), "--replace") {
		t.Fatalf("a second acme: exit %d, %v", exitCode(err), err)
	}
	for _, bad := range []string{"a b", "-x", "x\x1b[2J"} {
		if _, _, err := w.run(t, nil, "profile", "add", bad, "--no-input"); exitCode(err) != 2 {
			t.Errorf("name %q: exit %d, %v", bad, exitCode(err), err)
		}
	}
}

// TestNoSecretReachesTheConfigDirectory saves profiles with every secret
// of the run set to a sentinel, then reads every file sfstore left in the
// config directory.
func TestNoSecretReachesTheConfigDirectory(t *testing.T) {
	w := newProfileWorld(t)
	env := map[string]string{
		"PINGONE_CLIENT_SECRET": settingstest.WorkerSecret, "PINGONE_API_ACCESS_TOKEN": "SENTINEL-PINGONE-TOKEN-77aa01",
		"SALESFORCE_CLIENT_SECRET": settingstest.ClientSecret, "SALESFORCE_ACCESS_TOKEN": settingstest.AccessToken,
		"SALESFORCE_REFRESH_TOKEN": settingstest.RefreshToken,
	}
	base := []string{"--no-input", "--api-url", w.sim.URL(), "--auth-url", w.sim.URL(), "--worker-environment-id", simulator.DemoEnvironmentID, "--worker-client-id", workerClient}
	if _, errOut, err := w.run(t, env, append([]string{"profile", "add", "token", "--environment-id", simulator.DemoEnvironmentID}, base...)...); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	delete(env, "PINGONE_API_ACCESS_TOKEN")
	if _, errOut, err := w.run(t, env, append([]string{"profile", "add", "worker", "--default"}, base...)...); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	if _, errOut, err := w.run(t, env, "list", "--json"); err != nil {
		t.Fatalf("list with the default profile: %v\n%s", err, errOut)
	}
	if _, _, err := w.run(t, nil, "profile", "remove", "token", "--yes"); err != nil {
		t.Fatal(err)
	}
	files := 0
	err := filepath.WalkDir(w.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(raw), settingstest.Marker) {
			t.Errorf("%s holds a secret:\n%s", path, raw)
		}
		return nil
	})
	if err != nil || files == 0 {
		t.Fatalf("walked %d files: %v", files, err)
	}
}

// tokenRequestedIn says whether a token was asked of environment env.
func tokenRequestedIn(sim *simulator.Server, env string) bool {
	for _, r := range sim.Requests() {
		if strings.HasPrefix(r.Path, "/"+env+"/as/token") {
			return true
		}
	}
	return false
}

func TestDoctorNamesTheProfile(t *testing.T) {
	w := newProfileWorld(t)
	w.add(t, "acme")
	_, errOut, _ := w.run(t, nil, "--profile", "acme", "doctor")
	if !strings.Contains(errOut, "Using profile acme (from --profile).") {
		t.Fatalf("doctor does not name the profile:\n%s", errOut)
	}
}
