package simulator

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/http"

	"sfstore/api"
)

// timeLayout is PingOne's timestamp format: UTC with milliseconds.
const timeLayout = "2006-01-02T15:04:05.000Z"

// maxBody caps the request bodies the simulator reads.
const maxBody = 1 << 20

// storeJSON is a store as the simulator returns it. Image and Configuration
// are echoed exactly as sent, secrets included, as PingOne does.
type storeJSON struct {
	ID            string              `json:"id"`
	Environment   api.ObjectRef       `json:"environment"`
	CreatedAt     string              `json:"createdAt"`
	UpdatedAt     string              `json:"updatedAt"`
	Image         json.RawMessage     `json:"image,omitempty"`
	Type          string              `json:"type"`
	Status        string              `json:"status"`
	Managed       *bool               `json:"managed,omitempty"`
	Description   *string             `json:"description,omitempty"`
	Configuration json.RawMessage     `json:"configuration"`
	Name          string              `json:"name"`
	SyncStatus    *syncStatusJSON     `json:"syncStatus,omitempty"`
	Links         map[string]api.Link `json:"_links"`
	// job is the sync the last revision started, if a rule syncs the
	// store: its SyncStatus is computed from it at each read (live).
	job *syncJob
}

// syncStatusJSON is a store's syncStatus. Unlike api.SyncStatus it writes
// zero counts, as a read-only status from PingOne would carry them.
type syncStatusJSON struct {
	Details                string `json:"details,omitempty"`
	FailedCount            int    `json:"failedCount"`
	FailedDeprovisionCount int    `json:"failedDeprovisionCount"`
	LastSyncAt             string `json:"lastSyncAt,omitempty"`
	SuccessCount           int    `json:"successCount"`
	SyncState              string `json:"syncState"`
	UserTotal              int    `json:"userTotal"`
}

// handleCreate is POST /v1/environments/{envID}/propagation/stores.
func (s *Server) handleCreate(w http.ResponseWriter, r *http.Request) {
	envID := r.PathValue("envID")
	if !s.checkStoreAccess(w, r, envID) {
		return
	}
	raw, doc, ok := validStoreBody(w, r)
	if !ok {
		return
	}
	st := newStore(baseURL(s, r), envID, raw, doc, s.stamp())
	s.mu.Lock()
	s.stores = append(s.stores, st)
	s.mu.Unlock()
	answerChange(w, s.nextFault(changeCreate), http.StatusCreated, st)
}

// checkAccess answers 401 without a valid bearer token and 404 for an
// unknown environment, in that order, as an API gateway would.
func (s *Server) checkAccess(w http.ResponseWriter, r *http.Request, envID string) bool {
	if !s.checkBearer(w, r) {
		return false
	}
	if !s.envExists(envID) {
		writeError(w, http.StatusNotFound, "NOT_FOUND", msgNotFound)
		return false
	}
	return true
}

// checkStoreAccess is checkAccess for the propagation endpoints, then 403
// when Options.DenyStores plays a token without Environment Admin.
func (s *Server) checkStoreAccess(w http.ResponseWriter, r *http.Request, envID string) bool {
	if !s.checkAccess(w, r, envID) {
		return false
	}
	if s.opts.DenyStores {
		writeForbidden(w)
		return false
	}
	return true
}

// checkBearer answers 401 without a valid bearer token.
func (s *Server) checkBearer(w http.ResponseWriter, r *http.Request) bool {
	if s.authorized(r) {
		return true
	}
	w.Header().Set("WWW-Authenticate", `Bearer realm="pingone", error="invalid_token"`)
	writeError(w, http.StatusUnauthorized, "ACCESS_FAILED", msgAccessFailed,
		detail{Code: "INVALID_TOKEN", Message: "The access token is missing, invalid or expired."})
	return false
}

// validStoreBody reads a create's or an update's body and answers 400 as
// PingOne does when it is not a JSON store that passes validation.
func validStoreBody(w http.ResponseWriter, r *http.Request) (map[string]json.RawMessage, map[string]any, bool) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidRequest,
			detail{Code: "INVALID_VALUE", Target: "Content-Type", Message: "Content-Type must be application/json."})
		return nil, nil, false
	}
	raw, doc, ok := decodeBody(w, r)
	if !ok {
		return nil, nil, false
	}
	if details := validateStore(doc, true); len(details) > 0 {
		writeError(w, http.StatusBadRequest, "INVALID_DATA", msgInvalidData, details...)
		return nil, nil, false
	}
	return raw, doc, true
}

// decodeBody reads a JSON object twice over: raw values to echo, decoded
// values to validate. It answers 400 INVALID_REQUEST when it cannot.
func decodeBody(w http.ResponseWriter, r *http.Request) (map[string]json.RawMessage, map[string]any, bool) {
	var buf bytes.Buffer
	_, err := buf.ReadFrom(http.MaxBytesReader(w, r.Body, maxBody))
	var raw map[string]json.RawMessage
	var doc map[string]any
	if err == nil {
		err = json.Unmarshal(buf.Bytes(), &raw)
	}
	if err == nil {
		err = json.Unmarshal(buf.Bytes(), &doc)
	}
	if err != nil || raw == nil {
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidRequest,
			detail{Code: "INVALID_VALUE", Message: "The request body must be a valid JSON object."})
		return nil, nil, false
	}
	return raw, doc, true
}

// newStore builds the 201 body for a valid request.
func newStore(base, envID string, raw map[string]json.RawMessage, doc map[string]any, now string) storeJSON {
	st := storeJSON{ID: newUUID(), Environment: api.ObjectRef{ID: envID}, CreatedAt: now}
	st.replace(raw, doc, now)
	st.Links = storeLinks(base, envID, st.ID)
	return st
}

// replace sets every writable field from a valid create or update request,
// as a full replace does: a field left out is cleared, and status goes back
// to its documented default, INACTIVE. (That PingOne's PUT clears what it
// is not sent is the simulator's reading of "full replace", UNCONFIRMED;
// it keeps a client honest about sending the whole store.) Image and
// configuration are kept as sent, secrets included.
func (st *storeJSON) replace(raw map[string]json.RawMessage, doc map[string]any, now string) {
	st.UpdatedAt = now
	st.Image, st.Configuration = raw["image"], raw["configuration"]
	if st.Configuration == nil { // a directory store sent without one
		st.Configuration = json.RawMessage("{}")
	}
	st.Type, st.Name = doc["type"].(string), doc["name"].(string)
	st.Status, st.Managed, st.Description = api.StatusInactive, nil, nil
	if s, ok := doc["status"].(string); ok {
		st.Status = s
	}
	if m, ok := doc["managed"].(bool); ok {
		st.Managed = &m
	}
	if d, ok := doc["description"].(string); ok {
		st.Description = &d
	}
}

// storeLinks are the HAL links of a store: PingOne's example gives self,
// update and delete, all the store's URL.
func storeLinks(base, envID, id string) map[string]api.Link {
	self := api.Link{Href: base + "/v1/environments/" + envID + "/propagation/stores/" + id}
	return map[string]api.Link{"self": self, "update": self, "delete": self}
}

// baseURL is the started server's URL, or else the one the request used.
func baseURL(s *Server, r *http.Request) string {
	if s.url != "" {
		return s.url
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
