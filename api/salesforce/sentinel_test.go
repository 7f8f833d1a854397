package salesforce_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"sfstore/api/salesforce"
	"sfstore/api/salesforce/sfsim"
)

// Sentinel secrets: distinctive, so a leak anywhere is unmistakable.
const (
	sentAccess = "SENTINEL-ACCESS-TOKEN-2b8e41"
	sentCode   = "SENTINEL-AUTH-CODE-4c19d2"
)

var sentinels = []string{testClientSecret, sentAccess, sentCode}

func itoa(n int) string { return strconv.Itoa(n) }

func sprint(format string, a ...any) string { return fmt.Sprintf(format, a...) }

// assertNoSentinel fails if any string holds a sentinel or a 12-character
// head or tail of one (a secret cut in half is still a leak).
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

// errorStrings is every way an error can be printed, down its chain.
func errorStrings(err error) []string {
	var out []string
	for e := err; e != nil; e = errors.Unwrap(e) {
		out = append(out, e.Error(), fmt.Sprintf("%+v", e), fmt.Sprintf("%#v", e))
	}
	var ae *salesforce.AuthError
	if errors.As(err, &ae) {
		out = append(out, ae.Code, ae.Description, ae.Hint, fmt.Sprintf("%+v", *ae))
	}
	var pe *salesforce.APIError
	if errors.As(err, &pe) {
		out = append(out, pe.Code, pe.Message, pe.Hint(), fmt.Sprintf("%+v", *pe))
	}
	return out
}

// echoingTokenEndpoints answer the code exchange with everything they were
// sent (client secret, code, verifier) in every place an error can carry it.
var echoingTokenEndpoints = map[string]func(w http.ResponseWriter, form url.Values){
	"oauth error": func(w http.ResponseWriter, f url.Values) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, `{"error":"invalid_grant %s","error_description":"bad %s %s %s","error_uri":"%s"}`,
			f.Get("code"), f.Get("client_secret"), f.Get("code"), f.Get("code_verifier"), f.Get("client_secret"))
	},
	"html page": func(w http.ResponseWriter, f url.Values) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		fmt.Fprintf(w, "<html><title>%s</title><p>%s</p></html>", f.Get("client_secret"), f.Encode())
	},
	"200 with an error": func(w http.ResponseWriter, f url.Values) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"error":"server_error","error_description":"%s"}`, f.Encode())
	},
	"200 not json": func(w http.ResponseWriter, f url.Values) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `oops %s`, f.Encode())
	},
	"200 without access token": func(w http.ResponseWriter, f url.Values) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"token_type":"Bearer","scope":"%s"}`, f.Get("client_secret"))
	},
}

func TestNoSignInErrorEverContainsASecret(t *testing.T) {
	for name, answer := range echoingTokenEndpoints {
		t.Run(name, func(t *testing.T) {
			ts := newTokenServer(t, answer)
			s := start(t, salesforce.Config{LoginURL: ts.URL, ClientID: testClientID, ClientSecret: testClientSecret, CallbackPort: salesforce.AnyPort})
			get(t, withQuery(s.CallbackURL(), url.Values{"code": {sentCode}, "state": {authParams(t, s).Get("state")}}))
			_, err := s.Wait(context.Background())
			if err == nil {
				t.Fatal("Wait succeeded")
			}
			ts.mu.Lock()
			verifier := ts.form.Get("code_verifier")
			ts.mu.Unlock()
			for _, str := range errorStrings(err) {
				assertNoSentinel(t, str)
				if strings.Contains(str, verifier) {
					t.Errorf("leak of the PKCE verifier in %q", str)
				}
			}
		})
	}
}

func TestNoAuthorizeOrPasteErrorEverContainsASecret(t *testing.T) {
	sim := startSim(t, sfsim.Options{})
	s := start(t, simConfig(sim))
	state := authParams(t, s).Get("state")
	// A wrong state with a code: the refusal must not quote the code.
	err := s.Paste(withQuery(s.CallbackURL(), url.Values{"code": {sentCode}, "state": {"forged"}}))
	assertNoSentinel(t, errorStrings(err)...)
	err = s.Paste("%zz" + sentCode + "=1&state=x")
	assertNoSentinel(t, errorStrings(err)...)
	// A hostile error callback echoing the secret and a code.
	status, body := get(t, withQuery(s.CallbackURL(), url.Values{
		"error": {"access_denied"}, "error_description": {"no " + testClientSecret}, "code": {sentCode}, "state": {state}}))
	if status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	assertNoSentinel(t, body)
	_, err = s.Wait(context.Background())
	assertNoSentinel(t, errorStrings(err)...)
}

func TestCallbackPageHoldsNoSecret(t *testing.T) {
	sim := startSim(t, sfsim.Options{})
	s := start(t, simConfig(sim))
	_, body := get(t, withQuery(s.CallbackURL(), url.Values{"code": {sentCode}, "state": {authParams(t, s).Get("state")}}))
	assertNoSentinel(t, body)
	if !strings.Contains(body, "You can close this tab and return to the terminal") {
		t.Errorf("page = %q", body)
	}
}

func TestNoRESTErrorEverContainsTheToken(t *testing.T) {
	echo := func(status int, ctype, format string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
			w.Header().Set("Content-Type", ctype)
			w.WriteHeader(status)
			fmt.Fprintf(w, format, tok, tok)
		}
	}
	for name, h := range map[string]http.HandlerFunc{
		"401 salesforce error": echo(401, "application/json", `[{"errorCode":"INVALID_SESSION_ID %s","message":"Session %s expired"}]`),
		"400 oauth error":      echo(400, "application/json", `{"error":"%s","error_description":"%s"}`),
		"500 text":             echo(500, "text/plain", "upstream said %s and %s"),
		"502 html":             echo(502, "text/html", "<html><title>%s</title><body>%s</body></html>"),
		"200 not json":         echo(200, "text/html", "<html>%s %s</html>"),
		"cut by the read cap": func(w http.ResponseWriter, r *http.Request) {
			tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
			w.WriteHeader(500)
			const limit = 64 << 10
			fmt.Fprint(w, strings.Repeat(" ", limit-10)+tok)
		},
	} {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(h)
			defer srv.Close()
			_, err := salesforce.Verify(context.Background(), nil, srv.URL, sentAccess)
			if err == nil {
				t.Fatal("Verify succeeded")
			}
			assertNoSentinel(t, errorStrings(err)...)
			_, err = listProfiles(context.Background(), nil, srv.URL, sentAccess, false)
			assertNoSentinel(t, errorStrings(err)...)
		})
	}
}

func TestTimeoutAndCancelErrorsHoldNoSecret(t *testing.T) {
	sim := startSim(t, sfsim.Options{})
	c := simConfig(sim)
	c.Timeout = 10 * time.Millisecond
	_, err := start(t, c).Wait(context.Background())
	assertNoSentinel(t, errorStrings(err)...)
}
