package salesforce

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// The fuzz session's secrets: fixed, so seeds can plant them where a
// hostile callback would echo them.
const (
	fuzzState    = "FuzzState-Q2hlY2tz_7f3a9c"
	fuzzVerifier = "FuzzVerifier-dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1"
	fuzzSecret   = "FuzzClientSecret-8d0f55a2c1e94b7a"
	fuzzPort     = 7717
)

// fuzzSession is a Session that listens nowhere: Paste and serveCallback
// need only its state, secrets and result channel.
func fuzzSession() *Session {
	return &Session{
		cfg:         Config{LoginURL: "https://login.salesforce.com", ClientID: "3MVG9FUZZ", ClientSecret: fuzzSecret},
		state:       fuzzState,
		verifier:    fuzzVerifier,
		callbackURL: callbackURL(fuzzPort),
		port:        fuzzPort,
		results:     make(chan result, 1),
		closed:      make(chan struct{}),
	}
}

// callbackSeeds are addresses and queries a browser, a user or an attacker
// could hand over. The same strings seed both targets.
var callbackSeeds = []string{
	"http://localhost:7717/oauth/callback?code=aPrxAbC%2B%2F%3D%3D&state=" + fuzzState,
	"  http://127.0.0.1:7717/oauth/callback?state=" + fuzzState + "&code=aPrxSENTINELcode12345\n",
	"code=aPrxBareQueryCode0001&state=" + fuzzState,
	"code=aPrxForgedStateCode01&state=forged",
	"code=aPrxNoStateCode000001",
	"st%61te=" + fuzzState + "&code=aPrxEncodedKeyCode0001",
	"state=" + fuzzState + "&error=access_denied&error_description=" + fuzzVerifier + "+" + fuzzSecret + "&code=aPrxEchoedCode00001",
	"state=" + fuzzState + "&error=aPrxCodeAsTheError01&code=aPrxCodeAsTheError01",
	"state=" + fuzzState + "&error=access_denied&code=first&code=aPrxSecondCodeValue01&error_description=aPrxSecondCodeValue01",
	"error=aPrxNoStateErrorCode1&code=aPrxNoStateErrorCode1&error_description=" + fuzzSecret,
	"error=redirect_uri_mismatch&error_description=redirect_uri%20must%20match%20configuration",
	"state=" + fuzzState + "&error=redirect_uri_mismatch&code=http://localhost:7717",
	"http://localhost:7717/oauth/callback?code=x&state=" + fuzzState + "#frag",
	"code=x;state=" + fuzzState,
	"%zz=1&state=" + fuzzState,
	"http://localhost:7717/oauth/callback",
	"I clicked Allow",
	"",
	"state=" + fuzzState + "&state=other&code=aPrxTwoStatesCode0001",
	"state=" + strings.ToUpper(fuzzState) + "&code=aPrxUpperStateCode001",
}

// stateAppears is the fuzz oracle for "never accept a wrong state": a query
// part that decodes to exactly state=<fuzzState>. It is deliberately
// looser than the parser (it ignores which part comes first, and decodes
// an encoded "="), so it only ever fails for a real false accept.
func stateAppears(input string) bool {
	parts := strings.FieldsFunc(input, func(r rune) bool { return r == '?' || r == '&' || r == '#' })
	for _, p := range parts {
		if d, err := url.QueryUnescape(strings.TrimSpace(p)); err == nil && d == "state="+fuzzState {
			return true
		}
	}
	return false
}

// fixedText is everything this package may say about a callback that is
// not taken from it: hints and messages. A code that happens to be part of
// it is not a leak when it shows up.
var fixedText = func() string {
	var b strings.Builder
	codes := []string{"redirect_uri_mismatch", "invalid_client_id", "invalid_client", "invalid_scope", "access_denied",
		"invalid_grant", "invalid_request", "unsupported_response_type", "unsupported_grant_type", "OAUTH_APPROVAL_ERROR_GENERIC",
		"OAUTH_EC_APP_NOT_FOUND", "inactive_user", "rate_limit_exceeded", "server_error", ""}
	descs := []string{"", "approved", "ip restricted", "inactive", "code challenge"}
	s := fuzzSession()
	for _, c := range codes {
		for _, d := range descs {
			b.WriteString(hintFor(c, d, s.callbackURL, s.cfg.LoginURL) + "\n")
		}
	}
	for _, e := range []error{ErrStateMismatch, ErrSessionClosed, &AuthError{Stage: StageAuthorize}} {
		b.WriteString(e.Error() + "\n")
	}
	b.WriteString("Salesforce sent the browser back without an authorization code missing_code\n")
	for _, d := range []pageData{{"This sign-in was not started by sfstore", ""}, {"Salesforce did not sign you in", "Salesforce answered . You can close this tab; the terminal says what to do next."}} {
		w := httptest.NewRecorder()
		writePage(w, 200, d)
		b.WriteString(w.Body.String())
	}
	return b.String()
}()

// checkNoSecret fails when text holds the session's secrets or one of the
// codes the input carried (see fixedText for what does not count).
func checkNoSecret(t *testing.T, input, text string) {
	t.Helper()
	for _, sec := range []string{fuzzVerifier, fuzzSecret} {
		if strings.Contains(text, sec) {
			t.Fatalf("input %q: a session secret leaked into %q", input, text)
		}
	}
	raw := input
	if i := strings.IndexByte(raw, '?'); i >= 0 {
		raw = raw[i+1:]
	}
	raw, _, _ = strings.Cut(strings.TrimSpace(raw), "#")
	q, _ := url.ParseQuery(raw)
	for _, code := range q["code"] {
		// Short codes match ordinary words; Salesforce's are 80-odd chars.
		if len(code) >= 12 && strings.Contains(text, code) && !strings.Contains(fixedText, code) {
			t.Fatalf("input %q: the code %q leaked into %q", input, code, text)
		}
	}
}

// errorText is every string an error from Paste or Wait can be shown by.
func errorText(err error) string {
	if err == nil {
		return ""
	}
	s := err.Error()
	var ae *AuthError
	if errors.As(err, &ae) {
		s += "\n" + ae.Code + "\n" + ae.Description + "\n" + ae.Hint
	}
	return s
}

func FuzzPaste(f *testing.F) {
	for _, s := range callbackSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		s := fuzzSession()
		err := s.Paste(input)
		accepted := len(s.results) == 1
		if accepted != (err == nil) {
			t.Fatalf("input %q: Paste = %v but accepted = %v", input, err, accepted)
		}
		if accepted && !stateAppears(input) {
			t.Fatalf("input %q was accepted without the session's state", input)
		}
		checkNoSecret(t, input, errorText(err))
		if accepted {
			res := <-s.results
			checkNoSecret(t, input, errorText(res.err))
			if err := s.Paste(input); err == nil {
				t.Fatalf("input %q was accepted twice", input)
			}
		}
	})
}

func FuzzCallback(f *testing.F) {
	for _, s := range callbackSeeds {
		if _, q, ok := strings.Cut(s, "?"); ok {
			s = q
		}
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, rawQuery string) {
		s := fuzzSession()
		w := httptest.NewRecorder()
		r := &http.Request{Method: http.MethodGet, Host: "localhost:7717", Header: http.Header{},
			URL: &url.URL{Path: CallbackPath, RawQuery: rawQuery}}
		s.serveCallback(w, r)
		accepted := len(s.results) == 1
		if accepted && !stateAppears(rawQuery) {
			t.Fatalf("query %q was accepted without the session's state", rawQuery)
		}
		if want := map[bool]int{true: http.StatusOK, false: http.StatusBadRequest}[accepted]; w.Code != want {
			t.Fatalf("query %q: status %d, want %d (accepted %v)", rawQuery, w.Code, want, accepted)
		}
		checkNoSecret(t, "?"+rawQuery, w.Body.String())
		if accepted {
			res := <-s.results
			checkNoSecret(t, "?"+rawQuery, errorText(res.err))
		}
	})
}
