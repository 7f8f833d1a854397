package api_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"

	"sfstore/api"
	"sfstore/api/simulator"
)

// lockedBuffer is a bytes.Buffer safe for concurrent writers.
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

// sentinelDemoRequest has sentinel secrets and IDs the simulator accepts.
func sentinelDemoRequest(t *testing.T) *api.CreateSalesforceStoreRequest {
	req := demoRequest(t)
	req.Configuration.SalesforceDomain = "acme.my.salesforce.com"
	req.Configuration.ClientSecret = sentClientSecret
	req.Configuration.OAuthAccessToken = sentAccess
	req.Configuration.OAuthRefreshToken = sentRefresh
	return req
}

func TestDebugTraceOfEveryCallMasksEverySecret(t *testing.T) {
	sim, err := simulator.Start(simulator.Options{ClientID: workerID, ClientSecret: sentWorker, Environments: []string{workerEnv, testEnvID}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sim.Close)
	trace := &lockedBuffer{}
	ctx := context.Background()
	tokenHC := &http.Client{Transport: api.NewDebugTransport(nil, trace, nil)}
	creds := api.Credentials{AuthURL: sim.URL(), WorkerEnvironmentID: workerEnv, ClientID: workerID, ClientSecret: sentWorker}
	ts := api.NewTokenSource(ctx, creds, tokenHC)
	// No secret is named: the trace must find them all by itself.
	c, err := api.NewClient(sim.URL(), api.WithTokenSource(ts), api.WithHTTPClient(tokenHC))
	if err != nil {
		t.Fatal(err)
	}

	store, err := c.CreateSalesforceStore(ctx, testEnvID, sentinelDemoRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	if store.Configuration.ClientSecret != sentClientSecret {
		t.Errorf("the client did not get the whole response body: %+v", store.Masked())
	}
	stores, err := c.ListStores(ctx, testEnvID)
	if err != nil || len(stores) != 1 || stores[0].Configuration.OAuthRefreshToken != sentRefresh {
		t.Fatalf("ListStores = %d stores, %v", len(stores), err)
	}
	if res, err := c.TestConnection(ctx, testEnvID, sentinelDemoRequest(t)); err != nil || !res.OK {
		t.Fatalf("TestConnection = %+v, %v", res, err)
	}
	if _, err := c.CreateRevision(ctx, testEnvID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListEnvironments(ctx); err != nil {
		t.Fatal(err)
	}
	// A token request with client_secret in the form (CLIENT_SECRET_POST).
	post := clientcredentials.Config{ClientID: workerID, ClientSecret: sentWorker, TokenURL: creds.TokenURL(), AuthStyle: oauth2.AuthStyleInParams}
	postTok, err := post.Token(context.WithValue(ctx, oauth2.HTTPClient, tokenHC))
	if err != nil {
		t.Fatal(err)
	}
	basicTok, _ := ts.Token()

	out := trace.String()
	for _, want := range []string{
		"--> POST " + sim.URL() + "/" + workerEnv + "/as/token\n",
		"Authorization: Basic ••••\n",
		"client_secret=••••",
		`"access_token":"••••`,
		"--> POST " + sim.URL() + "/v1/environments/" + testEnvID + "/propagation/stores\n",
		"Authorization: Bearer ••••" + basicTok.AccessToken[len(basicTok.AccessToken)-4:] + "\n",
		`"CLIENT_SECRET":"••••`,
		"--> GET " + sim.URL() + "/v1/environments/" + testEnvID + "/propagation/stores\n",
		"--> POST " + sim.URL() + "/v1/environments/" + testEnvID + "/propagation/stores/connection/status\n",
		"Content-Type: " + api.ConnectionCheckContentType + "\n",
		"--> POST " + sim.URL() + "/v1/environments/" + testEnvID + "/propagation/revisions\n",
		"--> GET " + sim.URL() + "/v1/environments\n",
		"Correlation-Id: ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("trace lacks %q", want)
		}
	}
	statusLine := regexp.MustCompile(`(?m)^<-- (\d{3}) [A-Za-z ]+ \(\d+\.\dms\) (GET|POST) http://\S+$`)
	got := map[string]int{}
	for _, m := range statusLine.FindAllStringSubmatch(out, -1) {
		got[m[1]+" "+m[2]]++
	}
	want := map[string]int{"200 POST": 3, "201 POST": 2, "200 GET": 2} // 2 tokens + check; create + revision; lists
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%d status lines %q, want %d (all: %v)", got[k], k, n, got)
		}
	}
	basic := base64.StdEncoding.EncodeToString([]byte(url.QueryEscape(workerID) + ":" + url.QueryEscape(sentWorker)))
	assertNoSecretIn(t, out, append(sentinels[:], basicTok.AccessToken, postTok.AccessToken, basic)...)
}

func TestDebugTraceOfAWrongWorkerSecretMasksItInBothAuthStyles(t *testing.T) {
	// An app set to CLIENT_SECRET_POST refuses Basic; then the form fields
	// carry the wrong secret.
	s := newTokenStandIn(t, "CLIENT_SECRET_POST", "the-right-secret-0042")
	trace := &lockedBuffer{}
	hc := &http.Client{Transport: api.NewDebugTransport(nil, trace, nil)}
	if _, err := api.NewTokenSource(context.Background(), s.creds(sentWorker), hc).Token(); err == nil {
		t.Fatal("a wrong secret got a token")
	}
	out := trace.String()
	if strings.Count(out, "<-- 401 Unauthorized") != 2 || !strings.Contains(out, "Authorization: Basic ••••") || !strings.Contains(out, "client_secret=••••") {
		t.Errorf("trace:\n%s", out)
	}
	assertNoSecretIn(t, out, sentWorker)
}

func TestDebugTraceOfEchoingErrorsHoldsNoSecret(t *testing.T) {
	for name, h := range echoingAPI {
		t.Run(name, func(t *testing.T) {
			trace := &lockedBuffer{}
			traced := &http.Client{Transport: api.NewDebugTransport(nil, trace, func() []string { return []string{sentWorker} })}
			c := setup(t, h, api.WithRedactions(sentWorker), api.WithHTTPClient(traced),
				api.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: sentPasted})))
			_, _ = c.CreateSalesforceStore(context.Background(), testEnvID, sentinelRequest(t))
			_, _ = c.TestConnection(context.Background(), testEnvID, sentinelRequest(t))
			out := trace.String()
			want := 2
			if name == "502 html" {
				want += 3 // the connection check changes nothing, so it is retried
			}
			if strings.Count(out, "--> POST ") != want || strings.Count(out, "\n<-- ") != want {
				t.Errorf("trace:\n%s", out)
			}
			assertNoSecretIn(t, out, sentinels...)
		})
	}
}

func TestDebugTraceCutsLongBodiesButMasksThemWhole(t *testing.T) {
	const unknown = "UNKNOWN-SECRET-0123456789abcdef" // named nowhere: found by key only
	tests := []struct {
		name string
		body string
	}{
		{"JSON under the scan limit", `{"pad":"` + strings.Repeat("x", 100<<10) + `","refresh_token":"` + unknown + `"}`},
		{"JSON over the scan limit", `{"access_token":"` + unknown + `","pad":"` + strings.Repeat("x", 2<<20) + `"}`},
		{"HTML over the scan limit", `<p>{"id_token": "` + unknown + `"} <a href="/cb?code=1&client_secret=` + unknown + `">` + strings.Repeat("y", 2<<20)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(respond(200, tt.body))
			t.Cleanup(srv.Close)
			trace := &lockedBuffer{}
			hc := &http.Client{Transport: api.NewDebugTransport(nil, trace, nil)}
			resp, err := hc.Get(srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if string(got) != tt.body {
				t.Errorf("client read %d bytes, want the %d served", len(got), len(tt.body))
			}
			out := trace.String()
			if len(out) > 10<<10 || !strings.Contains(out, "[… body cut: trace shows at most 8 KiB]") {
				t.Errorf("trace of %d bytes:\n%.2000s", len(out), out)
			}
			assertNoSecretIn(t, out, unknown)
		})
	}
}

func TestDebugTransportPassesRequestBodiesOnAndReportsErrors(t *testing.T) {
	var got []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, _ = io.ReadAll(r.Body)
	}))
	trace := &lockedBuffer{}
	hc := &http.Client{Transport: api.NewDebugTransport(nil, trace, func() []string { return []string{"hunter2-secret"} })}
	body := strings.Repeat("a", 3<<20) + "hunter2-secret"
	req, _ := http.NewRequest("PUT", srv.URL+"/x?password=hunter2-secret", strings.NewReader(body))
	resp, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if string(got) != body {
		t.Errorf("server got %d bytes, want %d", len(got), len(body))
	}
	srv.Close()
	if _, err := hc.Get(srv.URL + "/gone?access_token=hunter2-secret"); err == nil {
		t.Fatal("closed server answered")
	}
	out := trace.String()
	if !strings.Contains(out, "<-- 200 OK") || !strings.Contains(out, "<-- error after ") || !strings.Contains(out, "password=••••") {
		t.Errorf("trace:\n%.3000s", out)
	}
	assertNoSecretIn(t, out, "hunter2-secret")
}

// assertNoSecretIn fails if s holds any of secrets, or a 12-character head
// or tail of one.
func assertNoSecretIn(t *testing.T, s string, secrets ...string) {
	t.Helper()
	for _, sec := range secrets {
		n := min(12, len(sec))
		if strings.Contains(s, sec[:n]) || strings.Contains(s, sec[len(sec)-n:]) {
			i := strings.Index(s, sec[:n])
			if i < 0 {
				i = strings.Index(s, sec[len(sec)-n:])
			}
			t.Errorf("leak of %q near %q", sec, s[max(0, i-80):min(len(s), i+80)])
		}
	}
}

func TestDebugTraceMasksAnOAuthCodeAndVerifier(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"code":"INVALID_DATA","message":"no"}`)
	}))
	defer srv.Close()
	var trace bytes.Buffer
	hc := &http.Client{Transport: api.NewDebugTransport(nil, &trace, func() []string { return nil })}
	form := "grant_type=authorization_code&code=SENTINEL-CODE-aa11bb22cc33&code_verifier=SENTINEL-VERIFIER-dd44ee55ff66"
	resp, err := hc.Post(srv.URL+"/services/oauth2/token", "application/x-www-form-urlencoded", strings.NewReader(form))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	out := trace.String()
	if strings.Contains(out, "SENTINEL") {
		t.Fatalf("trace shows the code or verifier:\n%s", out)
	}
	if !strings.Contains(out, `"code":"INVALID_DATA"`) {
		t.Fatalf("trace masked PingOne's harmless JSON error code:\n%s", out)
	}
}
