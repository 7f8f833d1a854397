package api

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"sfstore/api/redact"
)

// fuzzSecrets are sentinels shaped like the secrets the client holds: a
// worker secret, a Salesforce client secret and tokens (with the "!" and "."
// of Salesforce tokens, the "/+=" of base64, and characters that JSON and
// HTML escape). None holds ": ", " (", "; " or ")", the separators Error
// puts between fields, so a sentinel can only show up whole in one field.
var fuzzSecrets = []string{
	"SENTINEL-WORKER-SECRET-91aa3e",
	"00D5g000SENTINEL!AQ4AQ.refresh_tok",
	"eyJhbGciOi.SENTINEL-access.sig_Z",
	"s3nt/inel+client=SECRET",
	`SENTINEL"quote\back<b>&amp`,
}

// FuzzNewError feeds the PingOne error parser arbitrary statuses, headers
// and bodies, and checks that it never panics and that no sentinel, nor
// its URL- or JSON-escaped form, survives in any field of the *Error, its
// Error or its Hint. Run it with:
//
//	go test ./api -run '^$' -fuzz '^FuzzNewError$' -fuzztime 5s
//
// Seeds are in testdata/fuzz/FuzzNewError.
func FuzzNewError(f *testing.F) {
	leaks := redact.Variants(fuzzSecrets)
	f.Fuzz(func(t *testing.T, status int, statusLine, contentType, correlationID, retryAfter string, body []byte) {
		if len(body) > maxErrorBody+1<<10 { // room to straddle the read cap
			t.Skip()
		}
		resp := &http.Response{
			StatusCode: status,
			Status:     statusLine,
			Header:     http.Header{},
			Body:       io.NopCloser(bytes.NewReader(body)),
		}
		resp.Header.Set("Content-Type", contentType)
		resp.Header.Set("Correlation-Id", correlationID)
		resp.Header.Set("Retry-After", retryAfter)
		e := newError(resp, fuzzSecrets)
		e.Op = OpCreateStore
		fields := []string{e.Error(), e.Hint(), fmt.Sprintf("%+v", *e), fmt.Sprintf("%#v", e.Details)}
		for _, s := range fields {
			for _, sec := range leaks {
				if strings.Contains(s, sec) {
					t.Fatalf("secret %q survived in %q\nbody: %q", sec, s, body)
				}
			}
		}
	})
}
