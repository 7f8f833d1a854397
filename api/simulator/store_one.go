package simulator

import (
	"net/http"
	"slices"
)

// handleStore dispatches /v1/environments/{envID}/propagation/stores/{storeID}
// by method. The access rules come first, then 404 NOT_FOUND for a store
// this environment does not hold (never created, or deleted), before the
// body is looked at.
func (s *Server) handleStore(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet, http.MethodPut, http.MethodDelete:
	default:
		methodNotAllowed(w, "GET, PUT, DELETE")
		return
	}
	envID, id := r.PathValue("envID"), r.PathValue("storeID")
	if !s.checkStoreAccess(w, r, envID) {
		return
	}
	st, ok := s.store(envID, id)
	switch {
	case !ok:
		writeError(w, http.StatusNotFound, "NOT_FOUND", msgNotFound)
	case r.Method == http.MethodGet:
		// Like PingOne, it echoes the secrets, unless MaskSecretsOnRead.
		writeJSON(w, http.StatusOK, s.forRead(st, baseURL(s, r)))
	case r.Method == http.MethodPut:
		s.handleUpdate(w, r, envID, id)
	default:
		s.handleDelete(w, envID, id)
	}
}

// indexOf returns the index of store id of envID, or -1. s.mu must be held.
func (s *Server) indexOf(envID, id string) int {
	return slices.IndexFunc(s.stores, func(st storeJSON) bool { return st.ID == id && st.Environment.ID == envID })
}

// store returns a copy of store id of envID.
func (s *Server) store(envID, id string) (storeJSON, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if i := s.indexOf(envID, id); i >= 0 {
		return s.stores[i], true
	}
	return storeJSON{}, false
}

// handleUpdate is PUT one store: a full replace (storeJSON.replace),
// validated as a create is. A refused update leaves the store as it was.
func (s *Server) handleUpdate(w http.ResponseWriter, r *http.Request, envID, id string) {
	raw, doc, ok := validStoreBody(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	i := s.indexOf(envID, id)
	var st storeJSON
	if i >= 0 {
		s.stores[i].replace(raw, doc, s.stamp())
		st = s.stores[i]
	}
	s.mu.Unlock()
	if i < 0 { // deleted meanwhile
		writeError(w, http.StatusNotFound, "NOT_FOUND", msgNotFound)
		return
	}
	if st.Links == nil { // a seeded store
		st.Links = storeLinks(baseURL(s, r), envID, id)
	}
	answerChange(w, s.nextFault(changeUpdate), http.StatusOK, s.live(st))
}

// handleDelete is DELETE one store: 204, and the store is gone (GET and a
// second DELETE answer 404). PingOne documents that a store a rule uses
// "must not be deleted"; how it refuses is UNCONFIRMED: the simulator
// answers 400 INVALID_REQUEST naming the rule.
func (s *Server) handleDelete(w http.ResponseWriter, envID, id string) {
	s.mu.Lock()
	i := s.indexOf(envID, id)
	used := slices.IndexFunc(s.rules, func(rl ruleJSON) bool { return rl.SourceStore.ID == id || rl.TargetStore.ID == id })
	if i >= 0 && used >= 0 {
		name := s.rules[used].Name
		s.mu.Unlock()
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidRequest,
			detail{Code: "INVALID_VALUE", Target: "id", Message: "The store is used by the propagation rule '" + name + "': delete the rule first."})
		return
	}
	if i >= 0 {
		s.stores = slices.Delete(s.stores, i, i+1)
	}
	s.mu.Unlock()
	if i < 0 { // deleted meanwhile
		writeError(w, http.StatusNotFound, "NOT_FOUND", msgNotFound)
		return
	}
	answerChange(w, s.nextFault(changeDelete), http.StatusNoContent, nil)
}
