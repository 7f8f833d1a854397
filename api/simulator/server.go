package simulator

import (
	"bytes"
	"io"
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
	// SyncStatus is kept as given. DemoStores are the demo's seeds.
	SeedStores []api.Store
	// PageSize is the most stores a page of GET …/propagation/stores
	// holds; a smaller ?limit= is honoured. 0 means one page, whatever
	// the count. The next page is linked by _links.next (?cursor=).
	PageSize int
	// MaskSecretsOnRead makes GET of one store and of the list answer
	// CLIENT_SECRET, OAUTH_ACCESS_TOKEN and OAUTH_REFRESH_TOKEN as
	// MaskedSecret instead of in clear, as PingOne may do (UNCONFIRMED: its
	// documented examples echo them). Create and update answers still echo
	// what was sent, and the stored values are unchanged.
	MaskSecretsOnRead bool
	// ExpiredAccessTokens are OAUTH_ACCESS_TOKEN values Salesforce no
	// longer accepts: a connection check with one fails with 400
	// REQUEST_FAILED (INVALID_SESSION_ID), as with the literal "expired-demo-token",
	// and a revision leaves a store holding one FAILED.
	ExpiredAccessTokens []string
	// CreateFaults, UpdateFaults and DeleteFaults make the n-th create,
	// update or delete carried out (counting from 0; refused calls do not
	// count) misbehave after the change is made: see Fault. Calls past the
	// end of a list behave normally.
	CreateFaults, UpdateFaults, DeleteFaults []Fault
	// CallFaults make chosen calls, by method, path and count, answer 429,
	// a 5xx, a reset or nothing at all (CallFault), before or after the
	// call is carried out. FailCall adds one to a running server.
	CallFaults []CallFault
	// Now is the simulator's clock, for createdAt and updatedAt and for
	// the sync a revision starts; nil is time.Now. A test can drive the
	// sync with a clock of its own.
	Now func() time.Time
	// SyncPace is the time, after a revision, at which each next user of a
	// rule's population is synced: the first at SyncPace, the second at
	// twice that, and so on. 0 syncs every user at once, as tests want;
	// DemoOptions uses DemoSyncPace, a human pace.
	SyncPace time.Duration
}

// RecordedRequest is a request the server received, with the Authorization
// header masked.
type RecordedRequest struct {
	Method string
	Path   string // unescaped, without the query
	Query  string // raw query, e.g. "cursor=…&limit=2"
	Header http.Header
	// Body is the body of a request under /v1/ (POST, PUT, ...) as
	// received, secrets included, for tests to check what was sent;
	// never log it. Token requests' bodies are not kept.
	Body []byte
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
	applied  map[string]int // creates, updates and deletes carried out, for the faults

	plans      []planJSON
	rules      []ruleJSON
	mappings   []mappingJSON
	revisions  []revisionJSON
	callFaults []*callFault

	srv       *http.Server
	url       string
	done      chan struct{} // closed by Close: waiting handlers return
	closeOnce sync.Once
}

// New returns a server that is not listening: use it as an http.Handler.
func New(opts Options) *Server {
	s := &Server{opts: opts, tokens: map[string]bool{}, applied: map[string]int{}, done: make(chan struct{})}
	for _, t := range opts.AccessTokens {
		s.tokens[t] = true
	}
	for _, f := range opts.CallFaults {
		s.callFaults = append(s.callFaults, &callFault{CallFault: f})
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
	if f := s.matchCallFault(r); f != nil {
		s.serveCallFault(w, r, f)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// now is the simulator's clock (Options.Now), in UTC.
func (s *Server) now() time.Time {
	if s.opts.Now != nil {
		return s.opts.Now().UTC()
	}
	return time.Now().UTC()
}

// stamp is now in PingOne's timestamp format.
func (s *Server) stamp() string { return s.now().Format(timeLayout) }

// record keeps the request for Requests, masking its credentials. The body
// of an API request is read here and put back for the handler.
func (s *Server) record(r *http.Request) {
	h := r.Header.Clone()
	if a := h.Get("Authorization"); a != "" {
		scheme, cred, _ := strings.Cut(a, " ")
		h.Set("Authorization", scheme+" "+redact.Mask(cred))
	}
	rec := RecordedRequest{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Header: h}
	if strings.HasPrefix(r.URL.Path, "/v1/") && r.Body != nil && r.Body != http.NoBody {
		// One byte over the handlers' cap, so they still see an oversized body.
		b, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
		r.Body = struct {
			io.Reader
			io.Closer
		}{io.MultiReader(bytes.NewReader(b), errReader{err}), r.Body}
		rec.Body = b
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, rec)
}

// errReader replays a read error after the bytes already read, or EOF.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	return 0, io.EOF
}

// Requests returns the requests received so far, oldest first.
func (s *Server) Requests() []RecordedRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]RecordedRequest(nil), s.requests...)
}

// RequestsWith returns the requests received so far with method (e.g.
// http.MethodPut), oldest first: len(sim.RequestsWith("PUT")) == 1 asserts
// exactly one update was sent.
func (s *Server) RequestsWith(method string) []RecordedRequest {
	var out []RecordedRequest
	for _, r := range s.Requests() {
		if r.Method == method {
			out = append(out, r)
		}
	}
	return out
}
