package api_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"sfstore/api"
)

func TestTestConnectionSendsTheProposedStoreWithTheCheckMediaType(t *testing.T) {
	var gotBody []byte
	var gotCT string
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/v1/environments/"+testEnvID+"/propagation/stores/connection/status" {
			t.Errorf("got %s %s", r.Method, r.URL.Path)
		}
		gotBody, _ = io.ReadAll(r.Body)
		gotCT = r.Header.Get("Content-Type")
		respond(200, `{"status":"SUCCESS"}`)(w, r)
	})
	req := exampleRequest(t)
	req.Type = ""
	if _, err := c.TestConnection(context.Background(), testEnvID, req); err != nil {
		t.Fatal(err)
	}
	if gotCT != "application/vnd.pingidentity.connection.check+json" {
		t.Errorf("Content-Type = %q", gotCT)
	}
	if string(gotBody) != string(c.DescribeCreate(testEnvID, req).Body) {
		t.Errorf("body %s, want the body a create would send", gotBody)
	}
}

func TestTestConnectionReadsTheUndocumentedAnswerLeniently(t *testing.T) {
	tests := []struct {
		name, body string
		status     int
		ok         bool
		message    string
	}{
		{"simulator shape", `{"status":"SUCCESS","message":"Connection to Salesforce succeeded."}`, 200, true, "Connection to Salesforce succeeded."},
		{"empty 200", ``, 200, true, ""},
		{"204", ``, 204, true, ""},
		{"status only", `{"status":"OK"}`, 200, true, "OK"},
		{"failed status in a 200", `{"status":"FAILED","details":"INVALID_SESSION_ID"}`, 200, false, "INVALID_SESSION_ID"},
		{"details list", `{"status":"error","details":[{"code":"X","message":"host not found"}]}`, 200, false, "host not found"},
		{"success false", `{"success":false}`, 200, false, ""},
		{"connected true", `{"connected":true,"message":"fine"}`, 200, true, "fine"},
		{"numeric status", `{"status":502}`, 200, false, ""},
		{"JSON string", `"connected"`, 200, true, "connected"},
		{"JSON array", `[1]`, 200, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := setup(t, respond(tt.status, tt.body, "Content-Type", "application/json"))
			res, err := c.TestConnection(context.Background(), testEnvID, exampleRequest(t))
			if err != nil {
				t.Fatal(err)
			}
			if res.OK != tt.ok || res.Message != tt.message {
				t.Errorf("result %+v, want OK %v message %q", res, tt.ok, tt.message)
			}
		})
	}
}

func TestTestConnectionRefusesAnHTMLSuccess(t *testing.T) {
	c := setup(t, respond(200, "<html><body>Welcome to the captive portal</body></html>", "Content-Type", "text/html"))
	res, err := c.TestConnection(context.Background(), testEnvID, exampleRequest(t))
	if err == nil || res != nil || !strings.Contains(err.Error(), "test connection: pingone answered 200 OK with a body that is not JSON") {
		t.Errorf("res %+v err %v", res, err)
	}
}

func TestTestConnectionRedactsAnEchoedSecret(t *testing.T) {
	c := setup(t, respond(200, `{"status":"SUCCESS","message":"used `+sentClientSecret+`","echo":{"v":["`+sentRefresh+`"]}}`))
	res, err := c.TestConnection(context.Background(), testEnvID, sentinelRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	assertNoSentinel(t, res.Message, fmtAny(res.Raw))
}

func TestTestConnectionAgainstTheSimulatorRules(t *testing.T) {
	c, _ := simClient(t)
	tests := []struct {
		name     string
		mutate   func(r *api.CreateSalesforceStoreRequest)
		wantCode string // "" for success
		wantMsg  string
		target   string
	}{
		{"salesforce.com host", func(r *api.CreateSalesforceStoreRequest) {}, "", "Connection to Salesforce succeeded.", ""},
		{"force.com URL", func(r *api.CreateSalesforceStoreRequest) {
			r.Configuration.SalesforceDomain = "https://acme.my.site.force.com/"
		}, "", "Connection to Salesforce succeeded.", ""},
		{"unknown host", func(r *api.CreateSalesforceStoreRequest) { r.Configuration.SalesforceDomain = "acme.example.com" },
			"REQUEST_FAILED", "Could not connect to Salesforce at acme.example.com: host not found.", "configuration.SALESFORCE_DOMAIN"},
		{"expired token", func(r *api.CreateSalesforceStoreRequest) { r.Configuration.OAuthAccessToken = "expired-demo-token" },
			"REQUEST_FAILED", "Salesforce rejected the OAuth access token (INVALID_SESSION_ID)", "configuration.OAUTH_ACCESS_TOKEN"},
		{"invalid data", func(r *api.CreateSalesforceStoreRequest) { r.Configuration.ClientID = "" },
			"INVALID_DATA", "The request could not be completed. One or more validation errors were in the request.", "configuration.CLIENT_ID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := demoRequest(t)
			req.Configuration.SalesforceDomain = "acme.my.salesforce.com"
			tt.mutate(req)
			res, err := c.TestConnection(context.Background(), testEnvID, req)
			if tt.wantCode == "" {
				if err != nil || !res.OK || res.Message != tt.wantMsg || res.Raw["status"] != "SUCCESS" {
					t.Fatalf("res %+v err %v", res, err)
				}
				return
			}
			var e *api.Error
			if !errors.As(err, &e) || res != nil {
				t.Fatalf("res %+v err %v, want *api.Error", res, err)
			}
			if e.Op != api.OpTestConnection || e.Code != tt.wantCode || e.Message != tt.wantMsg || e.Details[0].Target != tt.target {
				t.Errorf("error %+v", e)
			}
			if tt.wantCode == "REQUEST_FAILED" && !strings.Contains(e.Hint(), "could not connect to Salesforce") {
				t.Errorf("hint %q", e.Hint())
			}
		})
	}
}

func TestTestConnectionValidatesInputBeforeAnyRequest(t *testing.T) {
	c := setup(t, func(w http.ResponseWriter, r *http.Request) { t.Errorf("unexpected request %s", r.URL) })
	if _, err := c.TestConnection(context.Background(), " ", exampleRequest(t)); err == nil || !strings.HasPrefix(err.Error(), "test connection: ") {
		t.Errorf("empty environment ID: %v", err)
	}
	if _, err := c.TestConnection(context.Background(), testEnvID, nil); err == nil {
		t.Error("nil request accepted")
	}
}

func TestSimulatorConnectionCheckWantsItsMediaType(t *testing.T) {
	_, sim := simClient(t)
	req, _ := http.NewRequest("POST", sim.URL()+"/v1/environments/"+testEnvID+"/propagation/stores/connection/status", strings.NewReader(`{}`))
	req.Header.Set("Authorization", "Bearer pasted-token-0123456789")
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 400 || !strings.Contains(string(b), "INVALID_REQUEST") {
		t.Errorf("%d %s", resp.StatusCode, b)
	}
}
