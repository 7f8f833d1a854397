package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sfstore/api/endpoint"
	"sfstore/api/redact"
	"strings"
)

// Response body caps. A store is a few KiB; anything near these sizes is not
// PingOne, and reading it whole could exhaust memory.
const (
	maxSuccessBody = 1 << 20  // 1 MiB
	maxErrorBody   = 64 << 10 // 64 KiB: enough for any PingOne error
)

// contentTypeJSON is the Content-Type of every request body but the
// connection check's.
const contentTypeJSON = "application/json"

// prepare builds the method, URL, headers and body of a request for path,
// relative to "{base}/v1/". It is the only place that builds them: real
// requests (newRequest) and dry runs (DescribeCreate) both come from here.
// Path segments taken from user input must already be escaped by the
// caller. contentType "" means application/json; it is only sent with a body.
func (c *Client) prepare(method, path, contentType string, body any) (PreparedRequest, error) {
	p := PreparedRequest{Method: method, URL: c.baseURL + "/v1/" + path, Header: http.Header{}}
	if body != nil {
		b, err := redact.EncodeJSON(body)
		if err != nil {
			return PreparedRequest{}, fmt.Errorf("encode request body: %w", err)
		}
		p.Body = b
		if contentType == "" {
			contentType = contentTypeJSON
		}
		p.Header.Set("Content-Type", contentType)
	}
	p.Header.Set("Accept", contentTypeJSON)
	p.Header.Set("User-Agent", c.userAgent)
	return p, nil
}

// newRequest turns a prepared request into an *http.Request bound to ctx.
// The Authorization header is added later, by the auth transport.
func newRequest(ctx context.Context, p PreparedRequest) (*http.Request, error) {
	var body io.Reader
	if p.Body != nil {
		body = bytes.NewReader(p.Body)
	}
	req, err := http.NewRequestWithContext(ctx, p.Method, p.URL, body)
	if err != nil {
		return nil, fmt.Errorf("build request: %w", err)
	}
	req.Header = p.Header.Clone()
	return req, nil
}

// call is one API call: what to send and how to read the answer.
type call struct {
	op          string // e.g. OpCreateStore: error prefix and *Error.Op
	method      string
	path        string // relative to "{base}/v1/", user input escaped
	contentType string // "" for application/json
	body        any    // nil for no body
	secrets     []string
	read        bool // changes nothing though not a GET: retried as a GET is (see retryWait)
}

// send makes the call and decodes a 2xx JSON body into v (see do). Every
// error is prefixed with the operation, e.g. "create store: ...". A read
// answered 429, 502, 503 or 504 is tried again a few times (see retryWait);
// a write never is.
func (c *Client) send(ctx context.Context, k call, v any) (*http.Response, error) {
	p, err := c.prepare(k.method, k.path, k.contentType, k.body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", k.op, err)
	}
	for attempt := 0; ; attempt++ {
		req, err := newRequest(ctx, p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k.op, err)
		}
		resp, err := c.do(k.op, req, v, k.secrets...)
		if err == nil {
			return resp, nil
		}
		wait, again := c.retryWait(k, resp, attempt)
		if !again {
			return resp, fmt.Errorf("%s: %w", k.op, err)
		}
		notifyRetry(ctx, RetryNotice{Op: k.op, Status: resp.StatusCode, Wait: wait, Attempt: attempt + 1})
		if c.sleep(ctx, wait) != nil {
			return resp, fmt.Errorf("%s: %w", k.op, c.sendError(ctx.Err(), nil))
		}
	}
}

// streamed is a body read as it arrives, such as a list's page, rather
// than whole within maxSuccessBody.
type streamed interface{ read(body io.Reader) error }

// do sends req and decodes a 2xx JSON body into v (when v is not nil; a
// *[]byte receives the raw body instead, and a streamed reads it itself). Non-2xx answers become *Error
// (with Op set to op) and token failures *TokenError. secrets are
// request-specific values to redact on top of the client's redactions.
func (c *Client) do(op string, req *http.Request, v any, secrets ...string) (*http.Response, error) {
	secrets = redact.List(append(append([]string(nil), c.redactions...), secrets...)...)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, c.sendError(err, secrets)
	}
	defer resp.Body.Close()
	secrets = redact.List(append(secrets, bearerOf(resp))...)
	if endpoint.IsRedirect(resp.StatusCode) {
		return resp, newRedirectError(op, resp, secrets)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		e := newError(resp, secrets)
		e.Op = op
		return resp, e
	}
	if v == nil {
		return resp, nil
	}
	if r, ok := v.(streamed); ok {
		// Its own bounds, and errors that say where: a callback's error
		// comes back as it is.
		return resp, redact.Err(r.read(resp.Body), secrets)
	}
	body, err := readCapped(resp.Body, maxSuccessBody)
	if err != nil {
		return resp, redact.Err(err, secrets)
	}
	if raw, ok := v.(*[]byte); ok {
		*raw = body
		return resp, nil
	}
	if err := json.Unmarshal(body, v); err != nil {
		return resp, redact.Err(fmt.Errorf("decode pingone response (%s): %w", resp.Status, err), secrets)
	}
	return resp, nil
}

// sendError explains a request that got no HTTP answer.
func (c *Client) sendError(err error, secrets []string) error {
	var te *TokenError
	if errors.As(err, &te) {
		return te.redacted(secrets)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // the URL is known and adds only noise
	}
	switch {
	case errors.Is(err, context.Canceled):
		err = fmt.Errorf("request to pingone at %s canceled: %w", c.host, err)
	case errors.Is(err, context.DeadlineExceeded) || (ue != nil && ue.Timeout()):
		err = fmt.Errorf("pingone at %s did not answer in time: %w", c.host, err)
	default:
		err = fmt.Errorf("could not reach pingone at %s: %w", c.host, err)
	}
	return redact.Err(err, secrets)
}

// readCapped reads at most limit bytes and fails if the body is longer.
func readCapped(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read pingone response: %w", err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("pingone response is larger than %d KiB; refusing to read it (is this really PingOne?)", limit>>10)
	}
	return b, nil
}

// bearerOf returns the access token the request was sent with, so an error
// body that echoes it can be redacted. http.Transport sets resp.Request to
// the request it sent, which carries the header added by authTransport.
func bearerOf(resp *http.Response) string {
	if resp.Request == nil {
		return ""
	}
	return bearerToken(resp.Request.Header.Get("Authorization"))
}

// bearerToken returns the credential of a "Bearer <token>" header value
// (the scheme is case-insensitive), or "".
func bearerToken(h string) string {
	const prefix = "Bearer "
	if len(h) > len(prefix) && strings.EqualFold(h[:len(prefix)], prefix) {
		return h[len(prefix):]
	}
	return ""
}
