package provision

import (
	"context"
	"fmt"
	"strings"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/chain"
	"sfstore/ui/settings"
	"sfstore/ui/term"
)

// scope is the rule's populationExpression: --filter, --population, the
// existing rule's, else the default population; in a terminal the
// population picker, preselected, unless a flag decided.
func scope(ctx context.Context, s *ui.Session, p Prompter, st *state, o Options) (string, error) {
	switch {
	case o.Filter != "":
		return o.Filter, nil
	case o.Population != "":
		found := st.population(o.Population)
		switch len(found) {
		case 1:
			return api.PopulationExpression(found[0].ID), nil
		case 0:
			return "", &settings.InputError{Problems: []string{fmt.Sprintf("--population: no population is named %q or has that ID in environment %s (%s)",
				term.Line(o.Population), st.Env, populationNames(st))}}
		}
		return "", &settings.InputError{Problems: []string{fmt.Sprintf("--population: %d populations are named %q: give the ID of one", len(found), term.Line(o.Population))}}
	}
	current := ""
	if st.Rule != nil && strings.TrimSpace(st.Rule.PopulationExpression) != "" {
		ids := chain.PopulationIDs(st.Rule.PopulationExpression)
		if s.Opts.NoInput || len(ids) != 1 || api.PopulationExpression(ids[0]) != st.Rule.PopulationExpression {
			return st.Rule.PopulationExpression, nil // a SCIM filter of its own: kept
		}
		current = ids[0]
	}
	def := st.defaultPopulation()
	if current == "" && def != nil {
		current = def.ID
	}
	if current == "" {
		return "", &settings.InputError{Problems: []string{"the environment lists no population: scope the rule with --filter, e.g. --filter 'email ew \"@acme.com\"'"}}
	}
	if s.Opts.NoInput {
		return api.PopulationExpression(current), nil
	}
	id, err := p.PickPopulation(ctx, populationOptions(st), current)
	if err != nil {
		return "", err
	}
	return api.PopulationExpression(id), nil
}

// populationOptions lists the default population first.
func populationOptions(st *state) []PopulationOption {
	opts := make([]PopulationOption, 0, len(st.Populations))
	for _, p := range st.Populations {
		o := PopulationOption{ID: p.ID, Name: p.Name, Default: p.Default}
		if p.Default {
			opts = append([]PopulationOption{o}, opts...)
		} else {
			opts = append(opts, o)
		}
	}
	return opts
}

func populationNames(st *state) string {
	names := make([]string, 0, 5)
	for i, p := range st.Populations {
		if i == 5 {
			names = append(names, "…")
			break
		}
		names = append(names, p.Name)
	}
	if len(names) == 0 {
		return "it has none"
	}
	return "it has " + strings.Join(names, ", ")
}
