package api_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"sfstore/api"
)

// Values with every character a shell, JSON or a curl config could trip on.
const (
	trickyName   = "it's \"quoted\" $HOME `id` \\ back\\slash & <tag> ünï\ncode"
	trickySecret = `SENTINEL-"x'y"-$(id)-` + "`z`-\\n-${PATH}-!"
)

// sentinelEnv are the variables a replayed create reads.
var sentinelEnv = map[string]string{
	api.EnvAccessToken:         sentPasted,
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

// recipeRun is what a recipe did when run under bash with stub curl and jq
// executables first on PATH: the stubs record their arguments, and curl's
// standard input, then hand over to the real programs.
type recipeRun struct {
	argv   [][]string // every argument list of every curl and jq process
	stdins []string   // curl's standard input, one per run of curl
	out    string     // what the script printed
	err    error
}

// runRecipe runs script with env (and nothing else but PATH). With
// realCurl, the curl stub runs the real curl, whose requests here only
// ever go to loopback stand-ins; without, it prints canned instead.
func runRecipe(t *testing.T, script string, env map[string]string, realCurl bool, canned string) recipeRun {
	t.Helper()
	bash := lookOrSkip(t, "bash")
	jq := lookOrSkip(t, "jq")
	curl := ""
	if realCurl {
		curl = lookOrSkip(t, "curl")
	}
	stubs, rec := t.TempDir(), t.TempDir()
	stub := func(name, then string) {
		body := "#!" + bash + "\nn=$(mktemp \"$REC/" + name + ".XXXXXX\")\nprintf '%s\\0' \"$@\" > \"$n.argv\"\n" + then + "\n"
		if err := os.WriteFile(filepath.Join(stubs, name), []byte(body), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	stub("jq", `exec "$REAL_JQ" "$@"`)
	stub("curl", `cat > "$n.stdin"
if [ -n "$REAL_CURL" ]; then exec "$REAL_CURL" "$@" < "$n.stdin"; fi
printf '%s' "$CANNED"`)
	cmd := exec.Command(bash, "-c", "set -e\n"+script)
	cmd.Env = []string{"PATH=" + stubs + string(os.PathListSeparator) + os.Getenv("PATH"),
		"REC=" + rec, "REAL_JQ=" + jq, "REAL_CURL=" + curl, "CANNED=" + canned, "HOME=" + t.TempDir()}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	cmd.Stdin = strings.NewReader("")
	out, err := cmd.CombinedOutput()
	run := recipeRun{out: string(out), err: err}
	files, _ := filepath.Glob(filepath.Join(rec, "*.argv"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		run.argv = append(run.argv, strings.Split(strings.TrimSuffix(string(b), "\x00"), "\x00"))
		if strings.Contains(filepath.Base(f), "curl.") {
			in, _ := os.ReadFile(strings.TrimSuffix(f, ".argv") + ".stdin")
			run.stdins = append(run.stdins, string(in))
		}
	}
	return run
}

// assertNoSecretOnACommandLine fails if the script, or any argument of any
// process it started, holds a sentinel or a piece of one.
func (r recipeRun) assertNoSecretOnACommandLine(t *testing.T, script string, secrets ...string) {
	t.Helper()
	assertNoSecretIn(t, script, secrets...)
	for _, args := range r.argv {
		assertNoSecretIn(t, strings.Join(args, "\x00"), secrets...)
	}
}

// curlConfig parses a curl config as curl does for "name = "quoted""
// lines: \" and \\ (and \t, \n, \r, \v) are unescaped.
func curlConfig(t *testing.T, cfg string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(cfg), "\n") {
		name, val, ok := strings.Cut(line, " = ")
		if !ok || len(val) < 2 || val[0] != '"' || val[len(val)-1] != '"' {
			t.Fatalf("config line %q is not name = \"value\"", line)
		}
		var b strings.Builder
		for i := 1; i < len(val)-1; i++ {
			c := val[i]
			if c == '\\' && i+1 < len(val)-1 {
				i++
				c = map[byte]byte{'t': '\t', 'n': '\n', 'r': '\r', 'v': '\v'}[val[i]]
				if c == 0 {
					c = val[i]
				}
			}
			b.WriteByte(c)
		}
		out[name] = append(out[name], b.String())
	}
	return out
}

func lookOrSkip(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed", name)
	}
	return p
}

func TestCurlKeepsEverySecretOffEveryCommandLine(t *testing.T) {
	t.Parallel() // each runs bash, jq and curl of its own against its own server
	c := setup(t, respond(201, `{}`))
	p := c.DescribeCreate(testEnvID, trickyRequest(t))
	script := p.Curl(nil)
	run := runRecipe(t, script, sentinelEnv, false, "")
	if run.err != nil {
		t.Fatalf("bash: %v\n%s\n%s", run.err, run.out, script)
	}
	run.assertNoSecretOnACommandLine(t, script, append(sentinels, trickySecret)...)
	if len(run.stdins) != 1 || len(run.argv) != 2 {
		t.Fatalf("%d curl runs, %d processes; want one curl and one jq", len(run.stdins), len(run.argv))
	}
	cfg := curlConfig(t, run.stdins[0])
	if got := cfg["header"]; len(got) != 1 || got[0] != "Authorization: Bearer "+sentPasted {
		t.Errorf("config headers = %q, want the bearer token", got)
	}
	if got := cfg["data-binary"]; len(got) != 1 || got[0] != string(p.Body) {
		t.Errorf("config body =\n%q\nwant\n%q", got, p.Body)
	}
	for _, args := range run.argv {
		if args[0] == "--disable" {
			for _, want := range []string{"POST", p.URL, "Content-Type: application/json", "--config", "-"} {
				if !containsLine(args, want) {
					t.Errorf("curl args lack %q: %q", want, args)
				}
			}
		}
	}
}

func TestCurlSendsExactlyTheRequestWithTheRealCurl(t *testing.T) {
	t.Parallel() // each runs bash, jq and curl of its own against its own server
	var mu sync.Mutex
	var gotAuth, gotBody string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		b, _ := io.ReadAll(r.Body)
		gotAuth, gotBody = r.Header.Get("Authorization"), string(b)
		w.WriteHeader(http.StatusCreated)
		_, _ = io.WriteString(w, `{"id":"s1"}`)
	}))
	t.Cleanup(srv.Close)
	c, err := api.NewClient(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	p := c.DescribeCreate(testEnvID, trickyRequest(t))
	script := p.Curl(nil)
	run := runRecipe(t, script, sentinelEnv, true, "")
	if run.err != nil || !strings.Contains(run.out, `{"id":"s1"}`) {
		t.Fatalf("bash: %v\n%s", run.err, run.out)
	}
	run.assertNoSecretOnACommandLine(t, script, append(sentinels, trickySecret)...)
	mu.Lock()
	defer mu.Unlock()
	if gotAuth != "Bearer "+sentPasted || gotBody != string(p.Body) {
		t.Errorf("server got Authorization %q and body\n%q\nwant\n%q", gotAuth, gotBody, p.Body)
	}
}

func TestCurlStopsBeforeCurlWhenAVariableIsMissing(t *testing.T) {
	t.Parallel() // each runs bash, jq and curl of its own against its own server
	c := setup(t, respond(201, `{}`))
	env := map[string]string{api.EnvAccessToken: sentPasted, "SALESFORCE_ACCESS_TOKEN": sentAccess, "SALESFORCE_REFRESH_TOKEN": sentRefresh}
	run := runRecipe(t, c.DescribeCreate(testEnvID, sentinelRequest(t)).Curl(nil), env, false, "")
	if run.err == nil || !strings.Contains(run.out, "set SALESFORCE_CLIENT_SECRET first") || len(run.argv) != 0 {
		t.Errorf("err %v, output %q, %d processes; want a stop before jq and curl", run.err, run.out, len(run.argv))
	}
}

func TestCurlUsesTheGivenVariablesAndIgnoresUnsafeNames(t *testing.T) {
	t.Parallel() // each runs bash, jq and curl of its own against its own server
	c := setup(t, respond(201, `{}`))
	p := c.DescribeCreate(testEnvID, sentinelRequest(t))
	cmd := p.Curl(map[string]string{"CLIENT_SECRET": "SF_SECRET", "Authorization": "TOKEN", "OAUTH_ACCESS_TOKEN": "$(rm -rf ~)"})
	if !strings.Contains(cmd, "env.SF_SECRET") || !strings.Contains(cmd, "env.TOKEN") || strings.Contains(cmd, "rm -rf") {
		t.Fatalf("command:\n%s", cmd)
	}
	env := map[string]string{"SF_SECRET": sentClientSecret, "TOKEN": sentPasted,
		"SALESFORCE_ACCESS_TOKEN": sentAccess, "SALESFORCE_REFRESH_TOKEN": sentRefresh}
	run := runRecipe(t, cmd, env, false, "")
	if run.err != nil || len(run.stdins) != 1 {
		t.Fatalf("bash: %v\n%s", run.err, run.out)
	}
	if got := curlConfig(t, run.stdins[0])["data-binary"]; len(got) != 1 || got[0] != string(p.Body) {
		t.Errorf("curl would send\n%q\nwant\n%q", got, p.Body)
	}
}

func TestCurlWithoutBodyOrSecrets(t *testing.T) {
	t.Parallel() // each runs bash, jq and curl of its own against its own server
	p := api.PreparedRequest{Method: "GET", URL: "https://api.pingone.com/v1/environments?filter=name sw \"it's\"",
		Header: map[string][]string{"Accept": {"application/json"}, "Authorization": {"Bearer ••••"}}}
	run := runRecipe(t, p.Curl(nil), map[string]string{api.EnvAccessToken: sentPasted}, false, "")
	if run.err != nil || len(run.stdins) != 1 {
		t.Fatalf("bash: %v\n%s", run.err, run.out)
	}
	run.assertNoSecretOnACommandLine(t, p.Curl(nil), sentPasted)
	if got := curlConfig(t, run.stdins[0]); len(got) != 1 || got["header"][0] != "Authorization: Bearer "+sentPasted {
		t.Errorf("config = %q", got)
	}
	q := api.PreparedRequest{Method: "POST", URL: "https://x/v1/y", Header: map[string][]string{}, Body: []byte(`{"a":"it's"}`)}
	run = runRecipe(t, q.Curl(nil), nil, false, "")
	if run.err != nil || len(run.argv) != 1 || !containsLine(run.argv[0], `{"a":"it's"}`) || run.stdins[0] != "" {
		t.Errorf("a request without secrets: %v %q %q", run.err, run.argv, run.stdins)
	}
}

func TestCurlParsesInBash(t *testing.T) {
	t.Parallel() // each runs bash, jq and curl of its own against its own server
	c := setup(t, respond(201, `{}`))
	bash := lookOrSkip(t, "bash")
	for _, cmd := range []string{
		c.DescribeCreate(testEnvID, trickyRequest(t)).Curl(nil),
		api.Credentials{AuthURL: "https://auth.pingone.eu", WorkerEnvironmentID: workerEnv, ClientID: "it's"}.Curl(),
	} {
		if out, err := exec.Command(bash, "-n", "-c", cmd).CombinedOutput(); err != nil {
			t.Errorf("bash -n: %v\n%s\n%s", err, out, cmd)
		}
	}
}

func containsLine(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}
