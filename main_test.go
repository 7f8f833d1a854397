package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"sfstore/api/demoorg"
)

// The demo answers at once and syncs a user each 20 ms: its spinners and
// pace are for people, and the tests would only wait them out.
func init() { demoLatency, demoSyncPace, stuckGrace = 0, 20*time.Millisecond, 20*time.Second }

// sentinel secrets: none may ever show in what sfstore prints.
const (
	workerSecret = "SENTINEL-WORKER-SECRET-41d7c2"
	clientSecret = "SENTINEL-CLIENT-SECRET-7f3a9c"
)

type result struct {
	code        int
	out, errOut string
}

func runMain(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errOut, func(k string) string { return env[k] })
	r := result{code, out.String(), errOut.String()}
	if strings.Contains(r.out+r.errOut, "SENTINEL") {
		t.Errorf("sfstore %s printed a secret:\n%s\n%s", strings.Join(args, " "), r.out, r.errOut)
	}
	return r
}

// demoEnv supplies every secret of a demo create through the environment.
func demoEnv() map[string]string {
	return map[string]string{
		"PINGONE_CLIENT_SECRET":    workerSecret,
		"SALESFORCE_CLIENT_SECRET": clientSecret,
		"SALESFORCE_ACCESS_TOKEN":  demoorg.ActiveAccessToken,
		"SALESFORCE_REFRESH_TOKEN": demoorg.ActiveRefreshToken,
	}
}

var demoCreate = []string{"--demo", "--no-input", "--name", "From main", "--salesforce-domain", "acme.my.salesforce.com", "--client-id", "3MVG9main"}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		code int
		want string // in stdout or stderr
	}{
		{"help", nil, []string{"--help"}, 0, "Examples:"},
		{"help of a command", nil, []string{"help", "doctor"}, 0, "sfstore doctor [STORE] [flags]"},
		{"command help", nil, []string{"doctor", "--help"}, 0, "Check, in order, everything"},
		{"version flag", nil, []string{"--version"}, 0, "sfstore "},
		{"version command", nil, []string{"version"}, 0, "sfstore "},
		{"bad flag", nil, []string{"--bogus"}, 2, "unknown flag: --bogus; see sfstore --help"},
		{"stray argument", nil, []string{"stray"}, 2, `unexpected argument "stray"`},
		{"bad region", nil, []string{"--no-input", "--region", "US"}, 2, "--region"},
		{"plain http off the machine", nil, []string{"--no-input", "--api-url", "http://192.0.2.2:8080"}, 2, "use https://"},
		{"plain http to a Salesforce login", nil, []string{"--no-input", "--salesforce-login-url", "http://192.0.2.2"}, 2, "--salesforce-login-url: use https://"},
		{"plain http from the environment", map[string]string{"PINGONE_AUTH_URL": "http://192.0.2.2"}, []string{"--no-input"}, 2, "PINGONE_AUTH_URL: use https://"},
		{"missing answers", nil, []string{"--demo", "--no-input"}, 2, "supply it with --name"},
		{"a secret as a flag", nil, []string{"--client-secret", "x"}, 2, "unknown flag"},
		{"communities without a profile", demoEnv(), append(demoCreate, "--communities", "--account-id", "0015g00000N8xQzAAJ"), 2, "Profile ID: required with Communities on"},
		{"created", demoEnv(), append(demoCreate, "--json"), 0, `"id":`},
		{"refused by PingOne", demoEnv(), append(demoCreate, "--profile-id", "00e5g000004ZZZZ"), 1, "PingOne did not create the store"},
		{"doctor", nil, []string{"doctor", "--demo"}, 0, "✓"},
		{"secrets list", nil, []string{"secrets", "list", "--demo"}, 0, "saved no secrets"},
		{"completion", nil, []string{"completion", "bash"}, 0, "bash completion"},
		{"completion of an unknown shell", nil, []string{"completion", "tcsh"}, 2, `unknown shell "tcsh"`},
		{"help of an unknown command", nil, []string{"help", "nosuch"}, 2, `unknown help topic "nosuch"`},
		{"help of a subcommand", nil, []string{"help", "secrets", "forget"}, 0, "sfstore secrets forget [flags]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runMain(t, tt.env, tt.args...)
			if r.code != tt.code || !strings.Contains(r.out+r.errOut, tt.want) {
				t.Fatalf("sfstore %s: exit %d, want %d with %q\nstdout:\n%s\nstderr:\n%s",
					strings.Join(tt.args, " "), r.code, tt.code, tt.want, r.out, r.errOut)
			}
		})
	}
}

func TestAnErrorPrintedByMainIsInert(t *testing.T) {
	var stderr bytes.Buffer
	exitCode(errors.New("salesforce refused: \x1b]0;PWNED\x07\x1b[2Jevil"), nil, &stderr)
	if strings.ContainsAny(stderr.String(), "\x1b\x07") || !strings.Contains(stderr.String(), "evil") {
		t.Fatalf("stderr = %q", stderr.String())
	}
}

func TestCreatedStoreIsJSONOnStdoutWithSecretsMasked(t *testing.T) {
	r := runMain(t, demoEnv(), append(demoCreate, "--json")...)
	var store struct {
		ID            string            `json:"id"`
		Configuration map[string]string `json:"configuration"`
	}
	if err := json.Unmarshal([]byte(strings.TrimSpace(r.out)), &store); err != nil && !strings.Contains(err.Error(), "cannot unmarshal bool") {
		t.Fatalf("stdout is not one JSON store: %v\n%s", err, r.out)
	}
	if store.ID == "" || !strings.HasPrefix(store.Configuration["CLIENT_SECRET"], "••••") {
		t.Fatalf("store = %+v", store)
	}
}

// lockedBuffer is a buffer a run writes while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
