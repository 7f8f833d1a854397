package chain

import (
	"context"
	"slices"
	"strings"
	"sync"

	"sfstore/api"
)

// Client is what the chain reads PingOne with: the calls of *api.Client
// it makes, so that tests fake them and provision shares them.
type Client interface {
	GetStore(ctx context.Context, envID, storeID string) (*api.Store, error)
	FindDirectoryStores(ctx context.Context, envID string) ([]api.Store, error)
	ListPlans(ctx context.Context, envID string) ([]api.Plan, error)
	ListRules(ctx context.Context, envID string) ([]api.Rule, error)
	ListRuleMappings(ctx context.Context, envID, ruleID string) ([]api.Mapping, error)
	ListPopulations(ctx context.Context, envID string) ([]api.Population, error)
	GetLatestRevision(ctx context.Context, envID string) (*api.Revision, error)
	SalesforceMetadata(ctx context.Context, envID string, cfg *api.SalesforceConfiguration) (*api.StoreMetadata, error)
}

var _ Client = (*api.Client)(nil)

// Chain is what provisions through one store, as PingOne holds it now.
// Each part comes with the error of its read, if it failed: one failed
// read leaves the others to be judged.
type Chain struct {
	EnvID, StoreID string

	// Store is the store, as GET returned it: its secrets may be in clear
	// (Secrets lists them, to mask).
	Store    *api.Store
	StoreErr error

	// Directories are the environment's stores of type directory, the
	// source outbound rules read users from.
	Directories []api.Store
	StoresErr   error

	Plans    []api.Plan
	PlansErr error

	// Rules are the rules whose target is the store, with their mappings
	// and populations.
	Rules    []Rule
	RulesErr error

	// Revision is the latest revision; Revision.None when nothing was
	// ever published.
	Revision    *api.Revision
	RevisionErr error

	// PopulationsErr is the error of listing the populations, read only
	// when a rule names one.
	PopulationsErr error

	// Metadata is the store metadata, nil until ReadMetadata (it needs the
	// store's secrets).
	Metadata    *api.StoreMetadata
	MetadataErr error
}

// Rule is a rule that targets the store.
type Rule struct {
	api.Rule
	Mappings    []api.Mapping
	MappingsErr error
	// Populations are those its populationExpression names, then the
	// deprecated populations[] ones.
	Populations []Population
}

// Population is a population a rule names: Found is nil when the
// environment has none of that ID (or the populations could not be read:
// Chain.PopulationsErr).
type Population struct {
	ID    string
	Found *api.Population
}

// Read reads the chain of store storeID in environment envID, with GETs
// only: the store, the environment's directory stores, the plans, the
// rules and the latest revision at once, then the mappings of each rule
// that targets the store and, if a rule names a population, the
// populations. Errors stay with their part; Read itself fails only when
// ctx ends.
func Read(ctx context.Context, client Client, envID, storeID string) (*Chain, error) {
	return read(ctx, client, envID, storeID, nil)
}

// ReadFor is Read for store st, which the caller has just read from
// PingOne: it is taken as it is instead of being read a second time.
func ReadFor(ctx context.Context, client Client, envID string, st api.Store) (*Chain, error) {
	return read(ctx, client, envID, st.ID, &st)
}

func read(ctx context.Context, client Client, envID, storeID string, known *api.Store) (*Chain, error) {
	c := &Chain{EnvID: envID, StoreID: storeID, Store: known}
	var rules []api.Rule
	jobs := []func(){
		func() { c.Directories, c.StoresErr = client.FindDirectoryStores(ctx, envID) },
		func() { c.Plans, c.PlansErr = client.ListPlans(ctx, envID) },
		func() { rules, c.RulesErr = client.ListRules(ctx, envID) },
		func() { c.Revision, c.RevisionErr = client.GetLatestRevision(ctx, envID) },
	}
	if known == nil {
		jobs = append(jobs, func() { c.Store, c.StoreErr = client.GetStore(ctx, envID, storeID) })
	}
	parallel(jobs...)
	for _, r := range rules {
		if strings.EqualFold(strings.TrimSpace(r.TargetStoreID), strings.TrimSpace(storeID)) {
			c.Rules = append(c.Rules, Rule{Rule: r})
		}
	}
	var populations []api.Population
	jobs = nil
	for i := range c.Rules {
		r := &c.Rules[i]
		jobs = append(jobs, func() { r.Mappings, r.MappingsErr = client.ListRuleMappings(ctx, envID, r.ID) })
	}
	if c.namesPopulations() {
		jobs = append(jobs, func() { populations, c.PopulationsErr = client.ListPopulations(ctx, envID) })
	}
	parallel(jobs...)
	for i := range c.Rules {
		c.Rules[i].Populations = scope(c.Rules[i].Rule, populations)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// ReadMetadata asks PingOne for the store metadata with cfg, the store's
// configuration with its secrets (from the keyring when GET masked them):
// PingOne then lists the org's own fields too. It is kept in Metadata,
// its error in MetadataErr.
func (c *Chain) ReadMetadata(ctx context.Context, client Client, cfg *api.SalesforceConfiguration) {
	c.Metadata, c.MetadataErr = client.SalesforceMetadata(ctx, c.EnvID, cfg)
}

// parallel runs fns at once and waits for them all.
func parallel(fns ...func()) {
	var wg sync.WaitGroup
	for _, fn := range fns {
		wg.Go(fn)
	}
	wg.Wait()
}

// namesPopulations reports whether a rule names a population.
func (c *Chain) namesPopulations() bool {
	for _, r := range c.Rules {
		if len(PopulationIDs(r.PopulationExpression))+len(r.PopulationIDs) > 0 {
			return true
		}
	}
	return false
}

// scope is the populations r names, found among all.
func scope(r api.Rule, all []api.Population) []Population {
	ids := PopulationIDs(r.PopulationExpression)
	for _, id := range r.PopulationIDs {
		if id = strings.TrimSpace(id); id != "" && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	out := make([]Population, 0, len(ids))
	for _, id := range ids {
		p := Population{ID: id}
		for i := range all {
			if strings.EqualFold(all[i].ID, id) {
				p.Found = &all[i]
			}
		}
		out = append(out, p)
	}
	return out
}
