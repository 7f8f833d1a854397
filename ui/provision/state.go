package provision

import (
	"strings"

	"sfstore/api"
	"sfstore/ui/chain"
)

// state is what provision read of the chain through a store, as the
// planner needs it.
type state struct {
	Env       string
	Store     api.Store
	Directory *api.Store // the first store of type directory
	// DirectoryIDs are every directory store's: a rule reading from any
	// of them is left as it is.
	DirectoryIDs []string
	Plan         *api.Plan  // the environment's one plan
	Rule         *api.Rule  // the first rule targeting the store
	OtherRules   []api.Rule // further rules targeting it: left alone, and said
	Mappings     []api.Mapping
	Revision     *api.Revision
	Published    chain.PublishState
	Populations  []api.Population
	Targets      chain.Targets
}

// defaultPopulation is the environment's default population, or the
// first, or nil.
func (st *state) defaultPopulation() *api.Population {
	for i, p := range st.Populations {
		if p.Default {
			return &st.Populations[i]
		}
	}
	if len(st.Populations) > 0 {
		return &st.Populations[0]
	}
	return nil
}

// population finds a population by ID, else by name (ignoring case).
func (st *state) population(ref string) []api.Population {
	ref = strings.TrimSpace(ref)
	for _, p := range st.Populations {
		if strings.EqualFold(p.ID, ref) {
			return []api.Population{p}
		}
	}
	var out []api.Population
	for _, p := range st.Populations {
		if strings.EqualFold(strings.TrimSpace(p.Name), ref) {
			out = append(out, p)
		}
	}
	return out
}

// existing are the rule's mappings as chain mappings.
func (st *state) existing() []chain.Mapping {
	out := make([]chain.Mapping, 0, len(st.Mappings))
	for _, m := range st.Mappings {
		out = append(out, chain.Mapping{Target: m.TargetAttribute, Source: m.SourceAttribute, Expression: m.Expression})
	}
	return out
}
