package simulator

import (
	"mime"
	"net/http"
	"slices"
	"strings"

	"sfstore/api"
)

// allowMethods answers 405 for a method not in allowed.
func allowMethods(w http.ResponseWriter, r *http.Request, allowed ...string) bool {
	if slices.Contains(allowed, r.Method) {
		return true
	}
	methodNotAllowed(w, strings.Join(allowed, ", "))
	return false
}

// readJSON reads a JSON object body, answering 400 INVALID_REQUEST for
// another Content-Type or a body that is not one.
func readJSON(w http.ResponseWriter, r *http.Request) (map[string]any, bool) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidRequest,
			detail{Code: "INVALID_VALUE", Target: "Content-Type", Message: "Content-Type must be application/json."})
		return nil, false
	}
	_, doc, ok := decodeBody(w, r)
	return doc, ok
}

// itemRequest starts a handler of one item's GET, PUT and DELETE: 405
// for another method, the access check, and a PUT's JSON body (nil for
// the others). A false ok means the answer is written.
func (s *Server) itemRequest(w http.ResponseWriter, r *http.Request, envID string) (doc map[string]any, ok bool) {
	if !allowMethods(w, r, http.MethodGet, http.MethodPut, http.MethodDelete) || !s.checkStoreAccess(w, r, envID) {
		return nil, false
	}
	if r.Method != http.MethodPut {
		return nil, true
	}
	return readJSON(w, r)
}

// failed answers 400 INVALID_DATA with every detail v collected, if any.
func failed(w http.ResponseWriter, v validator) bool {
	if len(v.details) == 0 {
		return false
	}
	writeError(w, http.StatusBadRequest, "INVALID_DATA", msgInvalidData, v.details...)
	return true
}

// writeList answers a collection in one page under _embedded.{key}.
func writeList(w http.ResponseWriter, r *http.Request, s *Server, key string, items any, n int) {
	if n == 0 {
		items = []any{}
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"_links":    map[string]api.Link{"self": {Href: baseURL(s, r) + r.URL.RequestURI()}},
		"_embedded": map[string]any{key: items},
		"count":     n, "size": n,
	})
}

// selfLink is the HAL self link of item id of a propagation collection.
func selfLink(base, envID, collection, id string) map[string]api.Link {
	return map[string]api.Link{"self": {Href: base + "/v1/environments/" + envID + "/propagation/" + collection + "/" + id}}
}

// refID is the id of a {"id": …} reference in a decoded body, "" when
// missing, and whether the field is there but not such a reference.
func refID(doc map[string]any, field string) (id string, malformed bool) {
	x, ok := doc[field]
	if !ok || x == nil {
		return "", false
	}
	m, ok := x.(map[string]any)
	if !ok {
		return "", true
	}
	id, ok = m["id"].(string)
	return strings.TrimSpace(id), !ok && m["id"] != nil
}
