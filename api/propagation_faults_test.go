package api_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"sfstore/api"
)

// write is one of the propagation calls that change PingOne.
type write struct {
	op       string
	resource string
	call     func(c *api.Client) error
}

func propagationWrites() []write {
	ctx := context.Background()
	mreq := &api.MappingRequest{Name: "Email", SourceAttribute: "email", TargetAttribute: "Email"}
	return []write{
		{api.OpCreatePlan, "plan", func(c *api.Client) error {
			_, err := c.CreatePlan(ctx, testEnvID, &api.PlanRequest{Name: "sfstore"})
			return err
		}},
		{api.OpUpdatePlan, "plan", func(c *api.Client) error {
			_, err := c.UpdatePlan(ctx, testEnvID, testPlanID, &api.PlanRequest{Name: "sfstore", Status: api.PlanStatusActive})
			return err
		}},
		{api.OpCreateRule, "rule", func(c *api.Client) error {
			_, err := c.CreateRule(ctx, testEnvID, testRuleRequest())
			return err
		}},
		{api.OpUpdateRule, "rule", func(c *api.Client) error {
			_, err := c.UpdateRule(ctx, testEnvID, testRuleID, testRuleRequest())
			return err
		}},
		{api.OpCreateMapping, "mapping", func(c *api.Client) error {
			_, err := c.CreateMapping(ctx, testEnvID, testRuleID, mreq)
			return err
		}},
		{api.OpUpdateMapping, "mapping", func(c *api.Client) error {
			_, err := c.UpdateMapping(ctx, testEnvID, testRuleID, testMapID, mreq)
			return err
		}},
		{api.OpDeleteMapping, "mapping", func(c *api.Client) error { return c.DeleteMapping(ctx, testEnvID, testMapID) }},
		{api.OpCreateDirectoryStore, "directory store", func(c *api.Client) error {
			_, err := c.CreateDirectoryStore(ctx, testEnvID, "PingOne Directory")
			return err
		}},
		{api.OpCreateRevision, "revision", func(c *api.Client) error {
			_, err := c.CreateRevision(ctx, testEnvID)
			return err
		}},
	}
}

func TestARefusedWriteIsATypedErrorWithPingOnesDetails(t *testing.T) {
	for _, w := range propagationWrites() {
		t.Run(w.op, func(t *testing.T) {
			c := setup(t, respond(400, details400, "Content-Type", "application/json", "Correlation-Id", "corr-400"))
			err := w.call(c)
			var e *api.Error
			var u *api.OutcomeUnknownError
			if !errors.As(err, &e) || errors.As(err, &u) {
				t.Fatalf("err = %v (%T), want a plain *api.Error", err, err)
			}
			if e.Op != w.op || e.ID != "e-400" || e.CorrelationID != "corr-400" || len(e.Details) != 2 || e.Details[1].Target != "name" {
				t.Errorf("error %+v", e)
			}
			if !strings.HasPrefix(err.Error(), w.op+": pingone returned 400 Bad Request: INVALID_DATA") || e.Hint() == "" {
				t.Errorf("err = %v, hint %q", err, e.Hint())
			}
		})
	}
}

// A 429 is reported with its Retry-After, never retried here: the caller
// decides, and nothing was written.
func TestARateLimitedWriteIsReportedNotRetried(t *testing.T) {
	for _, w := range propagationWrites() {
		t.Run(w.op, func(t *testing.T) {
			var got capture
			c := setup(t, func(rw http.ResponseWriter, r *http.Request) {
				got.n++
				respond(429, `{"id":"e-429","code":"REQUEST_LIMITED","message":"Rate limited."}`, "Retry-After", "7", "Content-Type", "application/json")(rw, r)
			})
			err := w.call(c)
			var e *api.Error
			var u *api.OutcomeUnknownError
			if !errors.As(err, &e) || errors.As(err, &u) || e.StatusCode != 429 || e.RetryAfter != 7*time.Second {
				t.Fatalf("err = %v (%T)", err, err)
			}
			if got.n != 1 || !strings.Contains(e.Hint(), "retry after 7 s") {
				t.Errorf("%d requests, hint %q", got.n, e.Hint())
			}
		})
	}
}

// A 5xx, a proxy's page in its place, or a connection reset after the
// request went out leaves the outcome of every write unknown, saying what
// to read back.
func TestAWriteThatFailsAfterSendingIsAnUnknownOutcome(t *testing.T) {
	answers := map[string]func(t *testing.T) http.HandlerFunc{
		"500": func(*testing.T) http.HandlerFunc {
			return respond(500, `{"id":"e-500","code":"UNEXPECTED_ERROR","message":"An unexpected error occurred."}`, "Correlation-Id", "corr-500")
		},
		"502 html": func(*testing.T) http.HandlerFunc {
			return respond(502, "<html><body>Bad Gateway</body></html>", "Content-Type", "text/html")
		},
		"503 empty": func(*testing.T) http.HandlerFunc { return respond(503, "") },
		"reset": func(t *testing.T) http.HandlerFunc {
			return func(w http.ResponseWriter, r *http.Request) { hangUp(t, w, "") }
		},
	}
	for _, w := range propagationWrites() {
		for name, h := range answers {
			t.Run(w.op+"/"+name, func(t *testing.T) {
				err := w.call(setup(t, h(t)))
				var u *api.OutcomeUnknownError
				if !errors.As(err, &u) {
					t.Fatalf("err = %v (%T), want *api.OutcomeUnknownError", err, err)
				}
				if u.Op != w.op || u.Resource != w.resource || u.ReadBack == "" || !strings.Contains(u.Hint(), u.ReadBack) {
					t.Errorf("unknown outcome %+v, hint %q", u, u.Hint())
				}
				if !strings.HasPrefix(err.Error(), w.op+": outcome unknown, the "+w.resource+" may or may not have been ") {
					t.Errorf("err = %v", err)
				}
				var e *api.Error
				if errors.As(err, &e) != (name != "reset") {
					t.Errorf("err = %v: *api.Error found: %v", err, !errors.As(err, &e))
				}
			})
		}
	}
}

func TestAWriteAnsweredWithoutItsResourceIsAnUnknownOutcome(t *testing.T) {
	for _, w := range propagationWrites() {
		if w.op == api.OpDeleteMapping || w.op == api.OpCreateRevision {
			continue // no resource in their answer
		}
		for name, body := range map[string]string{"empty": "", "no id": `{"name":"x"}`, "html": "<html>proxy</html>"} {
			t.Run(w.op+"/"+name, func(t *testing.T) {
				status := 200
				if strings.HasPrefix(w.op, "create") {
					status = 201
				}
				err := w.call(setup(t, respond(status, body)))
				var u *api.OutcomeUnknownError
				if !errors.As(err, &u) || errors.Is(err, api.ErrEmptyResponse) != (name == "empty") {
					t.Errorf("err = %v (%T)", err, err)
				}
			})
		}
	}
}

func TestA404OnARuleOrMappingSaysWhatIsMissing(t *testing.T) {
	c := setup(t, respond(404, `{"id":"e","code":"NOT_FOUND","message":"The requested resource was not found."}`, "Content-Type", "application/json"))
	_, err := c.GetRule(context.Background(), testEnvID, testRuleID)
	var e *api.Error
	if !errors.As(err, &e) || e.Op != api.OpGetRule || !strings.Contains(e.Hint(), "no such rule") {
		t.Errorf("err = %v", err)
	}
	err = c.DeleteMapping(context.Background(), testEnvID, testMapID)
	if !errors.As(err, &e) || e.Op != api.OpDeleteMapping || !strings.Contains(e.Hint(), "no such mapping") {
		t.Errorf("err = %v", err)
	}
}

// Every propagation call refuses a dot-segment or empty ID before sending,
// naming the field.
func TestPropagationCallsRefuseBadIDsBeforeSending(t *testing.T) {
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("unexpected %s %s", r.Method, r.URL.EscapedPath())
	})
	ctx := context.Background()
	mreq := &api.MappingRequest{SourceAttribute: "email", TargetAttribute: "Email"}
	for name, call := range map[string]func() error{
		"plans env":       func() error { _, err := c.ListPlans(ctx, ".."); return err },
		"plan id":         func() error { _, err := c.UpdatePlan(ctx, testEnvID, "..", &api.PlanRequest{Name: "x"}); return err },
		"rules env":       func() error { _, err := c.ListRules(ctx, "."); return err },
		"rule id":         func() error { _, err := c.GetRule(ctx, testEnvID, ".."); return err },
		"update rule id":  func() error { _, err := c.UpdateRule(ctx, testEnvID, "", testRuleRequest()); return err },
		"create rule env": func() error { _, err := c.CreateRule(ctx, "..", testRuleRequest()); return err },
		"mappings rule":   func() error { _, err := c.ListRuleMappings(ctx, testEnvID, ".."); return err },
		"create mapping":  func() error { _, err := c.CreateMapping(ctx, testEnvID, "..", mreq); return err },
		"update mapping":  func() error { _, err := c.UpdateMapping(ctx, testEnvID, testRuleID, "..", mreq); return err },
		"mapping's rule":  func() error { _, err := c.UpdateMapping(ctx, testEnvID, " ", testMapID, mreq); return err },
		"delete mapping":  func() error { return c.DeleteMapping(ctx, testEnvID, "..") },
		"populations":     func() error { _, err := c.ListPopulations(ctx, ".."); return err },
		"latest revision": func() error { _, err := c.GetLatestRevision(ctx, ".."); return err },
		"metadata":        func() error { _, err := c.SalesforceMetadata(ctx, "..", nil); return err },
		"directory":       func() error { _, err := c.CreateDirectoryStore(ctx, "..", "PingOne Directory"); return err },
	} {
		if err := call(); err == nil || !(strings.Contains(err.Error(), "is not a valid") || strings.Contains(err.Error(), "is empty")) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

// A proxy's page in place of PingOne's answer to a read is an error that
// says so, with either status.
func TestAReadAnsweredByAProxyPageFailsClearly(t *testing.T) {
	ctx := context.Background()
	reads := map[string]func(c *api.Client) error{
		api.OpListPlans:       func(c *api.Client) error { _, err := c.ListPlans(ctx, testEnvID); return err },
		api.OpListRules:       func(c *api.Client) error { _, err := c.ListRules(ctx, testEnvID); return err },
		api.OpGetRule:         func(c *api.Client) error { _, err := c.GetRule(ctx, testEnvID, testRuleID); return err },
		api.OpListMappings:    func(c *api.Client) error { _, err := c.ListRuleMappings(ctx, testEnvID, testRuleID); return err },
		api.OpListPopulations: func(c *api.Client) error { _, err := c.ListPopulations(ctx, testEnvID); return err },
		api.OpStoreMetadata:   func(c *api.Client) error { _, err := c.SalesforceMetadata(ctx, testEnvID, nil); return err },
	}
	page := "<!DOCTYPE html><html><body><h1>Sign in to the corporate proxy</h1></body></html>"
	for op, read := range reads {
		for _, status := range []int{200, 502} {
			err := read(setup(t, respond(status, page, "Content-Type", "text/html")))
			var e *api.Error
			if err == nil || !strings.HasPrefix(err.Error(), op+": ") {
				t.Errorf("%s, %d: err = %v", op, status, err)
			}
			if status == 502 && (!errors.As(err, &e) || !e.HTML || !strings.Contains(e.Hint(), "proxy")) {
				t.Errorf("%s, 502: err = %v", op, err)
			}
		}
	}
}
