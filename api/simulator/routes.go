package simulator

import (
	"net/http"
	"regexp"
	"slices"
)

// uuidRE matches the lowercase UUIDs PingOne uses for IDs.
var uuidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// routes registers the endpoints. One mux serves the auth and API hosts, so
// one URL works as both. Methods are checked in the handlers, so a wrong
// method gets a PingOne-style JSON error rather than the mux's plain text.
func (s *Server) routes() {
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("/{envID}/as/token", s.only(http.MethodPost, s.handleToken))
	s.mux.HandleFunc("/v1/environments", s.only(http.MethodGet, s.handleEnvironments))
	s.mux.HandleFunc("/v1/environments/{envID}", s.only(http.MethodGet, s.handleEnvironment))
	s.mux.HandleFunc("/v1/environments/{envID}/propagation/stores", s.handleStores)
	s.mux.HandleFunc("/v1/environments/{envID}/propagation/stores/{storeID}", s.handleStore)
	s.mux.HandleFunc("/v1/environments/{envID}/propagation/stores/connection/status", s.only(http.MethodPost, s.handleConnectionCheck))
	s.mux.HandleFunc("/v1/environments/{envID}/propagation/revisions", s.only(http.MethodPost, s.handleRevision))
	s.mux.HandleFunc("/v1/environments/{envID}/propagation/revisions/{revisionID}", s.only(http.MethodGet, s.handleRevisionRead))
	s.mux.HandleFunc("/v1/environments/{envID}/propagation/plans", s.handlePlans)
	s.mux.HandleFunc("/v1/environments/{envID}/propagation/plans/{planID}", s.handlePlan)
	s.mux.HandleFunc("/v1/environments/{envID}/propagation/plans/{planID}/rules", s.handleRules)
	s.mux.HandleFunc("/v1/environments/{envID}/propagation/rules", s.handleRules)
	s.mux.HandleFunc("/v1/environments/{envID}/propagation/rules/{ruleID}", s.handleRule)
	s.mux.HandleFunc("/v1/environments/{envID}/propagation/rules/{ruleID}/mappings", s.handleRuleMappings)
	s.mux.HandleFunc("/v1/environments/{envID}/propagation/mappings/{mappingID}", s.handleMapping)
	s.mux.HandleFunc("/v1/environments/{envID}/propagation/mapping/{mappingID}", s.only(http.MethodDelete, s.handleMapping))
	s.mux.HandleFunc("/v1/environments/{envID}/propagation/storeMetadata/Salesforce", s.only(http.MethodPost, s.handleSalesforceMetadata))
	s.mux.HandleFunc("/v1/environments/{envID}/populations", s.only(http.MethodGet, s.handlePopulations))
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "NOT_FOUND", msgNotFound)
	})
}

// handleStores dispatches the stores collection by method.
func (s *Server) handleStores(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodPost:
		s.handleCreate(w, r)
	case http.MethodGet:
		s.handleList(w, r)
	default:
		methodNotAllowed(w, "GET, POST")
	}
}

// only restricts h to one method.
func (s *Server) only(method string, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != method {
			methodNotAllowed(w, method)
			return
		}
		h(w, r)
	}
}

// methodNotAllowed answers 405; PingOne documents the status, not the body.
func methodNotAllowed(w http.ResponseWriter, allow string) {
	w.Header().Set("Allow", allow)
	writeError(w, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED",
		"The request could not be completed. The HTTP method is not supported for this resource.")
}

// envExists reports whether envID is an environment of this fake tenant.
func (s *Server) envExists(envID string) bool {
	if len(s.opts.Environments) == 0 {
		return uuidRE.MatchString(envID)
	}
	return slices.Contains(s.opts.Environments, envID)
}
