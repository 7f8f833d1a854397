package api_test

import (
	"context"
	"net/http"
	"testing"

	"sfstore/api"
)

// A dry run shows exactly what the call sends, by the same code.
func TestDescribeShowsWhatEachWriteSends(t *testing.T) {
	ctx := context.Background()
	mreq := &api.MappingRequest{Name: "Email", SourceAttribute: "email", TargetAttribute: "Email"}
	for _, tt := range []struct {
		name     string
		describe func(c *api.Client) api.PreparedRequest
		send     func(c *api.Client) error
		method   string
	}{
		{"create plan", func(c *api.Client) api.PreparedRequest {
			return c.DescribePlan(testEnvID, "", &api.PlanRequest{Name: "sfstore"})
		},
			func(c *api.Client) error {
				_, err := c.CreatePlan(ctx, testEnvID, &api.PlanRequest{Name: "sfstore"})
				return err
			}, "POST"},
		{"update plan", func(c *api.Client) api.PreparedRequest {
			return c.DescribePlan(testEnvID, testPlanID, &api.PlanRequest{Name: "sfstore", Status: "ACTIVE"})
		}, func(c *api.Client) error {
			_, err := c.UpdatePlan(ctx, testEnvID, testPlanID, &api.PlanRequest{Name: "sfstore", Status: "ACTIVE"})
			return err
		}, "PUT"},
		{"create rule", func(c *api.Client) api.PreparedRequest { return c.DescribeRule(testEnvID, "", testRuleRequest()) },
			func(c *api.Client) error { _, err := c.CreateRule(ctx, testEnvID, testRuleRequest()); return err }, "POST"},
		{"update rule", func(c *api.Client) api.PreparedRequest {
			return c.DescribeRule(testEnvID, testRuleID, testRuleRequest())
		},
			func(c *api.Client) error {
				_, err := c.UpdateRule(ctx, testEnvID, testRuleID, testRuleRequest())
				return err
			}, "PUT"},
		{"create mapping", func(c *api.Client) api.PreparedRequest { return c.DescribeMapping(testEnvID, testRuleID, "", mreq) },
			func(c *api.Client) error { _, err := c.CreateMapping(ctx, testEnvID, testRuleID, mreq); return err }, "POST"},
		{"update mapping", func(c *api.Client) api.PreparedRequest {
			return c.DescribeMapping(testEnvID, testRuleID, testMapID, mreq)
		},
			func(c *api.Client) error {
				_, err := c.UpdateMapping(ctx, testEnvID, testRuleID, testMapID, mreq)
				return err
			}, "PUT"},
		{"directory store", func(c *api.Client) api.PreparedRequest {
			return c.DescribeDirectoryStore(testEnvID, "PingOne Directory")
		},
			func(c *api.Client) error {
				_, err := c.CreateDirectoryStore(ctx, testEnvID, "PingOne Directory")
				return err
			}, "POST"},
		{"revision", func(c *api.Client) api.PreparedRequest { return c.DescribeRevision(testEnvID) },
			func(c *api.Client) error { _, err := c.CreateRevision(ctx, testEnvID); return err }, "POST"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got capture
			var url string
			c := setup(t, func(w http.ResponseWriter, r *http.Request) {
				url = r.URL.EscapedPath()
				got.handler(400, `{"code":"INVALID_DATA","message":"no"}`)(w, r)
			})
			p := tt.describe(c)
			_ = tt.send(c)
			if p.Method != tt.method || p.Method != got.method || p.Header.Get("Authorization") != "Bearer ••••" {
				t.Errorf("described %s %s, sent %s", p.Method, p.Header, got.method)
			}
			if want := basePath + url; len(p.URL) < len(want) || p.URL[len(p.URL)-len(want):] != want {
				t.Errorf("described %s, sent %s", p.URL, url)
			}
			if string(p.Body) != string(got.body) {
				t.Errorf("described %s\nsent      %s", p.Body, got.body)
			}
		})
	}
}

// An empty ID never turns an update into a create.
func TestAnUpdateWithoutAnIDIsRefused(t *testing.T) {
	c := setup(t, func(w http.ResponseWriter, r *http.Request) { t.Errorf("unexpected %s %s", r.Method, r.URL.Path) })
	ctx := context.Background()
	if _, err := c.UpdateRule(ctx, testEnvID, " ", testRuleRequest()); err == nil || err.Error() != "update rule: rule ID is empty" {
		t.Errorf("rule: %v", err)
	}
	if _, err := c.UpdatePlan(ctx, testEnvID, "", &api.PlanRequest{Name: "x"}); err == nil || err.Error() != "update plan: plan ID is empty" {
		t.Errorf("plan: %v", err)
	}
	m := &api.MappingRequest{SourceAttribute: "email", TargetAttribute: "Email"}
	if _, err := c.UpdateMapping(ctx, testEnvID, testRuleID, "", m); err == nil || err.Error() != "update mapping: mapping ID is empty" {
		t.Errorf("mapping: %v", err)
	}
}
