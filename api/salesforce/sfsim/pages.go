package sfsim

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"sfstore/api/salesforce"
)

const (
	// defaultPageSize is Salesforce's default (and largest) query batch.
	defaultPageSize = 2000
	// maxLocators bounds the query locators kept for nextRecordsUrl, so a
	// client that never reads to the end cannot grow the server without
	// end. The oldest goes first.
	maxLocators = 20
)

// writeQuery answers a query with its first page and, when there is more,
// a query locator for the rest, as Salesforce does:
// "nextRecordsUrl": "/services/data/v62.0/query/01gD0000002HU6KIAW-2000",
// where 2000 is the offset of the next record.
func (s *Server) writeQuery(w http.ResponseWriter, records []any) {
	loc := ""
	if len(records) > s.pageSize() {
		loc = s.newLocator(records)
	}
	s.writePage(w, records, loc, 0)
}

// queryMore answers a nextRecordsUrl: /services/data/v62.0/query/{locator}-{offset}.
func (s *Server) queryMore(w http.ResponseWriter, r *http.Request) {
	loc, off, ok := strings.Cut(r.PathValue("cursor"), "-")
	offset, err := strconv.Atoi(off)
	s.mu.Lock()
	records, known := s.cursors[loc]
	s.mu.Unlock()
	if !ok || err != nil || !known || offset <= 0 || offset >= len(records) {
		restError(w, http.StatusBadRequest, "INVALID_QUERY_LOCATOR", "invalid query locator")
		return
	}
	s.writePage(w, records, loc, offset)
}

// writePage writes the page of records that starts at offset. totalSize is
// always the whole query's, on every page.
func (s *Server) writePage(w http.ResponseWriter, records []any, loc string, offset int) {
	end := min(offset+s.pageSize(), len(records))
	page := records[offset:end]
	if page == nil {
		page = []any{}
	}
	body := map[string]any{"totalSize": len(records), "done": end == len(records), "records": page}
	if end < len(records) {
		body["nextRecordsUrl"] = "/services/data/v62.0/query/" + loc + "-" + strconv.Itoa(end)
	} else if loc != "" {
		s.dropLocator(loc)
	}
	writeJSON(w, http.StatusOK, body)
}

func (s *Server) pageSize() int {
	if s.opts.PageSize > 0 {
		return s.opts.PageSize
	}
	return defaultPageSize
}

// newLocator keeps records for nextRecordsUrl under a new query locator:
// an 18-character ID with the "01g" prefix, like Salesforce's.
func (s *Server) newLocator(records []any) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	loc := salesforce.ID18(fmt.Sprintf("01g5g%010d", s.nextID))
	s.cursors[loc] = records
	s.order = append(s.order, loc)
	if len(s.order) > maxLocators {
		delete(s.cursors, s.order[0])
		s.order = s.order[1:]
	}
	return loc
}

// dropLocator forgets a query locator whose last page was served.
func (s *Server) dropLocator(loc string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.cursors, loc)
	for i, l := range s.order {
		if l == loc {
			s.order = append(s.order[:i], s.order[i+1:]...)
			break
		}
	}
}
