package api_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sfstore/api"
)

// Values with every character a shell or JSON could trip on.
const (
	trickyName   = "it's \"quoted\" $HOME `id` \\ back\\slash & <tag> ünï\ncode"
	trickySecret = `SENTINEL-"x'y"-$(id)-` + "`z`-\\n-${PATH}-!"
)

// sentinelEnv are the variables a replayed curl command reads.
var sentinelEnv = map[string]string{
	"PINGONE_API_ACCESS_TOKEN": sentPasted,
	"SALESFORCE_CLIENT_SECRET": sentClientSecret,
	"SALESFORCE_ACCESS_TOKEN":  sentAccess,
	"SALESFORCE_REFRESH_TOKEN": trickySecret,
}

func trickyRequest(t *testing.T) *api.CreateSalesforceStoreRequest {
	req := sentinelRequest(t)
	req.Name, req.Description = trickyName, "R&D's <store>"
	req.Configuration.OAuthRefreshToken = trickySecret
	return req
}

func TestCurlHoldsNoSecretAndParses(t *testing.T) {
	c := setup(t, respond(201, `{}`))
	cmd := c.DescribeCreate(testEnvID, trickyRequest(t)).Curl(nil)
	assertNoSentinel(t, cmd)
	if strings.Contains(cmd, "SENTINEL") {
		t.Errorf("command holds a secret:\n%s", cmd)
	}
	for _, want := range []string{
		`"Authorization: Bearer $PINGONE_API_ACCESS_TOKEN"`,
		`--arg SALESFORCE_CLIENT_SECRET "$SALESFORCE_CLIENT_SECRET"`,
		`"CLIENT_SECRET": $SALESFORCE_CLIENT_SECRET`,
		`"OAUTH_REFRESH_TOKEN": $SALESFORCE_REFRESH_TOKEN`,
		`--header 'Content-Type: application/json'`,
		"--request POST",
	} {
		if !strings.Contains(cmd, want) {
			t.Errorf("command lacks %s:\n%s", want, cmd)
		}
	}
	requireBash(t)
	if out, err := exec.Command("bash", "-n", "-c", cmd).CombinedOutput(); err != nil {
		t.Errorf("bash -n: %v\n%s\n%s", err, out, cmd)
	}
}

func TestCurlSendsExactlyTheRequestBody(t *testing.T) {
	requireBash(t)
	if _, err := exec.LookPath("jq"); err != nil {
		t.Skip("jq not installed")
	}
	c := setup(t, respond(201, `{}`))
	p := c.DescribeCreate(testEnvID, trickyRequest(t))
	args, body := runCurl(t, p.Curl(nil), sentinelEnv)
	if body != string(p.Body) {
		t.Errorf("curl would send\n%q\nwant\n%q", body, p.Body)
	}
	want := []string{"--request", "POST", "--url", p.URL, "--header", "Authorization: Bearer " + sentPasted,
		"--header", "Accept: application/json", "--data-binary", "@-"}
	for _, w := range want {
		if !containsLine(args, w) {
			t.Errorf("curl args lack %q:\n%s", w, strings.Join(args, "\n"))
		}
	}
}

func TestCurlUsesTheGivenVariablesAndIgnoresUnsafeNames(t *testing.T) {
	requireBash(t)
	if _, err := exec.LookPath("jq"); err != nil {
		t.Skip("jq not installed")
	}
	c := setup(t, respond(201, `{}`))
	p := c.DescribeCreate(testEnvID, sentinelRequest(t))
	cmd := p.Curl(map[string]string{"CLIENT_SECRET": "SF_SECRET", "Authorization": "TOKEN", "OAUTH_ACCESS_TOKEN": "$(rm -rf ~)"})
	if !strings.Contains(cmd, "$SF_SECRET") || !strings.Contains(cmd, "Bearer $TOKEN") || strings.Contains(cmd, "rm -rf") {
		t.Fatalf("command:\n%s", cmd)
	}
	env := map[string]string{"SF_SECRET": sentClientSecret, "TOKEN": sentPasted,
		"SALESFORCE_ACCESS_TOKEN": sentAccess, "SALESFORCE_REFRESH_TOKEN": sentRefresh}
	if _, body := runCurl(t, cmd, env); body != string(p.Body) {
		t.Errorf("curl would send\n%s\nwant\n%s", body, p.Body)
	}
}

func TestCurlWithoutBodyOrSecrets(t *testing.T) {
	requireBash(t)
	p := api.PreparedRequest{Method: "GET", URL: "https://api.pingone.com/v1/environments?filter=name sw \"it's\"",
		Header: map[string][]string{"Accept": {"application/json"}, "Authorization": {"Bearer ••••"}}}
	args, body := runCurl(t, p.Curl(nil), map[string]string{"PINGONE_API_ACCESS_TOKEN": sentPasted})
	if body != "" || !containsLine(args, p.URL) || !containsLine(args, "Authorization: Bearer "+sentPasted) {
		t.Errorf("args %q body %q", args, body)
	}
	q := api.PreparedRequest{Method: "POST", URL: "https://x/v1/y", Header: map[string][]string{}, Body: []byte(`{"a":"it's"}`)}
	if args, body := runCurl(t, q.Curl(nil), nil); body != "" || !containsLine(args, `{"a":"it's"}`) {
		t.Errorf("args %q body %q", args, body)
	}
}

// runCurl runs cmd in bash with curl replaced by a function that records its
// arguments and standard input, and returns them.
func runCurl(t *testing.T, cmd string, env map[string]string) (args []string, body string) {
	t.Helper()
	dir := t.TempDir()
	argsFile, bodyFile := filepath.Join(dir, "args"), filepath.Join(dir, "body")
	script := `set -eo pipefail
curl() { printf '%s\n' "$@" > "$ARGS_FILE"; if [ -t 0 ]; then :; else cat > "$BODY_FILE"; fi; }
` + cmd + "\n"
	c := exec.Command("bash", "-c", script)
	c.Env = []string{"PATH=" + os.Getenv("PATH"), "ARGS_FILE=" + argsFile, "BODY_FILE=" + bodyFile}
	for k, v := range env {
		c.Env = append(c.Env, k+"="+v)
	}
	c.Stdin = strings.NewReader("")
	if out, err := c.CombinedOutput(); err != nil {
		t.Fatalf("bash: %v\n%s\n%s", err, out, cmd)
	}
	a, err := os.ReadFile(argsFile)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(bodyFile)
	return strings.Split(strings.TrimSuffix(string(a), "\n"), "\n"), string(b)
}

func containsLine(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}

func requireBash(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash not installed")
	}
}
