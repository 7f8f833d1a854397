package sfsim_test

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"sfstore/api/demoorg"
	"sfstore/api/salesforce/sfsim"
)

const (
	clientID = "3MVG9SIM"
	secret   = "sim-secret-123456"
	redirect = "http://localhost:7717/oauth/callback"
	verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
)

var noRedirects = &http.Client{
	Timeout:       10 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

func start(t *testing.T, opts sfsim.Options) *sfsim.Server {
	t.Helper()
	if opts.ClientID == "" {
		opts.ClientID = clientID
	}
	if opts.ClientSecret == "" {
		opts.ClientSecret = secret
	}
	s, err := sfsim.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func challenge(v string) string {
	sum := sha256.Sum256([]byte(v))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

func authorizeParams() url.Values {
	return url.Values{
		"response_type": {"code"}, "client_id": {clientID}, "redirect_uri": {redirect},
		"scope": {"api refresh_token"}, "state": {"st"},
		"code_challenge": {challenge(verifier)}, "code_challenge_method": {"S256"},
	}
}

// authorize returns the query authorize redirected back with.
func authorize(t *testing.T, s *sfsim.Server, q url.Values) url.Values {
	t.Helper()
	resp, err := noRedirects.Get(s.URL() + "/services/oauth2/authorize?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		t.Fatalf("authorize: %s", resp.Status)
	}
	loc, err := url.Parse(resp.Header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	if got := loc.Scheme + "://" + loc.Host + loc.Path; got != redirect {
		t.Errorf("redirected to %s, want %s", got, redirect)
	}
	return loc.Query()
}

// post sends a token request and decodes the JSON answer.
func post(t *testing.T, s *sfsim.Server, form url.Values) (int, map[string]string) {
	t.Helper()
	resp, err := http.PostForm(s.URL()+"/services/oauth2/token", form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]string
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

func exchangeForm(code string) url.Values {
	return url.Values{
		"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {redirect},
		"client_id": {clientID}, "client_secret": {secret}, "code_verifier": {verifier},
	}
}

func TestCodeExchangeChecksPKCEAndIsSingleUse(t *testing.T) {
	s := start(t, sfsim.Options{})
	back := authorize(t, s, authorizeParams())
	if back.Get("state") != "st" || back.Get("code") == "" {
		t.Fatalf("callback query = %v", back)
	}

	wrong := exchangeForm(back.Get("code"))
	wrong.Set("code_verifier", strings.Repeat("x", 43))
	if status, body := post(t, s, wrong); status != 400 || body["error"] != "invalid_grant" {
		t.Errorf("wrong verifier: %d %v, want 400 invalid_grant", status, body)
	}
	// The failed attempt used the code up.
	if status, body := post(t, s, exchangeForm(back.Get("code"))); status != 400 || body["error"] != "invalid_grant" {
		t.Errorf("code reused: %d %v, want 400 invalid_grant", status, body)
	}

	back = authorize(t, s, authorizeParams())
	status, body := post(t, s, exchangeForm(back.Get("code")))
	if status != 200 {
		t.Fatalf("exchange: %d %v", status, body)
	}
	for _, k := range []string{"access_token", "refresh_token", "instance_url", "id", "token_type", "issued_at", "scope", "signature"} {
		if body[k] == "" {
			t.Errorf("token answer lacks %s: %v", k, body)
		}
	}
	if !strings.HasPrefix(body["access_token"], "00D5g000004XyZ1!AQ") || body["instance_url"] != s.URL() ||
		body["id"] != s.URL()+"/id/"+demoorg.OrgID+"/"+demoorg.UserID || body["token_type"] != "Bearer" {
		t.Errorf("token answer = %v", body)
	}
	if status, _ := post(t, s, exchangeForm(back.Get("code"))); status != 400 {
		t.Errorf("a used code worked again: %d", status)
	}
}

func TestTokenEndpointChecksTheClient(t *testing.T) {
	s := start(t, sfsim.Options{})
	for name, tc := range map[string]struct {
		edit func(url.Values)
		want string
	}{
		"wrong secret":     {func(f url.Values) { f.Set("client_secret", "nope") }, "invalid_client"},
		"no secret":        {func(f url.Values) { f.Del("client_secret") }, "invalid_client"},
		"wrong client id":  {func(f url.Values) { f.Set("client_id", "other") }, "invalid_client_id"},
		"wrong redirect":   {func(f url.Values) { f.Set("redirect_uri", "http://localhost:1/x") }, "invalid_grant"},
		"wrong grant type": {func(f url.Values) { f.Set("grant_type", "password") }, "unsupported_grant_type"},
	} {
		f := exchangeForm(authorize(t, s, authorizeParams()).Get("code"))
		tc.edit(f)
		if status, body := post(t, s, f); status != 400 || body["error"] != tc.want {
			t.Errorf("%s: %d %v, want 400 %s", name, status, body, tc.want)
		}
	}
}

func TestAuthorizeRedirectsErrorsBack(t *testing.T) {
	for name, tc := range map[string]struct {
		opts sfsim.Options
		edit func(url.Values)
		want string
	}{
		"CallbackError":        {sfsim.Options{CallbackError: "access_denied"}, nil, "access_denied"},
		"unknown client":       {sfsim.Options{}, func(q url.Values) { q.Set("client_id", "other") }, "invalid_client_id"},
		"no challenge":         {sfsim.Options{}, func(q url.Values) { q.Del("code_challenge") }, "invalid_request"},
		"plain challenge":      {sfsim.Options{}, func(q url.Values) { q.Set("code_challenge_method", "plain") }, "invalid_request"},
		"token response type":  {sfsim.Options{}, func(q url.Values) { q.Set("response_type", "token") }, "unsupported_response_type"},
		"unknown scope":        {sfsim.Options{}, func(q url.Values) { q.Set("scope", "api everything") }, "invalid_scope"},
		"redirect_uri problem": {sfsim.Options{CallbackError: "redirect_uri_mismatch"}, nil, "redirect_uri_mismatch"},
	} {
		s := start(t, tc.opts)
		q := authorizeParams()
		if tc.edit != nil {
			tc.edit(q)
		}
		back := authorize(t, s, q)
		if back.Get("error") != tc.want || back.Get("error_description") == "" || back.Get("state") != "st" || back.Get("code") != "" {
			t.Errorf("%s: callback query %v, want error=%s with a description and the state", name, back, tc.want)
		}
	}
}

func TestAuthorizeRefusesANonLoopbackCallback(t *testing.T) {
	s := start(t, sfsim.Options{})
	for _, ru := range []string{"https://evil.example/cb", "http://evil.example/cb", "", "http://localhost.evil.example/cb"} {
		q := authorizeParams()
		q.Set("redirect_uri", ru)
		resp, err := noRedirects.Get(s.URL() + "/services/oauth2/authorize?" + q.Encode())
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("redirect_uri %q: %s, want 400", ru, resp.Status)
		}
	}
}

func TestNoRefreshTokenOption(t *testing.T) {
	s := start(t, sfsim.Options{NoRefreshToken: true})
	_, body := post(t, s, exchangeForm(authorize(t, s, authorizeParams()).Get("code")))
	if _, ok := body["refresh_token"]; ok || strings.Contains(body["scope"], "refresh_token") || body["access_token"] == "" {
		t.Errorf("token answer = %v, want no refresh token", body)
	}
}

func TestRefreshWithAndWithoutRotation(t *testing.T) {
	for _, rotate := range []bool{false, true} {
		s := start(t, sfsim.Options{Rotate: rotate})
		_, first := post(t, s, exchangeForm(authorize(t, s, authorizeParams()).Get("code")))
		refresh := url.Values{"grant_type": {"refresh_token"}, "refresh_token": {first["refresh_token"]}, "client_id": {clientID}, "client_secret": {secret}}
		status, second := post(t, s, refresh)
		if status != 200 || second["access_token"] == "" || second["access_token"] == first["access_token"] {
			t.Fatalf("rotate=%v: refresh %d %v", rotate, status, second)
		}
		_, newRefresh := second["refresh_token"]
		if newRefresh != rotate || s.RefreshTokenValid(first["refresh_token"]) == rotate || s.Refreshes() != 1 {
			t.Errorf("rotate=%v: new refresh token %v, old still valid %v", rotate, newRefresh, s.RefreshTokenValid(first["refresh_token"]))
		}
		if rotate {
			if status, body := post(t, s, refresh); status != 400 || body["error"] != "invalid_grant" {
				t.Errorf("reused rotated refresh token: %d %v", status, body)
			}
		}
	}
}

// getREST GETs a REST path with a bearer token.
func getREST(t *testing.T, s *sfsim.Server, path, token string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, s.URL()+path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestRESTNeedsABearerToken(t *testing.T) {
	s := start(t, sfsim.Options{AccessTokens: []string{"pasted"}})
	for _, path := range []string{"/services/oauth2/userinfo", "/services/data/v62.0/", "/services/data/v62.0/query?q=x"} {
		for _, tok := range []string{"", "wrong"} {
			status, body := getREST(t, s, path, tok)
			if status != 401 || !strings.Contains(body, `"errorCode":"INVALID_SESSION_ID"`) || !strings.Contains(body, "Session expired or invalid") {
				t.Errorf("%s with %q: %d %s", path, tok, status, body)
			}
		}
		if status, body := getREST(t, s, path, "pasted"); status == 401 {
			t.Errorf("%s with an accepted token: %d %s", path, status, body)
		}
	}
	if status, body := getREST(t, s, "/services/data/v99.0/", "pasted"); status != 404 || !strings.Contains(body, "NOT_FOUND") {
		t.Errorf("unknown path: %d %s", status, body)
	}
}

func TestQueryKnowsOnlyThePickerShapes(t *testing.T) {
	s := start(t, sfsim.Options{AccessTokens: []string{"pasted"}})
	for q, wantStatus := range map[string]int{
		"SELECT Id, Name, UserLicense.Name FROM Profile ORDER BY Name":                       200,
		"select id, name, userlicense.name from profile order by name":                       200,
		"SELECT Id, Name FROM Account WHERE Name LIKE '%acme%' ORDER BY Name LIMIT 20":       200,
		`SELECT Id, Name FROM Account WHERE Name LIKE '%O\'Br\_en\%%' ORDER BY Name LIMIT 5`: 200,
		"SELECT Id FROM User": 400,
		"SELECT Id, Name FROM Account WHERE Name LIKE '%a\\qb%' ORDER BY Name LIMIT 20": 400, // unknown escape
		"SELECT Id, Name FROM Account WHERE Name LIKE '%a'b%' ORDER BY Name LIMIT 20":   400, // unescaped quote
		"SELECT Id, Name FROM Account WHERE Name LIKE '%a%' ORDER BY Name LIMIT 0":      400,
	} {
		status, body := getREST(t, s, "/services/data/v62.0/query?q="+url.QueryEscape(q), "pasted")
		if status != wantStatus || (status == 400 && !strings.Contains(body, "MALFORMED_QUERY")) {
			t.Errorf("%s: %d %s, want %d", q, status, body, wantStatus)
		}
	}
}

// The success path of FollowRedirects is exercised end to end by package
// salesforce's tests; these are its refusals.
func TestFollowRedirectsRefusals(t *testing.T) {
	s := start(t, sfsim.Options{})
	if err := s.FollowRedirects("https://login.salesforce.com/services/oauth2/authorize?x=1"); err == nil {
		t.Error("FollowRedirects opened another site's URL")
	}
	q := authorizeParams()
	q.Set("redirect_uri", "http://127.0.0.1:1/oauth/callback") // nothing listens there
	err := s.FollowRedirects(s.URL() + "/services/oauth2/authorize?" + q.Encode())
	if err == nil || strings.Contains(err.Error(), "code=") || strings.Contains(err.Error(), "aPrx") {
		t.Errorf("FollowRedirects to a dead callback = %v, want an error without the code", err)
	}
}
