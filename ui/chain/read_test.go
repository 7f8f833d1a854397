package chain

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"sfstore/api"
)

const (
	envID   = "4f7e1c2a-9b3d-4e5f-8a6b-1c2d3e4f5a6b"
	storeID = "9d4b7e20-1c5a-4f3e-8a62-b7e1d9c0f5a3"
)

// fakeClient answers from its fields and records the calls.
type fakeClient struct {
	mu    sync.Mutex
	calls []string

	store       *api.Store
	storeErr    error
	stores      []api.Store
	plans       []api.Plan
	rules       []api.Rule
	rulesErr    error
	mappings    map[string][]api.Mapping
	mappingsErr map[string]error
	populations []api.Population
	revision    *api.Revision
	revisionErr error
	metadata    *api.StoreMetadata
}

func (f *fakeClient) note(call string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, call)
}

func (f *fakeClient) GetStore(context.Context, string, string) (*api.Store, error) {
	f.note("GetStore")
	return f.store, f.storeErr
}

func (f *fakeClient) FindDirectoryStores(context.Context, string) ([]api.Store, error) {
	f.note("FindDirectoryStores")
	var dirs []api.Store
	for _, st := range f.stores {
		if strings.EqualFold(st.Type, api.StoreTypeDirectory) {
			dirs = append(dirs, st)
		}
	}
	return dirs, nil
}

func (f *fakeClient) ListPlans(context.Context, string) ([]api.Plan, error) {
	f.note("ListPlans")
	return f.plans, nil
}

func (f *fakeClient) ListRules(context.Context, string) ([]api.Rule, error) {
	f.note("ListRules")
	return f.rules, f.rulesErr
}

func (f *fakeClient) ListRuleMappings(_ context.Context, _, ruleID string) ([]api.Mapping, error) {
	f.note("ListRuleMappings " + ruleID)
	return f.mappings[ruleID], f.mappingsErr[ruleID]
}

func (f *fakeClient) ListPopulations(context.Context, string) ([]api.Population, error) {
	f.note("ListPopulations")
	return f.populations, nil
}

func (f *fakeClient) GetLatestRevision(context.Context, string) (*api.Revision, error) {
	f.note("GetLatestRevision")
	return f.revision, f.revisionErr
}

func (f *fakeClient) SalesforceMetadata(context.Context, string, *api.SalesforceConfiguration) (*api.StoreMetadata, error) {
	f.note("SalesforceMetadata")
	return f.metadata, nil
}

func (f *fakeClient) called(call string) bool {
	for _, c := range f.calls {
		if c == call {
			return true
		}
	}
	return false
}

func TestReadKeepsEachErrorWithItsLink(t *testing.T) {
	down := errors.New("list mappings: pingone answered 503")
	f := &fakeClient{
		store: &api.Store{ID: storeID, Type: api.StoreTypeSalesforce, UpdatedAt: "2026-12-01T09:00:00Z",
			Configuration: api.SalesforceConfiguration{ClientSecret: "SENTINEL-CLIENT-SECRET", OAuthAccessToken: "••••abcd"}},
		stores: []api.Store{{ID: "d1", Type: "DIRECTORY"}, {ID: storeID, Type: api.StoreTypeSalesforce}, {ID: "w", Type: "Workday"}},
		plans:  []api.Plan{{ID: "p", Status: "active", UpdatedAt: "2026-11-01T00:00:00Z"}},
		rules: []api.Rule{
			{ID: "r1", TargetStoreID: storeID, PopulationExpression: `population.id eq "pop1" or population.id eq "gone"`, UpdatedAt: "2026-12-01T09:30:00Z"},
			{ID: "r2", TargetStoreID: storeID, PopulationIDs: []string{"pop1"}, UpdatedAt: "2026-12-01T09:31:00.5Z"},
			{ID: "other", TargetStoreID: "another-store"},
		},
		mappings:    map[string][]api.Mapping{"r1": {{ID: "m1", TargetAttribute: "Username", SourceAttribute: "email", UpdatedAt: "2026-12-01T08:00:00Z"}}},
		mappingsErr: map[string]error{"r2": down},
		populations: []api.Population{{ID: "pop1", Name: "Employees"}},
		revision:    &api.Revision{ID: "rev", CreatedAt: "2026-12-01T10:00:00Z"},
	}
	c, err := Read(context.Background(), f, envID, storeID)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Directories) != 1 || c.Directories[0].ID != "d1" {
		t.Errorf("directories = %+v", c.Directories)
	}
	if len(c.Rules) != 2 || c.Rules[0].ID != "r1" || c.Rules[1].ID != "r2" {
		t.Fatalf("rules = %+v", c.Rules)
	}
	r1, r2 := c.Rules[0], c.Rules[1]
	if len(r1.Mappings) != 1 || r1.MappingsErr != nil || !errors.Is(r2.MappingsErr, down) {
		t.Errorf("mappings: r1 %+v %v, r2 %v", r1.Mappings, r1.MappingsErr, r2.MappingsErr)
	}
	if len(r1.Populations) != 2 || r1.Populations[0].Found == nil || r1.Populations[0].Found.Name != "Employees" || r1.Populations[1].Found != nil {
		t.Errorf("r1 populations = %+v", r1.Populations)
	}
	if len(r2.Populations) != 1 || r2.Populations[0].Found == nil {
		t.Errorf("r2 populations (deprecated populations[]) = %+v", r2.Populations)
	}
	if f.called("ListRuleMappings other") {
		t.Error("read the mappings of a rule of another store")
	}
	if !PlanActive(c.Plan()) {
		t.Errorf("plan %+v reads inactive", c.Plan())
	}
	if p := c.Publication(); p.State != Published {
		t.Errorf("publication = %+v", p)
	}
	if s := c.Secrets(); len(s) != 1 || s[0] != "SENTINEL-CLIENT-SECRET" {
		t.Errorf("secrets = %q", s)
	}
	if f.called("SalesforceMetadata") || c.Metadata != nil || c.Targets().FromMetadata {
		t.Error("metadata read without being asked")
	}
	c.ReadMetadata(context.Background(), f, &c.Store.Configuration)
	if !f.called("SalesforceMetadata") {
		t.Error("ReadMetadata did not ask")
	}
}

func TestReadWithoutRulesReadsNoMappingsNorPopulations(t *testing.T) {
	denied := errors.New("get store: 403")
	f := &fakeClient{storeErr: denied, rulesErr: errors.New("list rules: 403"), revisionErr: errors.New("get latest revision: 403")}
	c, err := Read(context.Background(), f, envID, storeID)
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(c.StoreErr, denied) || c.RulesErr == nil || c.RevisionErr == nil || c.Store != nil {
		t.Errorf("chain = %+v", c)
	}
	if f.called("ListPopulations") || len(f.calls) != 5 {
		t.Errorf("calls = %q", f.calls)
	}
	if p := c.Publication(); p.State != CannotTell {
		t.Errorf("publication without a revision read = %+v", p)
	}
	if c.Problems(Rule{}) != nil {
		t.Error("problems without a store")
	}
}

func TestReadEndsWithItsContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, &fakeClient{}, envID, storeID); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}

func TestPublicationSeesAChangeAfterTheRevision(t *testing.T) {
	c := &Chain{
		Store:    &api.Store{ID: storeID, UpdatedAt: "2026-12-01T09:00:00Z"},
		Rules:    []Rule{{Rule: api.Rule{ID: "r", UpdatedAt: "2026-12-01T09:00:00Z"}, Mappings: []api.Mapping{{ID: "m", UpdatedAt: "2026-12-01T11:00:00Z"}}}},
		Revision: &api.Revision{CreatedAt: "2026-12-01T10:00:00Z"},
	}
	p := c.Publication()
	if p.State != Unpublished || len(p.Newer) != 1 || p.Newer[0].What != "mapping" {
		t.Errorf("publication = %+v", p)
	}
	c.Revision = &api.Revision{None: true}
	if p := c.Publication(); p.State != Unpublished {
		t.Errorf("never published = %+v", p)
	}
}
