package simulator

import (
	"net/http"
	"time"

	"sfstore/api"
)

// handleRevision is POST /v1/environments/{envID}/propagation/revisions.
// Any body is ignored, as PingOne needs none. Like PingOne's, a revision
// starts a resynchronisation of the environment's stores (resync).
func (s *Server) handleRevision(w http.ResponseWriter, r *http.Request) {
	envID := r.PathValue("envID")
	if !s.checkStoreAccess(w, r, envID) {
		return
	}
	now := time.Now()
	s.resync(envID, now)
	writeJSON(w, http.StatusCreated, map[string]any{
		"id":          newUUID(),
		"environment": api.ObjectRef{ID: envID},
		"createdAt":   now.UTC().Format(timeLayout),
	})
}
