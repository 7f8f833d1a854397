package simulator

import (
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"sfstore/api"
	"sfstore/api/redact"
)

// Options configures a Server.
type Options struct {
	// ClientID and ClientSecret are the worker credentials the token
	// endpoint accepts. When both are empty, any UUID client ID with any
	// non-empty secret is accepted.
	ClientID, ClientSecret string
	// AccessTokens are bearer tokens accepted as-is, like a pasted token.
	AccessTokens []string
	// Environments are the environment IDs that exist. When empty, every
	// UUID is an existing environment, and GET /v1/environments lists
	// DemoEnvironments. An ID of DemoEnvironments takes its name, type and
	// region; any other is listed as a sandbox named "Environment N".
	Environments []string
	// Latency delays every response, so spinners are visible in a demo.
	Latency time.Duration
	// DenyEnvironmentList makes GET /v1/environments answer 403
	// ACCESS_FAILED (INSUFFICIENT_PERMISSIONS), as for a worker app without
	// a role that may list environments.
	DenyEnvironmentList bool
	// DenyStores makes every propagation endpoint (stores, connection
	// check, revisions) answer 403 ACCESS_FAILED (INSUFFICIENT_PERMISSIONS),
	// as for a token without the Environment Admin role.
	DenyStores bool
	// SeedStores exist from the start, e.g. to show a duplicate name. They
	// are listed, and returned by Stores, before the stores created. Empty
	// fields are filled in: ID (a new UUID), Environment (the first of
	// Environments, else DemoEnvironmentID), Type (Salesforce), Status
	// (INACTIVE), CreatedAt and UpdatedAt (now). Links are the simulator's.
	SeedStores []api.Store
}

// RecordedRequest is a request the server received, with the Authorization
// header masked.
type RecordedRequest struct {
	Method string
	Path   string
	Header http.Header
}

// Server is an in-process fake of the PingOne token endpoint and
// propagation stores API. It is an http.Handler; Start also listens.
type Server struct {
	opts Options
	mux  *http.ServeMux

	mu       sync.Mutex
	tokens   map[string]bool
	stores   []storeJSON
	requests []RecordedRequest
	failNext *Failure

	srv       *http.Server
	url       string
	done      chan struct{} // closed by Close: waiting handlers return
	closeOnce sync.Once
}

// New returns a server that is not listening: use it as an http.Handler.
func New(opts Options) *Server {
	s := &Server{opts: opts, tokens: map[string]bool{}, done: make(chan struct{})}
	for _, t := range opts.AccessTokens {
		s.tokens[t] = true
	}
	s.seed()
	s.routes()
	return s
}

// Start returns a server listening on 127.0.0.1 at a free port.
func Start(opts Options) (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := New(opts)
	s.url = "http://" + ln.Addr().String()
	s.srv = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	// Serve returns http.ErrServerClosed after Close. Any other error means
	// the listener broke; clients then see a connection error, which is
	// what they would see from a real unreachable PingOne.
	go func() { _ = s.srv.Serve(ln) }()
	return s, nil
}

// URL returns "http://127.0.0.1:port" for a started server, or "" for one
// built by New. Use it as both the API URL and the auth URL.
func (s *Server) URL() string { return s.url }

// Close stops a started server and drops its connections. Handlers still
// waiting (Latency) return at once. Close may be called more than once, and
// on a server built by New.
func (s *Server) Close() {
	s.closeOnce.Do(func() { close(s.done) })
	if s.srv != nil {
		_ = s.srv.Close()
	}
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.record(r)
	w.Header().Set("Correlation-Id", newUUID())
	if s.opts.Latency > 0 {
		t := time.NewTimer(s.opts.Latency)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		}
	}
	if strings.HasPrefix(r.URL.Path, "/v1/") && s.serveFailure(w) {
		return
	}
	s.mux.ServeHTTP(w, r)
}

// record keeps the request for Requests, masking its credentials.
func (s *Server) record(r *http.Request) {
	h := r.Header.Clone()
	if a := h.Get("Authorization"); a != "" {
		scheme, cred, _ := strings.Cut(a, " ")
		h.Set("Authorization", scheme+" "+redact.Mask(cred))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, RecordedRequest{Method: r.Method, Path: r.URL.Path, Header: h})
}

// Requests returns the requests received so far, oldest first.
func (s *Server) Requests() []RecordedRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]RecordedRequest(nil), s.requests...)
}
