package simulator

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"sfstore/api"
)

// handleList is GET /v1/environments/{envID}/propagation/stores. Like
// PingOne, it echoes the stores' secrets (unless MaskSecretsOnRead).
//
// It pages as PingOne documents for its collections: at most
// Options.PageSize stores a page (0: all), fewer with ?limit=, and while
// more remain a _links.next whose ?cursor= gives the next page. count is
// the number of stores in the collection, size the number on this page.
// Whether this endpoint pages at all in PingOne is UNCONFIRMED ("not all
// management API endpoints support paging").
func (s *Server) handleList(w http.ResponseWriter, r *http.Request) {
	envID := r.PathValue("envID")
	if !s.checkStoreAccess(w, r, envID) {
		return
	}
	q := r.URL.Query()
	limit, ok := s.pageLimit(w, q.Get("limit"))
	if !ok {
		return
	}
	offset, ok := decodeCursor(w, q.Get("cursor"))
	if !ok {
		return
	}
	base := baseURL(s, r)
	all := []storeJSON{}
	s.mu.Lock()
	for _, st := range s.stores {
		if st.Environment.ID == envID {
			all = append(all, s.forRead(st, base))
		}
	}
	s.mu.Unlock()
	page := all[min(offset, len(all)):]
	links := map[string]api.Link{"self": {Href: base + r.URL.RequestURI()}}
	if limit > 0 && len(page) > limit {
		page = page[:limit]
		next := url.Values{"cursor": {encodeCursor(offset + limit)}}
		if q.Has("limit") {
			next.Set("limit", strconv.Itoa(limit))
		}
		links["next"] = api.Link{Href: base + r.URL.Path + "?" + next.Encode()}
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"_links":    links,
		"_embedded": map[string]any{"stores": page},
		"count":     len(all),
		"size":      len(page),
	})
}

// pageLimit is the page size for ?limit=v: the smaller of v and
// Options.PageSize, 0 for no limit. A limit that is not a positive number
// is a 400.
func (s *Server) pageLimit(w http.ResponseWriter, v string) (int, bool) {
	limit := s.opts.PageSize
	if v == "" {
		return limit, true
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidRequest,
			detail{Code: "INVALID_VALUE", Target: "limit", Message: "limit must be a positive integer."})
		return 0, false
	}
	if limit == 0 || n < limit {
		limit = n
	}
	return limit, true
}

// cursorPrefix marks the simulator's cursors, which are URL-safe and opaque
// to the client as PingOne's are: base64url of "offset:N".
const cursorPrefix = "offset:"

func encodeCursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + strconv.Itoa(offset)))
}

// decodeCursor reads ?cursor=; "" is the first page. A cursor the simulator
// did not make is a 400.
func decodeCursor(w http.ResponseWriter, c string) (int, bool) {
	if c == "" {
		return 0, true
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	n, perr := strconv.Atoi(strings.TrimPrefix(string(b), cursorPrefix))
	if err != nil || perr != nil || !strings.HasPrefix(string(b), cursorPrefix) || n < 0 {
		writeError(w, http.StatusBadRequest, "INVALID_REQUEST", msgInvalidRequest,
			detail{Code: "INVALID_VALUE", Target: "cursor", Message: "The cursor is not valid."})
		return 0, false
	}
	return n, true
}

// Stores returns the stores the simulator holds: Options.SeedStores, then
// those created, oldest first, as the client package would decode them
// (secrets in clear, whatever MaskSecretsOnRead).
func (s *Server) Stores() []api.Store {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]api.Store, 0, len(s.stores))
	for _, st := range s.stores {
		b, _ := json.Marshal(s.live(st))
		var store api.Store
		// The request was validated, so it decodes; an unknown extra key
		// is simply dropped.
		_ = json.Unmarshal(b, &store)
		out = append(out, store)
	}
	return out
}
