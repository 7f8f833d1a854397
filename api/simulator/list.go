package simulator

import (
	"encoding/json"
	"net/http"

	"sfstore/api"
)

// handleList is GET /v1/environments/{envID}/propagation/stores. Like
// PingOne, it echoes the stores' secrets.
func (s *Server) handleList(w http.ResponseWriter, r *http.Request) {
	envID := r.PathValue("envID")
	if !s.checkStoreAccess(w, r, envID) {
		return
	}
	stores := []storeJSON{}
	s.mu.Lock()
	for _, st := range s.stores {
		if st.Environment.ID == envID {
			if st.Links == nil { // a seeded store
				st.Links = storeLinks(baseURL(s, r), envID, st.ID)
			}
			stores = append(stores, st)
		}
	}
	s.mu.Unlock()
	self := api.Link{Href: baseURL(s, r) + r.URL.Path}
	writeJSON(w, http.StatusOK, map[string]any{
		"_links":    map[string]api.Link{"self": self},
		"_embedded": map[string]any{"stores": stores},
		"count":     len(stores),
		"size":      len(stores),
	})
}

// Stores returns the stores the simulator holds: Options.SeedStores, then
// those created, oldest first, as the client package would decode them
// (secrets in clear).
func (s *Server) Stores() []api.Store {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]api.Store, 0, len(s.stores))
	for _, st := range s.stores {
		b, _ := json.Marshal(st)
		var store api.Store
		// The request was validated, so it decodes; an unknown extra key
		// is simply dropped.
		_ = json.Unmarshal(b, &store)
		out = append(out, store)
	}
	return out
}
