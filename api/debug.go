package api

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"net/http"
	"sfstore/api/redact"
	"slices"
	"strings"
	"sync"
	"time"
)

// Debug trace limits: how much of a body is read to mask it structurally,
// and how much of the masked body is printed.
const (
	debugScanLimit = 1 << 20 // 1 MiB, as maxSuccessBody
	debugShowLimit = 8 << 10 // 8 KiB
)

// NewDebugTransport returns a RoundTripper that sends each request through
// next (nil means http.DefaultTransport) and writes a trace of the exchange
// to w: method, URL, status, duration, request and response headers, and
// bodies (the first 8 KiB once masked). Each exchange is one Write, so
// concurrent exchanges do not interleave.
//
// To trace a Client, give it an http.Client with this transport
// (WithHTTPClient): the bearer token is added outside it, so the trace
// shows each request as sent. To trace the token request too, give the
// same http.Client to NewTokenSource.
//
// Every secret is masked, structurally and by value:
//   - Authorization as "Bearer ••••" plus, for a token of 12 characters or
//     more, its last four (Mask); Basic credentials whole; Cookie,
//     Set-Cookie and any header named like a credential as "••••";
//   - in JSON bodies, the values of keys naming a secret at any depth
//     (CLIENT_SECRET, OAUTH_ACCESS_TOKEN, OAUTH_REFRESH_TOKEN, access_token,
//     refresh_token, id_token, ...), in request and response, as PingOne
//     echoes the store's secrets; in form bodies and URL queries, the same
//     fields (client_secret of a token request);
//   - then each value so found in the exchange, and each of secrets()
//     (called once per exchange; nil for none), wherever else it appears,
//     with Redact, including its URL- and JSON-escaped forms.
//
// The bodies are not consumed: the request and response go on with bodies
// that read exactly as they would have. The response body is read up to
// 1 MiB before RoundTrip returns, to mask it whole.
func NewDebugTransport(next http.RoundTripper, w io.Writer, secrets func() []string) http.RoundTripper {
	if next == nil {
		next = http.DefaultTransport
	}
	if w == nil {
		return next
	}
	return &debugTransport{next: next, w: w, secrets: secrets}
}

// debugTransport is the RoundTripper of NewDebugTransport.
type debugTransport struct {
	next    http.RoundTripper
	secrets func() []string

	mu sync.Mutex // serialises writes to w
	w  io.Writer
}

// RoundTrip implements http.RoundTripper.
func (t *debugTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	start := time.Now()
	out := req
	var reqBody []byte
	if req.Body != nil && req.Body != http.NoBody {
		b, err := io.ReadAll(io.LimitReader(req.Body, debugScanLimit+1))
		if err != nil {
			closeBody(req)
			return nil, err
		}
		reqBody = b
		// RoundTrippers must not modify the caller's request.
		out = req.Clone(req.Context())
		out.Body = &splicedBody{Reader: io.MultiReader(bytes.NewReader(b), req.Body), Closer: req.Body}
	}
	resp, err := t.next.RoundTrip(out)
	took := time.Since(start)
	var respBody []byte
	if resp != nil && resp.Body != nil {
		b, rerr := io.ReadAll(io.LimitReader(resp.Body, debugScanLimit+1))
		respBody = b
		rest := io.Reader(resp.Body)
		if rerr != nil {
			rest = errReader{rerr}
		}
		resp.Body = &splicedBody{Reader: io.MultiReader(bytes.NewReader(b), rest), Closer: resp.Body}
	}
	t.write(t.trace(out, reqBody, resp, respBody, err, took))
	return resp, err
}

// splicedBody replays the bytes already read, then the rest of the body.
type splicedBody struct {
	io.Reader
	io.Closer
}

// errReader fails with err: a body whose read failed fails again for the
// caller, as it would have without the trace.
type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// write writes one exchange in one Write.
func (t *debugTransport) write(s string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	_, _ = io.WriteString(t.w, s)
}

// trace renders one exchange with every secret masked.
func (t *debugTransport) trace(req *http.Request, reqBody []byte, resp *http.Response, respBody []byte, err error, took time.Duration) string {
	var known []string
	if t.secrets != nil {
		known = t.secrets()
	}
	reqCT := req.Header.Get("Content-Type")
	known = append(known, redact.HeaderSecrets(req.Header)...)
	known = append(known, redact.URLSecrets(req.URL.String())...)
	known = append(known, redact.BodySecrets(reqCT, reqBody)...)
	if resp != nil {
		known = append(known, redact.HeaderSecrets(resp.Header)...)
		known = append(known, redact.BodySecrets(resp.Header.Get("Content-Type"), respBody)...)
	}
	secrets := redact.Variants(known)

	u := redact.URL(req.URL.String(), secrets)
	var b strings.Builder
	fmt.Fprintf(&b, "--> %s %s\n", req.Method, u)
	writeHeader(&b, redact.Header(req.Header, secrets))
	writeBody(&b, reqCT, reqBody, secrets)
	b.WriteString("\n")
	ms := float64(took.Microseconds()) / 1000
	if err != nil {
		fmt.Fprintf(&b, "<-- error after %.1fms: %s %s: %s\n\n", ms, req.Method, u, redact.Text(err.Error(), secrets))
		return b.String()
	}
	fmt.Fprintf(&b, "<-- %s (%.1fms) %s %s\n", redact.Redact(resp.Status, secrets...), ms, req.Method, u)
	writeHeader(&b, redact.Header(resp.Header, secrets))
	writeBody(&b, resp.Header.Get("Content-Type"), respBody, secrets)
	b.WriteString("\n")
	return b.String()
}

// writeHeader writes "Name: value" lines, sorted by name.
func writeHeader(b *strings.Builder, h http.Header) {
	for _, name := range slices.Sorted(maps.Keys(h)) {
		for _, v := range h[name] {
			fmt.Fprintf(b, "%s: %s\n", name, v)
		}
	}
}

// writeBody writes a blank line and the masked body, cut at
// debugShowLimit, or nothing for an empty body.
func writeBody(b *strings.Builder, contentType string, body []byte, secrets []string) {
	if len(body) == 0 {
		return
	}
	truncated := len(body) > debugScanLimit
	if truncated {
		body = body[:debugScanLimit]
	}
	s, cut := redact.Body(contentType, body, secrets, truncated, debugShowLimit)
	b.WriteString("\n")
	b.WriteString(s)
	if cut || truncated {
		b.WriteString("\n[… body cut: trace shows at most 8 KiB]")
	}
	b.WriteString("\n")
}
