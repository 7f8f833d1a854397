package sfsim

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"sfstore/api/demoorg"
)

// Options configures a Server.
type Options struct {
	// ClientID and ClientSecret are the app's consumer key and secret.
	// Empty means any value is accepted.
	ClientID, ClientSecret string
	// NoRefreshToken leaves refresh_token out of the token answer, as
	// Salesforce does when the refresh_token scope was not granted.
	NoRefreshToken bool
	// CallbackError makes authorize redirect back with error=CallbackError
	// (and a description like Salesforce's) instead of a code, e.g.
	// "access_denied", "redirect_uri_mismatch", "invalid_client_id",
	// "invalid_scope", "OAUTH_APPROVAL_ERROR_GENERIC".
	CallbackError string
	// Rotate turns on refresh-token rotation: a refresh returns a new
	// refresh token and the old one stops working.
	Rotate bool
	// AccessTokens are bearer tokens accepted as if issued, like a token
	// the user pasted.
	AccessTokens []string
	// PageSize is how many records a query page holds; 0 means 2000,
	// Salesforce's default batch.
	PageSize int
	// ExtraProfiles adds this many generated profiles to the demo org's,
	// e.g. 10000 to try a picker with 10,000 options and a query that takes
	// five pages. They have valid 18-character "00e" IDs, names such as
	// "Generated Profile 00042", and every fourth a Customer Community
	// license. The PingOne simulator does not know them.
	ExtraProfiles int
}

// codeLifetime is how long an authorization code can be exchanged.
const codeLifetime = 15 * time.Minute

// grant is what authorize remembers about a code.
type grant struct {
	clientID, redirectURI, challenge, scope string
	issued                                  time.Time
}

// Server is a fake Salesforce org listening on 127.0.0.1.
type Server struct {
	opts Options
	mux  *http.ServeMux
	srv  *http.Server
	url  string
	key  []byte // signs the token answers

	mu        sync.Mutex
	codes     map[string]grant
	access    map[string]bool
	refresh   map[string]bool
	cursors   map[string][]any // query locator → all records of the query
	order     []string         // query locators, oldest first
	nextID    int
	extra     []any // generated profile records, by name
	refreshes int
}

// Start returns a server listening on 127.0.0.1 at a free port.
func Start(opts Options) (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &Server{
		opts:    opts,
		url:     "http://" + ln.Addr().String(),
		key:     []byte(randomString(32)),
		codes:   map[string]grant{},
		access:  map[string]bool{},
		refresh: map[string]bool{},
		cursors: map[string][]any{},
	}
	s.extra = generatedProfiles(opts.ExtraProfiles)
	for _, t := range opts.AccessTokens {
		s.access[t] = true
	}
	// The demo's healthy seeded PingOne store holds these: its session is
	// live in this org. The expired pair is unknown here, as a revoked
	// session is.
	s.access[demoorg.ActiveAccessToken] = true
	s.refresh[demoorg.ActiveRefreshToken] = true
	s.routes()
	s.srv = &http.Server{Handler: s.mux, ReadHeaderTimeout: 10 * time.Second}
	// Serve returns http.ErrServerClosed after Close.
	go func() { _ = s.srv.Serve(ln) }()
	return s, nil
}

// URL returns "http://127.0.0.1:port": the login URL and the instance URL.
func (s *Server) URL() string { return s.url }

// Close stops the server.
func (s *Server) Close() error { return s.srv.Close() }

// RefreshTokenValid reports whether a refresh token still works: one the
// server issued and, with Rotate, not yet used.
func (s *Server) RefreshTokenValid(token string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.refresh[token]
}

// AccessTokenValid reports whether a bearer token is accepted.
func (s *Server) AccessTokenValid(token string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.access[token]
}

// Refreshes returns how many refresh_token grants succeeded.
func (s *Server) Refreshes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.refreshes
}

func (s *Server) routes() {
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("GET /services/oauth2/authorize", s.authorize)
	s.mux.HandleFunc("POST /services/oauth2/token", s.token)
	s.mux.HandleFunc("GET /services/oauth2/userinfo", s.bearer(s.userinfo))
	s.mux.HandleFunc("GET /services/data/v62.0/{$}", s.bearer(s.resources))
	s.mux.HandleFunc("GET /services/data/v62.0/query", s.bearer(s.query))
	s.mux.HandleFunc("GET /services/data/v62.0/query/{cursor}", s.bearer(s.queryMore))
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		restError(w, http.StatusNotFound, "NOT_FOUND", "The requested resource does not exist")
	})
}

// FollowRedirects is a browser that signs in by itself, for
// salesforce.Config.OpenBrowser in the demo and tests: it GETs this
// server's authorize URL without following redirects, then GETs the
// callback URL the 302 points to. It fails when authorize does not
// redirect or the callback does not answer 200.
func (s *Server) FollowRedirects(authorizeURL string) error {
	if !strings.HasPrefix(authorizeURL, s.url+"/services/oauth2/authorize?") {
		return errors.New("sfsim: not this simulator's authorize URL")
	}
	c := &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{DisableKeepAlives: true}, // no proxy: everything is loopback
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	resp, err := c.Get(authorizeURL)
	if err != nil {
		return fmt.Errorf("sfsim: authorize: %w", err)
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<10))
	resp.Body.Close()
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusFound || loc == "" {
		return fmt.Errorf("sfsim: authorize answered %s: %s", resp.Status, strings.TrimSpace(string(body)))
	}
	// The callback URL holds the code: errors name its host only.
	u, err := url.Parse(loc)
	if err != nil {
		return errors.New("sfsim: authorize redirected to an unreadable URL")
	}
	resp, err = c.Get(loc)
	if err != nil {
		return fmt.Errorf("sfsim: callback at %s: %w", u.Host, errors.Unwrap(err))
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("sfsim: callback at %s answered %s", u.Host, resp.Status)
	}
	return nil
}

// bearer lets a request through only with an access token this server
// issued or was given.
func (s *Server) bearer(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || !s.AccessTokenValid(tok) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="Salesforce", error="invalid_token"`)
			restError(w, http.StatusUnauthorized, "INVALID_SESSION_ID", "Session expired or invalid")
			return
		}
		next(w, r)
	}
}

func (s *Server) userinfo(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"sub":                s.url + "/id/" + demoorg.OrgID + "/" + demoorg.UserID,
		"user_id":            demoorg.UserID,
		"organization_id":    demoorg.OrgID,
		"preferred_username": demoorg.Username,
		"name":               demoorg.Name,
		"email":              demoorg.Email,
		"email_verified":     true,
		"zoneinfo":           "Europe/London",
		"user_type":          "STANDARD",
		"active":             true,
	})
}

func (s *Server) resources(w http.ResponseWriter, r *http.Request) {
	const base = "/services/data/v62.0/"
	writeJSON(w, http.StatusOK, map[string]string{
		"sobjects": base + "sobjects",
		"query":    base + "query",
		"limits":   base + "limits",
		"search":   base + "search",
	})
}

// restError writes Salesforce's REST error body.
func restError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, []map[string]string{{"errorCode": code, "message": msg}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.Header().Set("Cache-Control", "no-cache,must-revalidate,max-age=0,no-store,private")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// randomString returns n random bytes, base64url without padding.
func randomString(n int) string {
	return base64.RawURLEncoding.EncodeToString(randomBytes(n))
}
