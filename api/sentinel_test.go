package api_test

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"sfstore/api"
)

// Sentinel secrets: distinctive, so a leak anywhere is unmistakable.
const (
	sentClientSecret = "SENTINEL-CLIENT-SECRET-7f3a9c"
	sentAccess       = "SENTINEL-ACCESS-TOKEN-2b8e41"
	sentRefresh      = "SENTINEL-REFRESH-TOKEN-d05c77"
	sentWorker       = "SENTINEL-WORKER-SECRET-91aa3e"
	sentPasted       = "SENTINEL-PASTED-TOKEN-5e6f10"
)

var sentinels = []string{sentClientSecret, sentAccess, sentRefresh, sentWorker, sentPasted}

// allSecrets is every sentinel in one string, as a hostile server echoes them.
var allSecrets = strings.Join(sentinels, " ")

func sentinelRequest(t *testing.T) *api.CreateSalesforceStoreRequest {
	req := exampleRequest(t)
	req.Configuration.ClientSecret = sentClientSecret
	req.Configuration.OAuthAccessToken = sentAccess
	req.Configuration.OAuthRefreshToken = sentRefresh
	return req
}

// echoingAPI answers every call with an error that echoes the secrets.
var echoingAPI = map[string]http.HandlerFunc{
	"400 details": respond(400, fmt.Sprintf(`{"id":"%s","code":"INVALID_DATA","message":"bad %s","details":[
		{"code":"INVALID_VALUE","target":"configuration.%s","message":"CLIENT_SECRET %s is wrong","innerError":{"allowedValues":["%s"],"nested":{"v":["%s"]}}},
		{"code":"INVALID_VALUE","target":"configuration.OAUTH_REFRESH_TOKEN","message":"%s / %s"}]}`,
		sentWorker, allSecrets, sentAccess, sentClientSecret, sentRefresh, sentPasted, sentWorker, sentRefresh),
		"Content-Type", "application/json", "Correlation-Id", sentClientSecret),
	"502 html":   respond(502, "<html><title>"+sentAccess+"</title><body><p>"+allSecrets+"</p></body></html>", "Content-Type", "text/html"),
	"500 text":   respond(500, "upstream said: "+allSecrets, "Content-Type", "text/plain"),
	"403 status": respond(403, `{"code":"ACCESS_FAILED","message":"no"}`, "Content-Type", "application/json; x="+sentRefresh),
	"401 echoes bearer": func(w http.ResponseWriter, r *http.Request) {
		respond(401, `{"code":"ACCESS_FAILED","message":"Invalid token `+strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")+`"}`)(w, r)
	},
	"secret cut by the read cap": func(w http.ResponseWriter, r *http.Request) {
		// Tags that strip to nothing, then the secret straddling the 64 KiB cap.
		const cut = 64<<10 - 14 // the cap falls 14 bytes into the secret
		pad := strings.Repeat("<i></i>", cut/7)
		pad += strings.Repeat(" ", cut-len(pad))
		respond(500, pad+sentClientSecret+" tail", "Content-Type", "text/html")(w, r)
	},
	"201 undecodable": respond(201, `{"id": "`+sentAccess+`", "name": 12}`),
}

func TestNoAPIErrorEverContainsASecret(t *testing.T) {
	for name, h := range echoingAPI {
		t.Run(name, func(t *testing.T) {
			c := setup(t, h, api.WithRedactions(sentWorker),
				api.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: sentPasted})))
			_, err := c.CreateSalesforceStore(context.Background(), testEnvID, sentinelRequest(t))
			var ae *api.Error
			if wantAPIError := name != "201 undecodable"; errors.As(err, &ae) != wantAPIError {
				t.Fatalf("err = %v (%T), want *api.Error: %v", err, err, wantAPIError)
			}
			assertNoSentinel(t, errorStrings(err)...)
		})
	}
}

// echoingToken answers token requests with errors that echo the worker secret.
var echoingToken = map[string]http.HandlerFunc{
	"invalid_client": respond(401, `{"error":"invalid_client","error_description":"bad secret `+sentWorker+`"}`,
		"Content-Type", "application/json", "Correlation-Id", sentWorker),
	"html": respond(400, "<html>"+sentWorker+"</html>", "Content-Type", "text/html"),
	"error in a 200": respond(200, `{"error":"`+sentWorker+`","error_description":"`+sentWorker+`"}`,
		"Content-Type", "application/json"),
}

func TestNoTokenErrorEverContainsTheWorkerSecret(t *testing.T) {
	for name, h := range echoingToken {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(h)
			t.Cleanup(srv.Close)
			creds := api.Credentials{AuthURL: srv.URL, WorkerEnvironmentID: workerEnv, ClientID: workerID, ClientSecret: sentWorker}
			c, _ := api.NewClient(srv.URL, api.WithTokenSource(api.NewTokenSource(context.Background(), creds, nil)))
			_, err := c.CreateSalesforceStore(context.Background(), testEnvID, sentinelRequest(t))
			var te *api.TokenError
			if !errors.As(err, &te) {
				t.Fatalf("err = %v, want *api.TokenError", err)
			}
			assertNoSentinel(t, errorStrings(err)...)
		})
	}
}

// errorStrings renders err and everything reachable from it that a UI
// might show: each error in the chain, hints, and the typed fields.
func errorStrings(err error) []string {
	var out []string
	for e := err; e != nil; e = errors.Unwrap(e) {
		out = append(out, e.Error(), fmt.Sprintf("%+v", e))
	}
	var ae *api.Error
	if errors.As(err, &ae) {
		out = append(out, ae.Hint(), ae.Body, ae.Message, ae.ID, ae.Status, ae.CorrelationID, ae.ContentType, fmt.Sprintf("%+v", ae.Details), fmt.Sprintf("%+v", *ae))
	}
	var te *api.TokenError
	if errors.As(err, &te) {
		out = append(out, te.Hint(), te.Code, te.Description, te.CorrelationID, fmt.Sprintf("%+v", *te))
	}
	return out
}

// assertNoSentinel fails if any string holds a sentinel or a 12-character
// head of one (a secret cut in half is still a leak).
func assertNoSentinel(t *testing.T, strs ...string) {
	t.Helper()
	for _, s := range strs {
		for _, sec := range sentinels {
			if strings.Contains(s, sec[:12]) || strings.Contains(s, sec[len(sec)-12:]) {
				t.Errorf("leak of %s in %q", sec, s)
			}
		}
	}
}

func TestNoErrorOfTheOtherCallsEverContainsASecret(t *testing.T) {
	// Calls without a store know only the worker secret and the bearer
	// token; TestConnection also knows the store's secrets.
	known := map[string][]string{api.OpTestConnection: sentinels}
	ctx := context.Background()
	req := sentinelRequest(t)
	calls := map[string]func(c *api.Client) error{
		api.OpListStores: func(c *api.Client) error { _, err := c.ListStores(ctx, testEnvID); return err },
		api.OpTestConnection: func(c *api.Client) error {
			_, err := c.TestConnection(ctx, testEnvID, req)
			return err
		},
		api.OpCreateRevision:   func(c *api.Client) error { _, err := c.CreateRevision(ctx, testEnvID); return err },
		api.OpListEnvironments: func(c *api.Client) error { _, err := c.ListEnvironments(ctx); return err },
		api.OpGetEnvironment:   func(c *api.Client) error { _, err := c.GetEnvironment(ctx, testEnvID); return err },
	}
	for name, h := range echoingAPI {
		for op, call := range calls {
			t.Run(name+"/"+op, func(t *testing.T) {
				c := setup(t, h, api.WithRedactions(sentWorker),
					api.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: sentPasted})))
				err := call(c)
				if err == nil {
					if name != "201 undecodable" {
						t.Fatalf("no error")
					}
					return
				}
				if !strings.HasPrefix(err.Error(), op+": ") {
					t.Errorf("err = %q, want prefix %q", err, op+": ")
				}
				var ae *api.Error
				if errors.As(err, &ae) && ae.Op != op {
					t.Errorf("Op = %q, want %q", ae.Op, op)
				}
				secrets, ok := known[op]
				if !ok {
					secrets = []string{sentWorker, sentPasted}
				}
				for _, s := range errorStrings(err) {
					assertNoSecretIn(t, s, secrets...)
				}
			})
		}
	}
}

// A proxy or gateway may echo the token request's headers. The
// Authorization header holds the worker secret merely base64-encoded, which
// masking the secret's own value cannot catch: neither an echoed page nor an
// echoing OAuth description may carry it anywhere in the error, the
// unwrapped cause included.
func TestTokenErrorNeverCarriesEchoedBasicCredentials(t *testing.T) {
	for name, echo := range map[string]func(w http.ResponseWriter, auth string){
		"html page": func(w http.ResponseWriter, auth string) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprintf(w, "<html><body><h1>Bad request</h1><pre>Authorization: %s</pre></body></html>", auth)
		},
		"oauth description": func(w http.ResponseWriter, auth string) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprintf(w, `{"error":"invalid_request","error_description":"bad header Authorization: %s"}`, auth)
		},
	} {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				echo(w, r.Header.Get("Authorization"))
			}))
			t.Cleanup(srv.Close)
			creds := api.Credentials{AuthURL: srv.URL, WorkerEnvironmentID: workerEnv, ClientID: workerID, ClientSecret: sentWorker}
			_, err := api.NewTokenSource(context.Background(), creds, nil).Token()
			var te *api.TokenError
			if !errors.As(err, &te) || te.StatusCode != http.StatusBadRequest {
				t.Fatalf("err = %v, want *api.TokenError 400", err)
			}
			assertNoBasicBlob(t, err)
		})
	}
}

// assertNoBasicBlob fails if the worker's Basic credentials, or a long
// piece of them, show anywhere in err, its chain or its cause's fields.
func assertNoBasicBlob(t *testing.T, err error) {
	t.Helper()
	blob := base64.StdEncoding.EncodeToString([]byte(url.QueryEscape(workerID) + ":" + url.QueryEscape(sentWorker)))
	strs := append(errorStrings(err), fmt.Sprintf("%+v", errors.Unwrap(err)), fmt.Sprintf("%#v", errors.Unwrap(err)))
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		strs = append(strs, string(re.Body), fmt.Sprintf("%+v", *re))
	}
	for _, s := range strs {
		if strings.Contains(s, blob[:16]) || strings.Contains(s, blob[len(blob)-16:]) {
			t.Errorf("the echoed Basic credentials survive in %q", s)
		}
	}
	assertNoSentinel(t, strs...)
}
