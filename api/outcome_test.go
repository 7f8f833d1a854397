package api_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"sfstore/api"
)

// hangUp closes the connection of r abruptly (a TCP reset where the OS
// allows), after writing raw, which may be the start of an answer.
func hangUp(t *testing.T, w http.ResponseWriter, raw string) {
	conn, buf, err := w.(http.Hijacker).Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		return
	}
	_, _ = buf.WriteString(raw)
	_ = buf.Flush()
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0)
	}
	_ = conn.Close()
}

// unknownOutcome requires err to be an *api.OutcomeUnknownError whose
// message holds reason, whose hint says to check rather than retry, and
// which leaks no secret.
func unknownOutcome(t *testing.T, err error, reason string) *api.OutcomeUnknownError {
	t.Helper()
	var u *api.OutcomeUnknownError
	if !errors.As(err, &u) {
		t.Fatalf("err = %v (%T), want *api.OutcomeUnknownError", err, err)
	}
	if u.Op != api.OpCreateStore || u.StoreName != "test" || !strings.Contains(u.Reason, reason) {
		t.Errorf("OutcomeUnknownError = %+v, want reason %q for store \"test\"", u, reason)
	}
	want := "create store: outcome unknown, the store may or may not have been created: " + reason
	if !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Error() = %q, want prefix %q", err, want)
	}
	if h := u.Hint(); !strings.Contains(h, `check whether a Salesforce store named "test" now exists`) || strings.Contains(h, "retry later") {
		t.Errorf("Hint() = %q", h)
	}
	assertNoSentinel(t, errorStrings(err)...)
	return u
}

// createWith runs a create with sentinel secrets against h.
func createWith(t *testing.T, ctx context.Context, h http.HandlerFunc) (*api.Store, error) {
	t.Helper()
	c := setup(t, h, api.WithRedactions(sentWorker),
		api.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: sentPasted})))
	req := sentinelRequest(t)
	var store *api.Store
	err := within(t, 30*time.Second, func() error {
		var err error
		store, err = c.CreateSalesforceStore(ctx, testEnvID, req)
		return err
	})
	return store, err
}

func TestCreateTimingOutAfterSendingLeavesTheOutcomeUnknown(t *testing.T) {
	testDone := make(chan struct{})
	h := func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body) // only then is a hang-up noticed
		select {
		case <-r.Context().Done():
		case <-testDone:
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	c := setup(t, h)
	t.Cleanup(func() { close(testDone) })
	_, err := c.CreateSalesforceStore(ctx, testEnvID, exampleRequest(t))
	unknownOutcome(t, err, "no answer after the request was sent")
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "did not answer in time") {
		t.Errorf("err = %v, want the deadline kept", err)
	}
}

func TestCreateCanceledAfterSendingLeavesTheOutcomeUnknown(t *testing.T) {
	got := make(chan struct{})
	testDone := make(chan struct{})
	h := func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		close(got)
		select {
		case <-r.Context().Done():
		case <-testDone:
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		<-got // the whole request is in: now Ctrl-C
		cancel()
	}()
	c := setup(t, h)
	t.Cleanup(func() { close(testDone) })
	_, err := c.CreateSalesforceStore(ctx, testEnvID, exampleRequest(t))
	unknownOutcome(t, err, "canceled after the request was sent")
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled kept", err)
	}
}

func TestCreateResetAfterSendingLeavesTheOutcomeUnknown(t *testing.T) {
	_, err := createWith(t, context.Background(), func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		hangUp(t, w, "")
	})
	unknownOutcome(t, err, "the connection failed after the request was sent")
}

func TestCreateResetInTheMiddleOfA201LeavesTheOutcomeUnknown(t *testing.T) {
	_, err := createWith(t, context.Background(), func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		hangUp(t, w, "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 900\r\n\r\n"+
			`{"id":"8305f20e-d0e2-4a92-aa0d-c7af0f88d2d5","configuration":{"CLIENT_SECRET":"`+sentClientSecret)
	})
	unknownOutcome(t, err, "pingone's answer (201 Created) could not be read")
}

func TestCreate5xxLeavesTheOutcomeUnknownAndKeepsTheAPIError(t *testing.T) {
	for _, status := range []int{500, 502, 503, 504} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			_, err := createWith(t, context.Background(), respond(status,
				`{"id":"e-5xx","code":"UNEXPECTED_ERROR","message":"An unexpected error occurred."}`, "Correlation-Id", "corr-5xx"))
			u := unknownOutcome(t, err, "the request reached pingone, which then failed")
			var apiErr *api.Error
			if !errors.As(err, &apiErr) || apiErr.StatusCode != status {
				t.Fatalf("err = %v, want the *api.Error %d inside", err, status)
			}
			if !strings.Contains(u.Hint(), "quote error ID e-5xx and Correlation-Id corr-5xx") {
				t.Errorf("Hint() = %q, want the support references", u.Hint())
			}
			if h := apiErr.Hint(); strings.Contains(h, "retry later") || !strings.Contains(h, "check the environment's stores before trying again") {
				t.Errorf("*api.Error Hint() = %q, want a check before any retry", h)
			}
		})
	}
}

func TestCreate2xxWithoutAUsableStoreLeavesTheOutcomeUnknown(t *testing.T) {
	tests := []struct {
		status       int
		body, reason string
	}{
		{201, "", "pingone answered 201 Created without a store in the body"},
		{201, " null\n", "pingone answered 201 Created without a store in the body"},
		{201, `{}`, "pingone answered 201 Created with a store that has no id"},
		{201, `{"id":"  ","name":"test"}`, "pingone answered 201 Created with a store that has no id"},
		{201, `{"id": 42}`, "pingone answered 201 Created with a body that does not decode"},
		{201, `<html>created</html>`, "pingone answered 201 Created with a body that does not decode"},
		{200, `[]`, "pingone answered 200 OK with a body that does not decode"},
		{202, `{"id":"s1"}`, "pingone answered 202 Accepted instead of 201 Created"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d %q", tt.status, tt.body), func(t *testing.T) {
			store, err := createWith(t, context.Background(), respond(tt.status, tt.body, "Content-Type", "application/json"))
			if store != nil {
				t.Errorf("store = %+v, want none", store.Masked())
			}
			unknownOutcome(t, err, tt.reason)
		})
	}
}

func TestCreateNotSentIsAPlainFailure(t *testing.T) {
	dnsFails := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		return nil, &net.DNSError{Err: "no such host", Name: "api.pingone.test", IsNotFound: true}
	}}}
	// Nothing listens on loopback port 1, and no test server is given it
	// (listeners get ephemeral ports), unlike a closed server's port.
	const refused = "http://127.0.0.1:1"
	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("request reached the TLS server")
	}))
	t.Cleanup(tlsSrv.Close)
	done, cancel := context.WithCancel(context.Background())
	cancel()
	tests := map[string]struct {
		url  string
		hc   *http.Client
		ctx  context.Context
		want string
	}{
		"dns":            {"http://127.0.0.1:1", dnsFails, context.Background(), "could not reach pingone"},
		"connection":     {refused, nil, context.Background(), "could not reach pingone"},
		"tls handshake":  {tlsSrv.URL, nil, context.Background(), "could not reach pingone"}, // untrusted certificate
		"context done":   {refused, nil, done, "canceled"},
		"token refusal ": {"", nil, context.Background(), "get pingone access token"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			var c *api.Client
			var err error
			if tt.url == "" {
				c = setup(t, respond(201, `{"id":"s1"}`), api.WithTokenSource(api.NewTokenSource(context.Background(),
					api.Credentials{AuthURL: "http://192.0.2.2", WorkerEnvironmentID: workerEnv, ClientID: workerID, ClientSecret: sentWorker}, nil)))
			} else {
				c, err = api.NewClient(tt.url, api.WithHTTPClient(tt.hc),
					api.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: sentPasted})))
				if err != nil {
					t.Fatal(err)
				}
			}
			_, err = c.CreateSalesforceStore(tt.ctx, testEnvID, sentinelRequest(t))
			var u *api.OutcomeUnknownError
			if err == nil || errors.As(err, &u) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want a plain failure containing %q", err, tt.want)
			}
			assertNoSentinel(t, errorStrings(err)...)
		})
	}
}

func TestCreateThroughAnUntracedTransportFailingIsUnknown(t *testing.T) {
	// A custom RoundTripper tells httptrace nothing: nobody knows whether
	// the request went out, so the outcome is unknown.
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		return nil, errors.New("proxy dropped the connection")
	})}
	c, err := api.NewClient("https://api.pingone.com", api.WithHTTPClient(hc),
		api.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: sentPasted})))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.CreateSalesforceStore(context.Background(), testEnvID, exampleRequest(t))
	unknownOutcome(t, err, "the connection failed after the request was sent")
}

func TestAnUnknownOutcomeIsSettledByFindingTheName(t *testing.T) {
	// PingOne stores the store, then fails: the create reports an unknown
	// outcome, and FindSalesforceStores finds the store by its name.
	var mu sync.Mutex
	var stores []string
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch r.Method {
		case http.MethodPost:
			stores = append(stores, `{"id":"s-1","type":"Salesforce","name":"test"}`)
			respond(500, `{"id":"e-1","code":"UNEXPECTED_ERROR","message":"An unexpected error occurred."}`)(w, r)
		case http.MethodGet:
			respond(200, `{"_embedded":{"stores":[`+strings.Join(append([]string{
				`{"id":"o-1","type":"scim","name":"test"}`, `{"id":"o-2","type":"Salesforce","name":"other"}`,
			}, stores...), ",")+`]}}`)(w, r)
		}
	})
	ctx := context.Background()
	found, err := c.FindSalesforceStores(ctx, testEnvID, " TEST ")
	if err != nil || len(found) != 0 {
		t.Fatalf("before: found %+v, %v; want none", found, err)
	}
	_, err = c.CreateSalesforceStore(ctx, testEnvID, exampleRequest(t))
	u := unknownOutcome(t, err, "the request reached pingone, which then failed")
	found, err = c.FindSalesforceStores(ctx, testEnvID, u.StoreName)
	if err != nil || len(found) != 1 || found[0].ID != "s-1" {
		t.Fatalf("after: found %+v, %v; want s-1 only", found, err)
	}
	if _, err := c.FindSalesforceStores(ctx, testEnvID, "  "); err == nil {
		t.Error("an empty name was looked for")
	}
}

func TestAnUpdateThatMayHaveReachedPingOneLeavesTheOutcomeUnknown(t *testing.T) {
	tests := map[string]struct {
		h      http.HandlerFunc
		reason string
		check  func(error) bool
	}{
		"503": {respond(503, `{"id":"e-503","code":"UNEXPECTED_ERROR","message":"down"}`), "the request reached pingone, which then failed",
			func(err error) bool { var e *api.Error; return errors.As(err, &e) && e.StatusCode == 503 }},
		"reset after sending": {func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.Copy(io.Discard, r.Body)
			hangUp(t, w, "")
		}, "the connection failed after the request was sent", func(error) bool { return true }},
		"empty 200": {respond(200, ""), "pingone answered 200 OK without the store",
			func(err error) bool { return errors.Is(err, api.ErrEmptyResponse) }},
		"200 without id": {respond(200, `{"name":"test"}`), "pingone answered 200 OK with a store that has no id", func(error) bool { return true }},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			c := setup(t, tt.h, api.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: sentPasted})))
			_, err := c.UpdateSalesforceStore(context.Background(), testEnvID, " "+testStoreID+" ", sentinelRequest(t))
			var u *api.OutcomeUnknownError
			if !errors.As(err, &u) || u.Op != api.OpUpdateStore || u.StoreID != testStoreID || !tt.check(err) {
				t.Fatalf("err = %v (%+v), want an unknown update outcome of store %s", err, u, testStoreID)
			}
			want := "update store: outcome unknown, the store may or may not have been updated: " + tt.reason
			if !strings.HasPrefix(err.Error(), want) {
				t.Errorf("Error() = %q, want prefix %q", err, want)
			}
			if h := u.Hint(); !strings.Contains(h, "read the store again (ID "+testStoreID+")") || strings.Contains(h, "retry later") {
				t.Errorf("Hint() = %q", h)
			}
			assertNoSentinel(t, errorStrings(err)...)
		})
	}
}
