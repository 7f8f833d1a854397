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
	"strings"
)

// Response body caps. A store is a few KiB; anything near these sizes is not
// PingOne, and reading it whole could exhaust memory.
const (
	maxSuccessBody = 1 << 20  // 1 MiB
	maxErrorBody   = 64 << 10 // 64 KiB: enough for any PingOne error
)

// newRequest builds a request for path, relative to "{base}/v1/". Path
// segments taken from user input must already be escaped by the caller.
func (c *Client) newRequest(ctx context.Context, method, path string, body any) (*http.Request, error) {
	var buf io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, fmt.Errorf("encode request body: %w", err)
		}
		buf = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.baseURL+"/v1/"+path, buf)
	if err != nil {
		return nil, fmt.Errorf("build request: %w", err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	return req, nil
}

// do sends req and decodes a 2xx JSON body into v (when v is not nil).
// Non-2xx answers become *Error and token failures *TokenError. secrets are
// request-specific values to redact on top of the client's redactions.
func (c *Client) do(req *http.Request, v any, secrets ...string) (*http.Response, error) {
	secrets = secretList(append(append([]string(nil), c.redactions...), secrets...)...)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, c.sendError(err, secrets)
	}
	defer resp.Body.Close()
	secrets = secretList(append(secrets, bearerOf(resp))...)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp, newError(resp, secrets)
	}
	if v == nil {
		return resp, nil
	}
	body, err := readCapped(resp.Body, maxSuccessBody)
	if err != nil {
		return resp, redactErr(err, secrets)
	}
	if err := json.Unmarshal(body, v); err != nil {
		return resp, redactErr(fmt.Errorf("decode pingone response (%s): %w", resp.Status, err), secrets)
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
	return redactErr(err, secrets)
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
	h := resp.Request.Header.Get("Authorization")
	if len(h) > len("Bearer ") && strings.EqualFold(h[:len("Bearer ")], "Bearer ") {
		return h[len("Bearer "):]
	}
	return ""
}
