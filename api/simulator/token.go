package simulator

import (
	"crypto/subtle"
	"net/http"
	"net/url"
	"strings"
)

// tokenLifetime is the expires_in PingOne gives worker tokens, in seconds.
const tokenLifetime = 3600

// handleToken is the client credentials grant of POST /{envID}/as/token.
// The client authenticates by HTTP Basic (CLIENT_SECRET_BASIC) or by form
// fields (CLIENT_SECRET_POST).
func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "The request body could not be parsed.")
		return
	}
	id, secret := clientCredentials(r)
	// PingOne cannot find a worker app in an unknown environment, so that
	// looks the same as wrong credentials.
	if !s.envExists(r.PathValue("envID")) || !s.clientOK(id, secret) {
		writeOAuthError(w, http.StatusUnauthorized, "invalid_client", "Request denied: invalid client credentials.")
		return
	}
	if gt := r.PostForm.Get("grant_type"); gt != "client_credentials" {
		writeOAuthError(w, http.StatusBadRequest, "unsupported_grant_type", "The grant type is not supported by this application.")
		return
	}
	tok := newToken()
	s.mu.Lock()
	s.tokens[tok] = true
	s.mu.Unlock()
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, map[string]any{"access_token": tok, "token_type": "Bearer", "expires_in": tokenLifetime})
}

// clientCredentials reads the client ID and secret from HTTP Basic, whose
// parts are form-encoded (RFC 6749 §2.3.1), or else from the form.
func clientCredentials(r *http.Request) (id, secret string) {
	if u, p, ok := r.BasicAuth(); ok {
		id, _ = url.QueryUnescape(u)
		secret, _ = url.QueryUnescape(p)
		return id, secret
	}
	return r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
}

// clientOK checks worker credentials against Options.
func (s *Server) clientOK(id, secret string) bool {
	if s.opts.ClientID == "" && s.opts.ClientSecret == "" {
		return uuidRE.MatchString(id) && secret != ""
	}
	idOK := subtle.ConstantTimeCompare([]byte(id), []byte(s.opts.ClientID)) == 1
	secretOK := subtle.ConstantTimeCompare([]byte(secret), []byte(s.opts.ClientSecret)) == 1
	return idOK && secretOK
}

// authorized reports whether r carries a bearer token this server issued or
// was told to accept.
func (s *Server) authorized(r *http.Request) bool {
	const prefix = "Bearer "
	h := r.Header.Get("Authorization")
	if len(h) <= len(prefix) || !strings.EqualFold(h[:len(prefix)], prefix) {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tokens[h[len(prefix):]]
}
