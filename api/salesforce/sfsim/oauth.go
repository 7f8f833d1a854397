package sfsim

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"sfstore/api/demoorg"
)

// descriptions are the error_description Salesforce sends with each error.
var descriptions = map[string]string{
	"access_denied":                "end-user denied authorization",
	"redirect_uri_mismatch":        "redirect_uri must match configuration",
	"invalid_client_id":            "client identifier invalid",
	"invalid_client":               "invalid client credentials",
	"invalid_scope":                "the requested scope is not allowed",
	"invalid_request":              "invalid request",
	"unsupported_response_type":    "response type not supported",
	"OAUTH_APPROVAL_ERROR_GENERIC": "An unexpected error has occured during authentication. Please try again.",
}

// knownScopes are the scopes Salesforce knows (a subset).
var knownScopes = map[string]bool{
	"api": true, "refresh_token": true, "offline_access": true, "id": true, "openid": true,
	"profile": true, "email": true, "address": true, "phone": true, "web": true, "full": true,
	"chatter_api": true, "custom_permissions": true,
}

func (s *Server) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	redirect, ok := loopbackURL(q.Get("redirect_uri"))
	if !ok {
		// Salesforce cannot send the browser to a callback it does not
		// trust: it shows the error on its own page.
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte("error=redirect_uri_mismatch&error_description=redirect_uri%20must%20match%20configuration\n"))
		return
	}
	back := func(params url.Values) {
		params.Set("state", q.Get("state"))
		u := *redirect
		v := u.Query()
		for k, vs := range params {
			v[k] = vs
		}
		u.RawQuery = v.Encode()
		http.Redirect(w, r, u.String(), http.StatusFound)
	}
	fail := func(code, desc string) {
		if desc == "" {
			desc = descriptions[code]
		}
		back(url.Values{"error": {code}, "error_description": {desc}})
	}
	scopes := strings.Fields(q.Get("scope"))
	switch {
	case s.opts.CallbackError != "":
		fail(s.opts.CallbackError, "")
	case q.Get("client_id") == "" || (s.opts.ClientID != "" && q.Get("client_id") != s.opts.ClientID):
		fail("invalid_client_id", "")
	case q.Get("response_type") != "code":
		fail("unsupported_response_type", "")
	case q.Get("code_challenge") == "":
		fail("invalid_request", "missing required code challenge")
	case q.Get("code_challenge_method") != "S256":
		fail("invalid_request", "invalid code challenge method")
	case !allKnown(scopes):
		fail("invalid_scope", "")
	default:
		code := "aPrx" + base64.StdEncoding.EncodeToString(randomBytes(25)) // "+", "/" and "=" on purpose
		s.mu.Lock()
		s.codes[code] = grant{
			clientID:    q.Get("client_id"),
			redirectURI: q.Get("redirect_uri"),
			challenge:   q.Get("code_challenge"),
			scope:       strings.Join(scopes, " "),
			issued:      time.Now(),
		}
		s.mu.Unlock()
		back(url.Values{"code": {code}})
	}
}

func allKnown(scopes []string) bool {
	for _, sc := range scopes {
		if !knownScopes[sc] {
			return false
		}
	}
	return true
}

// loopbackURL parses an http URL on localhost, 127.0.0.1 or [::1].
func loopbackURL(raw string) (*url.URL, bool) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "http" || u.User != nil || u.Fragment != "" {
		return nil, false
	}
	h := u.Hostname()
	if ip := net.ParseIP(h); h != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, false
	}
	return u, true
}

func (s *Server) token(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request", "invalid request")
		return
	}
	id, secret, basic := r.BasicAuth()
	if !basic {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	switch {
	case id == "" || (s.opts.ClientID != "" && id != s.opts.ClientID):
		oauthError(w, http.StatusBadRequest, "invalid_client_id", "client identifier invalid")
		return
	case s.opts.ClientSecret != "" && subtle.ConstantTimeCompare([]byte(secret), []byte(s.opts.ClientSecret)) != 1:
		oauthError(w, http.StatusBadRequest, "invalid_client", "invalid client credentials")
		return
	}
	switch r.PostForm.Get("grant_type") {
	case "authorization_code":
		s.codeGrant(w, r, id)
	case "refresh_token":
		s.refreshGrant(w, r)
	default:
		oauthError(w, http.StatusBadRequest, "unsupported_grant_type", "grant type not supported")
	}
}

func (s *Server) codeGrant(w http.ResponseWriter, r *http.Request, clientID string) {
	code := r.PostForm.Get("code")
	s.mu.Lock()
	g, ok := s.codes[code]
	delete(s.codes, code) // single use, whatever happens next
	s.mu.Unlock()
	verifier := r.PostForm.Get("code_verifier")
	sum := sha256.Sum256([]byte(verifier))
	switch {
	case !ok:
		oauthError(w, http.StatusBadRequest, "invalid_grant", "invalid authorization code")
	case time.Since(g.issued) > codeLifetime:
		oauthError(w, http.StatusBadRequest, "invalid_grant", "expired authorization code")
	case g.clientID != clientID:
		oauthError(w, http.StatusBadRequest, "invalid_grant", "authorization code was issued to another client")
	case r.PostForm.Get("redirect_uri") != g.redirectURI:
		oauthError(w, http.StatusBadRequest, "invalid_grant", "redirect_uri must match configuration")
	case verifier == "" || base64.RawURLEncoding.EncodeToString(sum[:]) != g.challenge:
		oauthError(w, http.StatusBadRequest, "invalid_grant", "invalid code verifier")
	default:
		scope := g.scope
		if scope == "" {
			scope = "api refresh_token"
		}
		withRefresh := !s.opts.NoRefreshToken
		if !withRefresh {
			scope = strings.Join(without(strings.Fields(scope), "refresh_token", "offline_access"), " ")
		}
		s.issue(w, scope, withRefresh)
	}
}

func (s *Server) refreshGrant(w http.ResponseWriter, r *http.Request) {
	old := r.PostForm.Get("refresh_token")
	s.mu.Lock()
	ok := s.refresh[old]
	if ok {
		s.refreshes++
		if s.opts.Rotate {
			delete(s.refresh, old)
		}
	}
	s.mu.Unlock()
	if !ok {
		oauthError(w, http.StatusBadRequest, "invalid_grant", "expired access/refresh token")
		return
	}
	s.issue(w, "api refresh_token", s.opts.Rotate)
}

// issue writes a token answer with a fresh access token and, when asked, a
// fresh refresh token.
func (s *Server) issue(w http.ResponseWriter, scope string, withRefresh bool) {
	access := demoorg.OrgID15 + "!AQ" + randomString(72)
	issuedAt := strconv.FormatInt(time.Now().UnixMilli(), 10)
	idURL := s.url + "/id/" + demoorg.OrgID + "/" + demoorg.UserID
	mac := hmac.New(sha256.New, s.key)
	mac.Write([]byte(idURL + issuedAt))
	body := map[string]string{
		"access_token": access,
		"instance_url": s.url,
		"id":           idURL,
		"token_type":   "Bearer",
		"issued_at":    issuedAt,
		"scope":        scope,
		"signature":    base64.StdEncoding.EncodeToString(mac.Sum(nil)),
	}
	s.mu.Lock()
	s.access[access] = true
	if withRefresh {
		refresh := "5Aep861" + randomString(64)
		s.refresh[refresh] = true
		body["refresh_token"] = refresh
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, body)
}

func without(list []string, drop ...string) []string {
	var out []string
	for _, x := range list {
		keep := true
		for _, d := range drop {
			keep = keep && x != d
		}
		if keep {
			out = append(out, x)
		}
	}
	return out
}

// oauthError writes an OAuth error answer, as Salesforce's token endpoint does.
func oauthError(w http.ResponseWriter, status int, code, desc string) {
	writeJSON(w, status, map[string]string{"error": code, "error_description": desc})
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}
