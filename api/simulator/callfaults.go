package simulator

import (
	"net"
	"net/http"
	"net/http/httptest"
	"path"
	"strconv"
	"strings"
)

// Answer is how a call chosen by a CallFault is answered.
type Answer int

const (
	// Answer429 is 429 REQUEST_LIMITED with Retry-After
	// (CallFault.RetryAfter, else RetryAfterSeconds).
	Answer429 Answer = iota + 1
	// Answer500 is 500 UNEXPECTED_ERROR, a PingOne error body.
	Answer500
	// Answer502 is 502 with a proxy's HTML page (Failures["502-html"]).
	Answer502
	// Answer503 is 503 with an empty body.
	Answer503
	// AnswerReset drops the connection without an answer (a TCP reset
	// where the listener allows). It needs a real server (Start, or the
	// Server in an httptest.Server): called directly with a
	// ResponseRecorder, the handler panics with http.ErrAbortHandler.
	AnswerReset
	// AnswerHang never answers: the handler waits until the client gives
	// up (its context or timeout) or the server is closed.
	AnswerHang
)

// CallFault makes the N-th call (counting from 1) matching Method and
// Path answer Answer, instead of being carried out or, with Applied,
// after it was carried out (the change is made and its answer lost: an
// ambiguous write). N 0 means every matching call.
//
// Path is matched against the request's unescaped path with path.Match,
// so "*" stands for one segment: "/v1/environments/*/propagation/rules",
// "/v1/environments/*/propagation/rules/*/mappings". The revision
// "id%3Alatest" is matched as "id:latest". An empty Method matches every
// method. Calls are counted per fault, refused calls included.
type CallFault struct {
	Method     string
	Path       string
	N          int
	Answer     Answer
	Applied    bool
	RetryAfter int // seconds, for Answer429; 0 is RetryAfterSeconds
}

// callFault is a CallFault and its count of matching calls.
type callFault struct {
	CallFault
	seen int
}

// FailCall adds f to the faults of a running server: its count starts
// now.
func (s *Server) FailCall(f CallFault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.callFaults = append(s.callFaults, &callFault{CallFault: f})
}

// matchCallFault counts r against every fault and returns the first that
// fires for it, or nil.
func (s *Server) matchCallFault(r *http.Request) *CallFault {
	s.mu.Lock()
	defer s.mu.Unlock()
	var fired *CallFault
	for _, f := range s.callFaults {
		if f.Method != "" && !strings.EqualFold(f.Method, r.Method) {
			continue
		}
		if ok, _ := path.Match(f.Path, r.URL.Path); !ok {
			continue
		}
		f.seen++
		if fired == nil && (f.N == 0 || f.N == f.seen) {
			c := f.CallFault
			fired = &c
		}
	}
	return fired
}

// serveCallFault answers r as f says, after carrying it out when
// f.Applied (the real answer is thrown away).
func (s *Server) serveCallFault(w http.ResponseWriter, r *http.Request, f *CallFault) {
	if f.Applied {
		s.mux.ServeHTTP(httptest.NewRecorder(), r)
	}
	switch f.Answer {
	case Answer429:
		secs := f.RetryAfter
		if secs <= 0 {
			secs = RetryAfterSeconds
		}
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		c := Failures["429"]
		writeRaw(w, c.Status, c.ContentType, c.Body)
	case Answer500:
		c := Failures["500"]
		writeRaw(w, c.Status, c.ContentType, c.Body)
	case Answer502:
		c := Failures["502-html"]
		writeRaw(w, c.Status, c.ContentType, c.Body)
	case Answer503:
		writeRaw(w, http.StatusServiceUnavailable, "", "")
	case AnswerReset:
		reset(w)
	case AnswerHang:
		select {
		case <-r.Context().Done():
		case <-s.done:
		}
	}
}

// writeRaw writes a canned answer.
func writeRaw(w http.ResponseWriter, status int, contentType, body string) {
	if contentType != "" {
		w.Header().Set("Content-Type", contentType)
	}
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// reset drops the connection: hijacked and closed with no linger (a TCP
// reset) when the server allows, else aborted by net/http.
func reset(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			if tc, ok := conn.(*net.TCPConn); ok {
				_ = tc.SetLinger(0)
			}
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}
