package simulator

import (
	"net/http"

	"sfstore/api"
)

// demoActorID is the createdBy of the simulator's revisions: the worker
// app that made them, as far as the simulator knows one.
const demoActorID = "c0ffee00-5f57-4e0a-9d1b-5f5a2e0d7c11"

// revisionJSON is a propagation revision as the simulator returns it.
type revisionJSON struct {
	ID               string         `json:"id"`
	Environment      api.ObjectRef  `json:"environment"`
	CreatedAt        string         `json:"createdAt"`
	CreatedBy        string         `json:"createdBy"`
	PreviousRevision *api.ObjectRef `json:"previousRevision,omitempty"`
}

// handleRevision is POST /v1/environments/{envID}/propagation/revisions.
// Any body is ignored, as PingOne needs none. Like PingOne's, a revision
// starts a resynchronisation of the environment's stores (resync).
func (s *Server) handleRevision(w http.ResponseWriter, r *http.Request) {
	envID := r.PathValue("envID")
	if !s.checkStoreAccess(w, r, envID) {
		return
	}
	now := s.now()
	rev := revisionJSON{ID: newUUID(), Environment: api.ObjectRef{ID: envID}, CreatedAt: now.Format(timeLayout), CreatedBy: demoActorID}
	s.mu.Lock()
	if prev, ok := s.latestRevisionLocked(envID); ok {
		rev.PreviousRevision = &api.ObjectRef{ID: prev.ID}
	}
	s.revisions = append(s.revisions, rev)
	s.mu.Unlock()
	s.resync(envID, now)
	writeJSON(w, http.StatusCreated, rev)
}

// handleRevisionRead is GET …/propagation/revisions/{revisionID}: one
// revision, or with the special ID "id:latest" the latest; 404 NOT_FOUND
// when there is none (yet).
func (s *Server) handleRevisionRead(w http.ResponseWriter, r *http.Request) {
	envID, id := r.PathValue("envID"), r.PathValue("revisionID")
	if !s.checkStoreAccess(w, r, envID) {
		return
	}
	s.mu.Lock()
	var rev revisionJSON
	var ok bool
	if id == "id:latest" {
		rev, ok = s.latestRevisionLocked(envID)
	} else {
		for _, x := range s.revisions {
			if x.ID == id && x.Environment.ID == envID {
				rev, ok = x, true
			}
		}
	}
	s.mu.Unlock()
	if !ok {
		writeError(w, http.StatusNotFound, "NOT_FOUND", msgNotFound)
		return
	}
	writeJSON(w, http.StatusOK, rev)
}

// latestRevisionLocked is the last revision of envID. s.mu must be held.
func (s *Server) latestRevisionLocked(envID string) (revisionJSON, bool) {
	for i := len(s.revisions) - 1; i >= 0; i-- {
		if s.revisions[i].Environment.ID == envID {
			return s.revisions[i], true
		}
	}
	return revisionJSON{}, false
}
