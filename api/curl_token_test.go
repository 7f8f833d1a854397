package api_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"sfstore/api"
)

// printToken prints the token the recipe exported, with the shell's printf
// builtin (no process, no command line).
const printToken = "\nprintf 'token=%s\\n' \"$" + api.EnvAccessToken + "\""

// postProgram is the form-field jq program the recipe's comment offers.
func postProgram(t *testing.T, recipe string) (basic, post string) {
	t.Helper()
	for _, line := range strings.Split(recipe, "\n") {
		if p, ok := strings.CutPrefix(line, "#   '"); ok {
			post = "'" + p
		}
		if p, ok := strings.CutPrefix(strings.TrimSpace(line), `'"user = "`); ok {
			basic = `'"user = "` + strings.TrimSuffix(p, " |")
		}
	}
	if basic == "" || post == "" {
		t.Fatalf("recipe lacks the user line or the form-field comment:\n%s", recipe)
	}
	return basic, post
}

func TestTokenCurlSendsBasicAuthThroughStdinOnly(t *testing.T) {
	t.Parallel() // each runs bash, jq and curl of its own against its own server
	s := newTokenStandIn(t, "CLIENT_SECRET_BASIC", trickySecret)
	creds := s.creds("")
	script := creds.Curl() + printToken
	run := runRecipe(t, script, map[string]string{api.EnvWorkerSecret: trickySecret}, true, "")
	if run.err != nil || !strings.Contains(run.out, "token=tok-basic\n") {
		t.Fatalf("bash: %v\n%s\n%s", run.err, run.out, script)
	}
	if got := s.triesSoFar(); got != "basic" {
		t.Errorf("tries = %q, want one Basic request, as the client sends", got)
	}
	run.assertNoSecretOnACommandLine(t, script, trickySecret)
	if len(run.stdins) != 1 || !strings.HasPrefix(run.stdins[0], `user = "`+workerID+":SENTINEL-") {
		t.Errorf("curl's stdin = %q, want the user line", run.stdins)
	}
	for _, args := range run.argv {
		if args[0] == "--disable" && (!containsLine(args, creds.TokenURL()) || !containsLine(args, "grant_type=client_credentials")) {
			t.Errorf("curl args = %q", args)
		}
	}
}

func TestTokenCurlCommentSwitchesToFormFields(t *testing.T) {
	t.Parallel() // each runs bash, jq and curl of its own against its own server
	s := newTokenStandIn(t, "CLIENT_SECRET_POST", sentWorker)
	recipe := s.creds("").Curl()
	basic, post := postProgram(t, recipe)
	script := strings.Replace(recipe, "    "+basic+" |", "    "+post+" |", 1) + printToken
	run := runRecipe(t, script, map[string]string{api.EnvWorkerSecret: sentWorker}, true, "")
	if run.err != nil || !strings.Contains(run.out, "token=tok-post\n") {
		t.Fatalf("bash: %v\n%s\n%s", run.err, run.out, script)
	}
	if got := s.triesSoFar(); got != "post" {
		t.Errorf("tries = %q, want one request with form fields", got)
	}
	run.assertNoSecretOnACommandLine(t, script, sentWorker)
}

func TestTokenCurlWithoutTheRealCurl(t *testing.T) {
	t.Parallel() // each runs bash, jq and curl of its own against its own server
	creds := api.Credentials{AuthURL: "https://auth.pingone.eu", WorkerEnvironmentID: workerEnv, ClientID: workerID}
	script := creds.Curl() + printToken
	run := runRecipe(t, script, map[string]string{api.EnvWorkerSecret: sentWorker}, false, `{"access_token":"tok-canned","expires_in":3600}`)
	if run.err != nil || !strings.Contains(run.out, "token=tok-canned\n") {
		t.Fatalf("bash: %v\n%s", run.err, run.out)
	}
	run.assertNoSecretOnACommandLine(t, script, sentWorker)
	if cfg := curlConfig(t, run.stdins[0]); cfg["user"][0] != workerID+":"+sentWorker {
		t.Errorf("config = %q", cfg)
	}
}

func TestTokenCurlShowsPingOnesRefusal(t *testing.T) {
	t.Parallel() // each runs bash, jq and curl of its own against its own server
	s := newTokenStandIn(t, "CLIENT_SECRET_BASIC", "the-right-secret-0042")
	run := runRecipe(t, s.creds("").Curl()+printToken, map[string]string{api.EnvWorkerSecret: sentWorker}, true, "")
	if !strings.Contains(run.out, "no access token in the answer") || !strings.Contains(run.out, "invalid_client") || !strings.Contains(run.out, "token=\n") {
		t.Errorf("output %q, want PingOne's refusal and no token", run.out)
	}
	assertNoSecretIn(t, run.out, sentWorker)
}

func TestTokenAndCreateCurlTogether(t *testing.T) {
	t.Parallel() // each runs bash, jq and curl of its own against its own server
	s := newTokenStandIn(t, "CLIENT_SECRET_BASIC", sentWorker)
	var mu sync.Mutex
	var gotAuth, gotBody string
	apiSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		b, _ := io.ReadAll(r.Body)
		gotAuth, gotBody = r.Header.Get("Authorization"), string(b)
		w.WriteHeader(http.StatusCreated)
	}))
	t.Cleanup(apiSrv.Close)
	c, err := api.NewClient(apiSrv.URL)
	if err != nil {
		t.Fatal(err)
	}
	p := c.DescribeCreate(testEnvID, trickyRequest(t))
	script := s.creds("").Curl() + "\n" + p.Curl(nil)
	env := map[string]string{api.EnvWorkerSecret: sentWorker, "SALESFORCE_CLIENT_SECRET": sentClientSecret,
		"SALESFORCE_ACCESS_TOKEN": sentAccess, "SALESFORCE_REFRESH_TOKEN": trickySecret}
	run := runRecipe(t, script, env, true, "")
	if run.err != nil {
		t.Fatalf("bash: %v\n%s", run.err, run.out)
	}
	run.assertNoSecretOnACommandLine(t, script, append(sentinels, trickySecret, "tok-basic")...)
	mu.Lock()
	defer mu.Unlock()
	if gotAuth != "Bearer tok-basic" || gotBody != string(p.Body) {
		t.Errorf("API got Authorization %q and body %q", gotAuth, gotBody)
	}
}
