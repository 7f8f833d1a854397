package api_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"sfstore/api"
)

const details400 = `{"id":"e-400","code":"INVALID_DATA","message":"The request could not be completed. One or more validation errors were in the request.",
"details":[{"code":"INVALID_VALUE","target":"configuration.PERMISSION_SET_MANAGEMENT","message":"Invalid value.","innerError":{"allowedValues":["Merge with permission sets in Salesforce","Overwrite permission sets in Salesforce"]}},
{"code":"REQUIRED_VALUE","target":"name","message":"A value for name is required."}]}`

// errorCase is a non-2xx answer and what the client must make of it.
type errorCase struct {
	name               string
	status             int
	body               string
	header             []string
	wantCode, wantBody string
	wantError          string // substring of Error()
	wantHint           string // substring of Hint()
	check              func(t *testing.T, e *api.Error)
}

var errorCases = []errorCase{
	{name: "400 with details", status: 400, body: details400, header: []string{"Content-Type", "application/json", "Correlation-Id", "corr-400"},
		wantCode: "INVALID_DATA", wantError: "pingone returned 400 Bad Request: INVALID_DATA: The request could not be completed. One or more validation errors",
		wantHint: "fix the fields listed", check: checkDetails400},
	{name: "401", status: 401, body: `{"id":"e-401","code":"ACCESS_FAILED","message":"The request could not be completed. You do not have access to this resource.","details":[{"code":"INVALID_TOKEN","message":"The access token is invalid."}]}`,
		wantCode: "ACCESS_FAILED", wantError: "pingone returned 401 Unauthorized: ACCESS_FAILED", wantHint: "access token is invalid or expired"},
	{name: "403", status: 403, body: `{"id":"e-403","code":"ACCESS_FAILED","message":"The request could not be completed. You do not have access to this resource.","details":[{"code":"INSUFFICIENT_PERMISSIONS","message":"Missing permission."}]}`,
		wantCode: "ACCESS_FAILED", wantError: "403 Forbidden: ACCESS_FAILED", wantHint: "Environment Admin role"},
	{name: "404", status: 404, body: `{"id":"e-404","code":"NOT_FOUND","message":"The requested resource was not found."}`,
		wantCode: "NOT_FOUND", wantError: "404 Not Found: NOT_FOUND", wantHint: "check the environment ID and the region"},
	{name: "429 with Retry-After", status: 429, body: `{"id":"e-429","code":"REQUEST_LIMITED","message":"Rate limited."}`, header: []string{"Retry-After", "17"},
		wantCode: "REQUEST_LIMITED", wantError: "429 Too Many Requests: REQUEST_LIMITED", wantHint: "retry after 17 s",
		check: func(t *testing.T, e *api.Error) {
			if e.RetryAfter != 17*time.Second {
				t.Errorf("RetryAfter = %v, want 17s", e.RetryAfter)
			}
		}},
	{name: "500", status: 500, body: `{"id":"e-500","code":"UNEXPECTED_ERROR","message":"An unexpected error occurred."}`, header: []string{"Correlation-Id", "corr-500"},
		wantCode: "UNEXPECTED_ERROR", wantError: "500 Internal Server Error: UNEXPECTED_ERROR", wantHint: "quote error ID e-500 and Correlation-Id corr-500"},
	{name: "502 HTML from a proxy", status: 502, header: []string{"Content-Type", "text/html; charset=utf-8"},
		body:      "<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>p{color:red}</style></head><body><h1>Bad Gateway</h1><p>corp-proxy &amp; friends</p></body></html>",
		wantBody:  "502 Bad Gateway Bad Gateway corp-proxy & friends",
		wantError: "pingone returned 502 Bad Gateway with an HTML page instead of a PingOne error (a proxy or gateway answered?)", wantHint: "HTTPS_PROXY"},
	{name: "HTML without an HTML content type", status: 403, body: "  <html><body>Access denied by policy</body></html>",
		wantBody: "Access denied by policy", wantError: "with an HTML page", wantHint: "proxy"},
	{name: "503 empty body", status: 503, wantError: "pingone returned 503 Service Unavailable with an empty body", wantHint: "PingOne had a problem"},
	{name: "500 plain text", status: 500, body: "upstream connect error", header: []string{"Content-Type", "text/plain"},
		wantBody: "upstream connect error", wantError: "with a body that is not a PingOne error: upstream connect error"},
}

func TestNon2xxAnswersBecomeTypedErrors(t *testing.T) {
	for _, tt := range errorCases {
		t.Run(tt.name, func(t *testing.T) {
			c := setup(t, respond(tt.status, tt.body, tt.header...))
			_, err := c.CreateSalesforceStore(context.Background(), testEnvID, exampleRequest(t))
			var e *api.Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v (%T), want *api.Error", err, err)
			}
			// A 5xx to a create leaves the outcome unknown: the store may
			// have been stored before PingOne failed.
			var unknown *api.OutcomeUnknownError
			if errors.As(err, &unknown) != (tt.status >= 500) {
				t.Errorf("err = %v, want *api.OutcomeUnknownError: %v", err, tt.status >= 500)
			}
			prefix := "create store: pingone returned"
			if tt.status >= 500 {
				prefix = "create store: outcome unknown, the store may or may not have been created: the request reached pingone, which then failed: pingone returned"
			}
			if e.StatusCode != tt.status || e.Code != tt.wantCode || e.Body != tt.wantBody {
				t.Errorf("got status %d code %q body %q, want %d %q %q", e.StatusCode, e.Code, e.Body, tt.status, tt.wantCode, tt.wantBody)
			}
			if !strings.Contains(e.Error(), tt.wantError) || !strings.HasPrefix(err.Error(), prefix) {
				t.Errorf("Error() = %q, want it to contain %q", err, tt.wantError)
			}
			if !strings.Contains(e.Hint(), tt.wantHint) {
				t.Errorf("Hint() = %q, want it to contain %q", e.Hint(), tt.wantHint)
			}
			if tt.check != nil {
				tt.check(t, e)
			}
		})
	}
}

func checkDetails400(t *testing.T, e *api.Error) {
	if e.ID != "e-400" || e.CorrelationID != "corr-400" || len(e.Details) != 2 {
		t.Fatalf("ID %q, Correlation %q, %d details; want e-400, corr-400, 2", e.ID, e.CorrelationID, len(e.Details))
	}
	d := e.Details[0]
	if d.Code != "INVALID_VALUE" || d.Target != "configuration.PERMISSION_SET_MANAGEMENT" {
		t.Errorf("detail 0 = %+v", d)
	}
	if got := fmt.Sprint(d.InnerError["allowedValues"]); !strings.Contains(got, "Overwrite permission sets in Salesforce") {
		t.Errorf("innerError.allowedValues = %s", got)
	}
	if e.Body != "" {
		t.Errorf("Body = %q, want empty for a PingOne error", e.Body)
	}
	if !strings.Contains(e.Error(), "name: A value for name is required.") {
		t.Errorf("Error() = %q, want the details listed", e.Error())
	}
}

func TestHTMLBodyExcerptIsShortAndTagFree(t *testing.T) {
	long := "<html><body>" + strings.Repeat("<p>gateway timeout </p>", 100) + "</body></html>"
	c := setup(t, respond(504, long, "Content-Type", "text/html"))
	_, err := c.CreateSalesforceStore(context.Background(), testEnvID, exampleRequest(t))
	var e *api.Error
	if !errors.As(err, &e) {
		t.Fatal(err)
	}
	if n := len([]rune(e.Body)); n > 200 || strings.ContainsAny(e.Body, "<>") || !strings.HasPrefix(e.Body, "gateway timeout") {
		t.Errorf("Body (%d runes) = %q, want ≤ 200 runes of text without tags", n, e.Body)
	}
}

func TestHintNamesWhatTheFailedCallNeeds(t *testing.T) {
	tests := []struct {
		op, code string
		status   int
		want     string
	}{
		{"", "ACCESS_FAILED", 403, "needs the Environment Admin role"},
		{api.OpCreateStore, "ACCESS_FAILED", 403, "needs the Environment Admin role"},
		{api.OpListStores, "ACCESS_FAILED", 403, "needs the Environment Admin role"},
		{api.OpTestConnection, "ACCESS_FAILED", 403, "needs the Environment Admin role"},
		{api.OpCreateRevision, "ACCESS_FAILED", 403, "needs the Environment Admin role"},
		{api.OpListEnvironments, "ACCESS_FAILED", 403, "That is optional: type the environment ID instead"},
		{api.OpGetEnvironment, "ACCESS_FAILED", 403, "no role on this environment"},
		{api.OpListEnvironments, "NOT_FOUND", 404, "check the API URL and the region"},
		{api.OpGetEnvironment, "NOT_FOUND", 404, "no such environment"},
		{api.OpTestConnection, "REQUEST_FAILED", 400, "could not connect to Salesforce"},
		{api.OpCreateStore, "REQUEST_FAILED", 400, "PingOne rejected the request"},
		{api.OpTestConnection, "INVALID_DATA", 400, "PingOne rejected the request"},
	}
	for _, tt := range tests {
		e := &api.Error{Op: tt.op, StatusCode: tt.status, Code: tt.code}
		if got := e.Hint(); !strings.Contains(got, tt.want) {
			t.Errorf("%q %d %s: Hint() = %q, want it to contain %q", tt.op, tt.status, tt.code, got, tt.want)
		}
	}
}
