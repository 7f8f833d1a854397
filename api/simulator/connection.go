package simulator

import (
	"fmt"
	"mime"
	"net/http"
	"slices"
	"strings"

	"sfstore/api"
)

// Answers of the connection check. PingOne documents no response body for
// a 200 ("no schema", UNCONFIRMED): the success body is the simulator's
// guess, the one api.TestConnection reads.
const (
	connectionOK         = "Connection to Salesforce succeeded."
	msgHostNotFound      = "Could not connect to Salesforce at %s: host not found."
	msgExpiredToken      = "Salesforce rejected the OAuth access token (INVALID_SESSION_ID)"
	expiredTokenSentinel = "expired-demo-token"
)

// handleConnectionCheck is POST
// /v1/environments/{envID}/propagation/stores/connection/status.
func (s *Server) handleConnectionCheck(w http.ResponseWriter, r *http.Request) {
	if !s.checkStoreAccess(w, r, r.PathValue("envID")) {
		return
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != api.ConnectionCheckContentType {
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidRequest,
			detail{Code: "INVALID_VALUE", Target: "Content-Type", Message: "Content-Type must be " + api.ConnectionCheckContentType + "."})
		return
	}
	_, doc, ok := decodeBody(w, r)
	if !ok {
		return
	}
	if details := validateStore(doc, false); len(details) > 0 {
		writeError(w, http.StatusBadRequest, "INVALID_DATA", msgInvalidData, details...)
		return
	}
	cfg := doc["configuration"].(map[string]any) // validated
	domain, _ := cfg["SALESFORCE_DOMAIN"].(string)
	if !salesforceHost(domain) {
		writeError(w, http.StatusBadRequest, "REQUEST_FAILED", fmt.Sprintf(msgHostNotFound, domain),
			detail{Code: "INVALID_VALUE", Target: "configuration.SALESFORCE_DOMAIN", Message: "Host not found."})
		return
	}
	if token, _ := cfg["OAUTH_ACCESS_TOKEN"].(string); s.sessionExpired(token) {
		writeError(w, http.StatusBadRequest, "REQUEST_FAILED", msgExpiredToken,
			detail{Code: "INVALID_VALUE", Target: "configuration.OAUTH_ACCESS_TOKEN", Message: "The access token is expired or revoked."})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "SUCCESS", "message": connectionOK})
}

// salesforceHost is the simulator's stand-in for DNS: the host of domain
// (a scheme, path and port are ignored) must end in .salesforce.com or
// .force.com.
func salesforceHost(domain string) bool {
	h := strings.ToLower(strings.TrimSpace(domain))
	if _, rest, ok := strings.Cut(h, "://"); ok {
		h = rest
	}
	h, _, _ = strings.Cut(h, "/")
	h, _, _ = strings.Cut(h, ":")
	h = strings.TrimSuffix(h, ".")
	return strings.HasSuffix(h, ".salesforce.com") || strings.HasSuffix(h, ".force.com")
}

// sessionExpired reports whether Salesforce would refuse an access token as
// INVALID_SESSION_ID: the literal "expired-demo-token", one of
// Options.ExpiredAccessTokens, or a mask sent back in place of the token.
func (s *Server) sessionExpired(token string) bool {
	return token == expiredTokenSentinel || slices.Contains(s.opts.ExpiredAccessTokens, token) || api.LooksMasked(token)
}
