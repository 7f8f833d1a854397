package provision

import (
	"context"
	"fmt"
	"strings"

	"sfstore/api"
	"sfstore/ui/chain"
)

// readState reads the chain through store st with chain.Read (GETs
// only), the environment's populations (for the picker and the default)
// and the store metadata (a POST that changes nothing). A part that
// cannot be read stops the run, since planning without it could make a
// second of something; the metadata alone may fail, and then the
// documented target names are used, which the run says.
func readState(ctx context.Context, c *api.Client, env string, st api.Store) (*state, error) {
	ch, err := chain.ReadFor(ctx, c, env, st)
	if err != nil {
		return nil, err
	}
	for _, e := range []error{ch.StoreErr, ch.StoresErr, ch.PlansErr, ch.RulesErr, ch.RevisionErr} {
		if e != nil {
			return nil, e
		}
	}
	out := &state{Env: env, Store: *ch.Store, Plan: ch.Plan(), Revision: ch.Revision}
	if len(ch.Directories) > 0 {
		out.Directory = &ch.Directories[0]
	}
	for _, d := range ch.Directories {
		out.DirectoryIDs = append(out.DirectoryIDs, d.ID)
	}
	for i, r := range ch.Rules {
		if i == 0 {
			if r.MappingsErr != nil {
				return nil, r.MappingsErr
			}
			rule := r.Rule
			out.Rule, out.Mappings = &rule, r.Mappings
			continue
		}
		out.OtherRules = append(out.OtherRules, r.Rule)
	}
	if out.Populations, err = c.ListPopulations(ctx, env); err != nil {
		return nil, err
	}
	ch.ReadMetadata(ctx, c, configWithSecrets(st))
	out.Targets = ch.Targets()
	out.Published = ch.Publication().State
	return out, nil
}

// configWithSecrets is the store's configuration for the metadata call
// when PingOne returned its secrets (the org's own fields then show), else
// nil, for the static metadata: a mask is never sent.
func configWithSecrets(st api.Store) *api.SalesforceConfiguration {
	cfg := st.Configuration
	for _, v := range cfg.Secrets() {
		if v == "" || api.LooksMasked(v) {
			return nil
		}
	}
	return &cfg
}

// targetsNote says where the target names come from.
func targetsNote(t chain.Targets) string {
	if t.FromMetadata {
		return fmt.Sprintf("Target names checked against the %d user attributes PingOne's store metadata lists.", len(t.Names))
	}
	return "PingOne's store metadata listed no user attributes: target names are checked against the documented Salesforce names (" +
		strings.Join(chain.DocumentedTargets, ", ") + ")."
}
