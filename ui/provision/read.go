package provision

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"sfstore/api"
	"sfstore/ui/chain"
)

// readState reads the chain through store st (GETs only; the store
// metadata is a POST that changes nothing). A part that cannot be read
// stops the run, since planning without it could make a second of
// something; the metadata alone may fail, and then the documented target
// names are used, which the run says.
func readState(ctx context.Context, c *api.Client, env string, st api.Store) (*state, error) {
	out := &state{Env: env, Store: st}
	dirs, err := c.FindDirectoryStores(ctx, env)
	if err != nil {
		return nil, err
	}
	if len(dirs) > 0 {
		out.Directory = &dirs[0]
	}
	plans, err := c.ListPlans(ctx, env)
	if err != nil {
		return nil, err
	}
	if len(plans) > 0 {
		out.Plan = &plans[0]
	}
	rules, err := c.ListRules(ctx, env)
	if err != nil {
		return nil, err
	}
	for i, r := range rules {
		if r.TargetStoreID != st.ID {
			continue
		}
		if out.Rule == nil {
			out.Rule = &rules[i]
		} else {
			out.OtherRules = append(out.OtherRules, r)
		}
	}
	if out.Rule != nil {
		if out.Mappings, err = c.ListRuleMappings(ctx, env, out.Rule.ID); err != nil {
			return nil, err
		}
	}
	if out.Revision, err = c.GetLatestRevision(ctx, env); err != nil {
		return nil, err
	}
	if out.Populations, err = c.ListPopulations(ctx, env); err != nil {
		return nil, err
	}
	out.Published = published(out)
	out.Targets = targets(ctx, c, env, st)
	return out, nil
}

// targets are the Salesforce attribute names from the store metadata,
// with the store's configuration when PingOne gave its secrets (custom
// fields then show), else the static metadata; the documented names when
// neither answers.
func targets(ctx context.Context, c *api.Client, env string, st api.Store) chain.Targets {
	cfg := &st.Configuration
	for _, v := range cfg.Secrets() {
		if v == "" || api.LooksMasked(v) {
			cfg = nil
			break
		}
	}
	meta, err := c.SalesforceMetadata(ctx, env, cfg)
	if errors.Is(err, context.Canceled) || err != nil || meta == nil {
		return chain.DocumentedOnly()
	}
	t, _ := chain.TargetsFromMetadata(meta.Raw)
	return t
}

// published says whether the latest revision covers the chain's changes.
func published(st *state) chain.PublishState {
	at := ""
	if st.Revision != nil && !st.Revision.None {
		at = st.Revision.CreatedAt
	}
	stamps := []chain.Stamp{{What: "store", ID: st.Store.ID, UpdatedAt: st.Store.UpdatedAt}}
	if r := st.Rule; r != nil {
		stamps = append(stamps, chain.Stamp{What: "rule", ID: r.ID, UpdatedAt: r.UpdatedAt})
	}
	for _, m := range st.Mappings {
		stamps = append(stamps, chain.Stamp{What: "mapping", ID: m.ID, UpdatedAt: m.UpdatedAt})
	}
	return chain.Publish(at, stamps).State
}

// targetsNote says where the target names come from.
func targetsNote(t chain.Targets) string {
	if t.FromMetadata {
		return fmt.Sprintf("Target names checked against the %d user attributes PingOne's store metadata lists.", len(t.Names))
	}
	return "PingOne's store metadata listed no user attributes: target names are checked against the documented Salesforce names (" +
		strings.Join(chain.DocumentedTargets, ", ") + ")."
}
