package api_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"sfstore/api"
	"sfstore/api/simulator"
)

// clock is a settable simulator clock.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// demoClient is a client for a simulator seeded as the demo, on clk at
// pace (0: every user at once).
func demoClient(t *testing.T, clk *clock, pace time.Duration) (*api.Client, *simulator.Server) {
	t.Helper()
	opts := simulator.DemoOptions()
	opts.SyncPace = pace
	if clk != nil {
		opts.Now = clk.Now
	}
	return simClientWith(t, opts)
}

// salesforceMappings are the mappings a Salesforce User needs, from the
// demo's PingOne users.
func salesforceMappings() []api.MappingRequest {
	lit := func(target, v string) api.MappingRequest {
		return api.MappingRequest{Name: target, TargetAttribute: target, Expression: `"` + v + `"`}
	}
	return []api.MappingRequest{
		{Name: "Username", TargetAttribute: "Username", SourceAttribute: "email"},
		{Name: "Email", TargetAttribute: "Email", SourceAttribute: "email"},
		{Name: "FirstName", TargetAttribute: "FirstName", SourceAttribute: "name.given"},
		{Name: "LastName", TargetAttribute: "LastName", SourceAttribute: "name.family"},
		{Name: "Alias", TargetAttribute: "Alias", Expression: "${user.name.given.substring(0,1)}${user.name.family.substring(0,4)}"},
		lit("TimeZoneSidKey", "America/Los_Angeles"), lit("LocaleSidKey", "en_US"),
		lit("EmailEncodingKey", "UTF-8"), lit("LanguageLocaleKey", "en_US"),
	}
}

// provisioned is what setUp made.
type provisioned struct {
	dir     *api.Store
	plan    *api.Plan
	rule    *api.Rule
	maps    []api.Mapping
	publish *api.Revision
}

// setUp provisions storeID from nothing, as sfstore provision does, with
// mappings, and publishes.
func setUp(t *testing.T, c *api.Client, storeID string, mappings []api.MappingRequest) provisioned {
	t.Helper()
	ctx := context.Background()
	env := simulator.DemoEnvironmentID
	var p provisioned
	store, err := c.GetStore(ctx, env, storeID)
	if err != nil {
		t.Fatal(err)
	}
	md, err := c.SalesforceMetadata(ctx, env, &store.Configuration)
	if err != nil || !md.Known {
		t.Fatalf("metadata %+v, err %v", md, err)
	}
	if a, ok := md.Attribute("username"); !ok || !a.Required || a.Name != "Username" {
		t.Errorf("Username attribute %+v", a)
	}
	if dirs, err := c.FindDirectoryStores(ctx, env); err != nil || len(dirs) != 0 {
		t.Fatalf("directory stores of a fresh demo: %+v, %v", dirs, err)
	}
	if p.dir, err = c.CreateDirectoryStore(ctx, env, "PingOne Directory"); err != nil {
		t.Fatal(err)
	}
	if plans, err := c.ListPlans(ctx, env); err != nil || len(plans) != 0 {
		t.Fatalf("plans %+v, %v", plans, err)
	}
	if p.plan, err = c.CreatePlan(ctx, env, &api.PlanRequest{Name: "sfstore"}); err != nil {
		t.Fatal(err)
	}
	pops, err := c.ListPopulations(ctx, env)
	if err != nil || len(pops) < 2 || !pops[0].Default || pops[0].UserCount == 0 {
		t.Fatalf("populations %+v, %v", pops, err)
	}
	p.rule, err = c.CreateRule(ctx, env, &api.RuleRequest{Name: "PingOne to " + store.Name, PlanID: p.plan.ID,
		SourceStoreID: p.dir.ID, TargetStoreID: storeID, PopulationExpression: api.PopulationExpression(pops[0].ID)})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mappings {
		got, err := c.CreateMapping(ctx, env, p.rule.ID, &m)
		if err != nil {
			t.Fatal(err)
		}
		p.maps = append(p.maps, *got)
	}
	req := p.rule.Request()
	req.Active = true
	if p.rule, err = c.UpdateRule(ctx, env, p.rule.ID, &req); err != nil || !p.rule.Active {
		t.Fatalf("activate: %+v, %v", p.rule, err)
	}
	preq := p.plan.Request()
	preq.Status = api.PlanStatusActive
	if p.plan, err = c.UpdatePlan(ctx, env, p.plan.ID, &preq); err != nil {
		t.Fatal(err)
	}
	if rev, err := c.GetLatestRevision(ctx, env); err != nil || !rev.None {
		t.Fatalf("latest revision before a publish: %+v, %v", rev, err)
	}
	if p.publish, err = c.CreateRevision(ctx, env); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestFromNothingToASyncedUserAgainstTheSimulator(t *testing.T) {
	clk := &clock{now: time.Date(2026, 12, 7, 1, 0, 0, 0, time.UTC)}
	const pace = 1500 * time.Millisecond
	c, _ := demoClient(t, clk, pace)
	ctx := context.Background()
	env := simulator.DemoEnvironmentID
	p := setUp(t, c, simulator.DemoStoreProductionID, salesforceMappings())

	latest, err := c.GetLatestRevision(ctx, env)
	if err != nil || latest.ID != p.publish.ID || latest.None {
		t.Fatalf("latest %+v, %v", latest, err)
	}
	updated := []string{p.rule.UpdatedAt, p.plan.UpdatedAt, p.dir.UpdatedAt}
	for _, m := range p.maps {
		updated = append(updated, m.UpdatedAt)
	}
	if !latest.Covers(updated...) {
		t.Errorf("the revision does not cover %v", updated)
	}

	sync := func() api.SyncStatus {
		st, err := c.GetStore(ctx, env, simulator.DemoStoreProductionID)
		if err != nil || st.SyncStatus == nil {
			t.Fatalf("store %+v, %v", st, err)
		}
		return *st.SyncStatus
	}
	if ss := sync(); ss.SyncState != api.SyncStateSyncing || ss.SuccessCount != 0 || ss.UserTotal != 4 {
		t.Errorf("at the publish: %+v", ss)
	}
	clk.advance(pace)
	if ss := sync(); ss.SuccessCount != 1 || ss.FailedCount != 0 || ss.LastSyncAt != "2026-12-07T01:00:01.500Z" {
		t.Errorf("after one step: %+v", ss)
	}
	clk.advance(10 * pace)
	if ss := sync(); ss.SyncState != api.SyncStateSyncing || ss.SuccessCount != 4 || ss.UserTotal != 4 || ss.Details != "" {
		t.Errorf("at the end: %+v", ss)
	}

	// A change after the publish is unpublished until the next one.
	clk.advance(time.Second)
	m := p.maps[2].Request()
	m.SourceAttribute = "nickname"
	changed, err := c.UpdateMapping(ctx, env, p.rule.ID, p.maps[2].ID, &m)
	if err != nil || latest.Covers(changed.UpdatedAt) {
		t.Errorf("changed mapping %+v, %v: covered by the old revision", changed, err)
	}
}

func TestAMissingRequiredMappingFailsTheSync(t *testing.T) {
	c, _ := demoClient(t, nil, 0)
	setUp(t, c, simulator.DemoStoreProductionID, salesforceMappings()[:4]) // no Alias nor the locale keys
	st, err := c.GetStore(context.Background(), simulator.DemoEnvironmentID, simulator.DemoStoreProductionID)
	if err != nil {
		t.Fatal(err)
	}
	ss := st.SyncStatus
	if ss.SyncState != api.SyncStateFailed || ss.FailedCount != 4 || !strings.Contains(ss.Details, "REQUIRED_FIELD_MISSING") ||
		!strings.Contains(ss.Details, "Alias, TimeZoneSidKey, LocaleSidKey, EmailEncodingKey, LanguageLocaleKey") {
		t.Errorf("sync %+v", ss)
	}
}

func TestAnExpiredSalesforceSessionFailsTheSync(t *testing.T) {
	c, _ := demoClient(t, nil, 0)
	ctx := context.Background()
	env := simulator.DemoEnvironmentID
	store, _ := c.GetStore(ctx, env, simulator.DemoStoreCommunityID)
	// The metadata call connects to Salesforce with the configuration.
	_, err := c.SalesforceMetadata(ctx, env, &store.Configuration)
	var e *api.Error
	if !errors.As(err, &e) || e.Code != "REQUEST_FAILED" {
		t.Fatalf("metadata with an expired session: %v", err)
	}
	dir, _ := c.CreateDirectoryStore(ctx, env, "PingOne Directory")
	plan, _ := c.CreatePlan(ctx, env, &api.PlanRequest{Name: "sfstore", Status: api.PlanStatusActive})
	rule, err := c.CreateRule(ctx, env, &api.RuleRequest{Name: "partners", Active: true, PlanID: plan.ID, SourceStoreID: dir.ID,
		TargetStoreID: store.ID, PopulationExpression: api.PopulationExpression(simulator.DemoPopulationPartnersID)})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range salesforceMappings() {
		if _, err := c.CreateMapping(ctx, env, rule.ID, &m); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.CreateRevision(ctx, env); err != nil {
		t.Fatal(err)
	}
	st, _ := c.GetStore(ctx, env, store.ID)
	if ss := st.SyncStatus; ss.SyncState != api.SyncStateFailed || ss.Details != simulator.SalesforceSessionExpired || ss.UserTotal != 1 {
		t.Errorf("sync %+v", ss)
	}
}

func TestTheSimulatorRefusesWhatPingOneWould(t *testing.T) {
	c, _ := demoClient(t, nil, 0)
	ctx := context.Background()
	env := simulator.DemoEnvironmentID
	dir, _ := c.CreateDirectoryStore(ctx, env, "PingOne Directory")
	plan, _ := c.CreatePlan(ctx, env, &api.PlanRequest{Name: "sfstore"})
	var e *api.Error
	if _, err := c.CreatePlan(ctx, env, &api.PlanRequest{Name: "second"}); !errors.As(err, &e) || e.StatusCode != 400 || !strings.Contains(e.Hint(), "only one plan") {
		t.Errorf("second plan: %v", err)
	}
	// A disabled target store: the rule may exist, not be active.
	inactive, err := c.CreateSalesforceStore(ctx, env, &api.CreateSalesforceStoreRequest{Name: "disabled",
		Configuration: storeConfigOf(t, c, simulator.DemoStoreProductionID)})
	if err != nil {
		t.Fatal(err)
	}
	req := &api.RuleRequest{Name: "r", Active: true, PlanID: plan.ID, SourceStoreID: dir.ID, TargetStoreID: inactive.ID}
	if _, err := c.CreateRule(ctx, env, req); !errors.As(err, &e) || len(e.Details) != 1 || e.Details[0].Target != "active" {
		t.Errorf("active rule on a disabled store: %v", err)
	}
	req.Active, req.SourceStoreID = false, simulator.DemoStoreCommunityID
	if _, err := c.CreateRule(ctx, env, req); !errors.As(err, &e) || e.Details[0].Target != "sourceStore.id" {
		t.Errorf("a Salesforce source: %v", err)
	}
	req.SourceStoreID, req.PopulationExpression = dir.ID, "population.id = 7"
	if _, err := c.CreateRule(ctx, env, req); !errors.As(err, &e) || e.Details[0].Target != "populationExpression" {
		t.Errorf("a bad expression: %v", err)
	}
	req.PopulationExpression = ""
	rule, err := c.CreateRule(ctx, env, req)
	if err != nil {
		t.Fatal(err)
	}
	// A refused mapping: 400 with details naming the field.
	_, err = c.CreateMapping(ctx, env, rule.ID, &api.MappingRequest{Name: "u", TargetAttribute: "Usrname", SourceAttribute: "email"})
	if !errors.As(err, &e) || e.StatusCode != 400 || e.Details[0].Target != "targetAttribute" || !strings.Contains(e.Error(), "Usrname") {
		t.Errorf("unknown target: %v", err)
	}
	_, err = c.CreateMapping(ctx, env, rule.ID, &api.MappingRequest{Name: "a", TargetAttribute: "Alias", Expression: "${user.nope}"})
	if !errors.As(err, &e) || e.Details[0].Target != "expression" {
		t.Errorf("unknown attribute in an expression: %v", err)
	}
	if _, err := c.CreateMapping(ctx, env, rule.ID, &api.MappingRequest{Name: "e", TargetAttribute: "Email", SourceAttribute: "email"}); err != nil {
		t.Fatal(err)
	}
	_, err = c.CreateMapping(ctx, env, rule.ID, &api.MappingRequest{Name: "e2", TargetAttribute: "Email", SourceAttribute: "username"})
	if !errors.As(err, &e) || e.Details[0].Target != "targetAttribute" {
		t.Errorf("a second mapping of one target: %v", err)
	}
	// A store a rule uses is not deleted.
	if err := c.DeleteStore(ctx, env, dir.ID); !errors.As(err, &e) || e.StatusCode != 400 {
		t.Errorf("delete of the source store: %v", err)
	}
	// The directory store does not disturb the Salesforce stores' lookups.
	found, err := c.FindSalesforceStores(ctx, env, simulator.DemoStoreProductionName)
	if err != nil || len(found) != 1 {
		t.Errorf("found %+v, %v", found, err)
	}
}

func storeConfigOf(t *testing.T, c *api.Client, id string) api.SalesforceConfiguration {
	t.Helper()
	st, err := c.GetStore(context.Background(), simulator.DemoEnvironmentID, id)
	if err != nil {
		t.Fatal(err)
	}
	return st.Configuration
}

func TestCallFaultsPlayRateLimitsAndLostAnswers(t *testing.T) {
	c, sim := demoClient(t, nil, 0)
	ctx := context.Background()
	env := simulator.DemoEnvironmentID
	sim.FailCall(simulator.CallFault{Method: http.MethodPost, Path: "/v1/environments/*/propagation/stores", N: 1,
		Answer: simulator.Answer429, RetryAfter: 3})
	var e *api.Error
	if _, err := c.CreateDirectoryStore(ctx, env, "PingOne Directory"); !errors.As(err, &e) || e.StatusCode != 429 || e.RetryAfter != 3*time.Second {
		t.Fatalf("429: %v", err)
	}
	dir, err := c.CreateDirectoryStore(ctx, env, "PingOne Directory")
	if err != nil {
		t.Fatal(err)
	}
	plan, _ := c.CreatePlan(ctx, env, &api.PlanRequest{Name: "sfstore"})
	sim.FailCall(simulator.CallFault{Method: http.MethodPost, Path: "/v1/environments/*/propagation/rules", Answer: simulator.Answer500, Applied: true})
	_, err = c.CreateRule(ctx, env, &api.RuleRequest{Name: "lost", PlanID: plan.ID, SourceStoreID: dir.ID, TargetStoreID: simulator.DemoStoreProductionID})
	var u *api.OutcomeUnknownError
	if !errors.As(err, &u) || u.Resource != "rule" {
		t.Fatalf("applied then 500: %v", err)
	}
	// Read back, as the error says: the rule is there.
	rules, err := c.ListRules(ctx, env)
	if err != nil || len(rules) != 1 || rules[0].Name != "lost" {
		t.Errorf("rules after the lost answer: %+v, %v", rules, err)
	}
	for _, a := range []simulator.Answer{simulator.Answer502, simulator.Answer503, simulator.AnswerReset} {
		sim.FailCall(simulator.CallFault{Method: http.MethodPost, Path: "/v1/environments/*/propagation/revisions", N: 1, Answer: a})
		if _, err := c.CreateRevision(ctx, env); !errors.As(err, &u) {
			t.Errorf("answer %d: %v", a, err)
		}
	}
	if rev, err := c.GetLatestRevision(ctx, env); err != nil || !rev.None {
		t.Errorf("a fault before the handler made a revision: %+v, %v", rev, err)
	}
}

func TestAHangingCallEndsWithTheClientsDeadline(t *testing.T) {
	c, sim := demoClient(t, nil, 0)
	sim.FailCall(simulator.CallFault{Method: http.MethodPut, Path: "/v1/environments/*/propagation/plans/*", Answer: simulator.AnswerHang})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := c.UpdatePlan(ctx, simulator.DemoEnvironmentID, testPlanID, &api.PlanRequest{Name: "x"})
	var u *api.OutcomeUnknownError
	if !errors.As(err, &u) || !strings.Contains(u.Reason, "no answer") {
		t.Errorf("err = %v", err)
	}
}
