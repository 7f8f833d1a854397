package provision

import (
	"context"
	"slices"
	"strings"

	"sfstore/api"
	"sfstore/ui/chain"
)

// wantedRows are the mappings to propose: the complete default set
// Salesforce needs (chain.Defaults), with the rule's existing mappings in
// place of the defaults for their targets (what someone set is kept, a
// mapping PingOne would refuse for its shape is not), then the overrides.
func wantedRows(st *state, overrides []chain.Mapping) []Row {
	cfg := st.Store.Configuration
	var kept []chain.Mapping
	for _, m := range st.existing() {
		if (m.Source == "") != (m.Expression == "") {
			kept = append(kept, m)
		}
	}
	merged := chain.Merge(chain.Merge(chain.Defaults(cfg), kept), overrides)
	required := chain.Required(cfg)
	rows := make([]Row, 0, len(merged))
	for _, m := range merged {
		r := Row{Target: m.Target, Source: m.Source, Expression: m.Expression,
			Required: slices.ContainsFunc(required, func(t string) bool { return strings.EqualFold(t, m.Target) })}
		if e := existingFor(st, m.Target); len(e) > 0 {
			r.ID = e[0].ID
		}
		rows = append(rows, r)
	}
	return rows
}

// existingFor are the rule's mappings of target, in PingOne's order.
func existingFor(st *state, target string) []api.Mapping {
	var out []api.Mapping
	for _, m := range st.Mappings {
		if strings.EqualFold(m.TargetAttribute, target) {
			out = append(out, m)
		}
	}
	return out
}

// rowsProblems are what stops rows before any write: chain.Validate's
// failures, each with the override that fixes it when there is one, as
// the flag that sets it (flags) or as the row to add in the review.
func rowsProblems(rows []Row, cfg api.SalesforceConfiguration, known chain.Targets, flags bool) (fails, warns []string) {
	for _, p := range chain.Validate(toChain(rows), cfg, known) {
		text := p.Text
		if p.Fix != nil && p.Fix.From() != "" {
			text += " (" + fixHint(*p.Fix, flags) + ")"
		}
		if p.Severity == chain.Fail {
			fails = append(fails, text)
		} else {
			warns = append(warns, text)
		}
	}
	return fails, warns
}

// fixHint says how to add the mapping fix: an expression (a literal
// such as '00e…') goes with --map-expr, quoted for the shell, since --map
// reads a PingOne attribute's name and a shell drops bare quotes.
func fixHint(fix chain.Mapping, flags bool) string {
	switch {
	case !flags && fix.Source != "":
		return "add " + fix.Target + " ← " + fix.Source
	case !flags:
		return "add " + fix.Target + " ← the expression " + fix.Expression
	case fix.Source != "":
		return "--map " + shellQuote(fix.String())
	}
	if v := fix.String(); !strings.ContainsAny(v, "\"$`\\!") {
		return `--map-expr "` + v + `"` // reads better than '\'' around a literal
	}
	return "--map-expr " + shellQuote(fix.String())
}

func toChain(rows []Row) []chain.Mapping {
	out := make([]chain.Mapping, len(rows))
	for i, r := range rows {
		out[i] = chain.Mapping{Target: r.Target, Source: r.Source, Expression: r.Expression}
	}
	return out
}

// mappingWrites takes the rule's mappings to rows: a second mapping of
// one target is deleted first (PingOne would pick one), a mapping of a
// target no longer wanted is deleted, one that differs is changed in
// place (PUT), a missing one is created.
func mappingWrites(st *state, rows []Row) []Write {
	var ws []Write
	for _, m := range st.Mappings {
		first := existingFor(st, m.TargetAttribute)[0].ID == m.ID
		wanted := slices.ContainsFunc(rows, func(r Row) bool { return strings.EqualFold(r.Target, m.TargetAttribute) })
		switch {
		case !first:
			ws = append(ws, deleteMapping(m, "a second mapping of "+m.TargetAttribute+": one target, one mapping"))
		case !wanted:
			ws = append(ws, deleteMapping(m, "dropped from the mappings"))
		}
	}
	for _, r := range rows {
		e := existingFor(st, r.Target)
		switch {
		case len(e) == 0:
			ws = append(ws, createMapping(r))
		case e[0].SourceAttribute != r.Source || e[0].Expression != r.Expression:
			ws = append(ws, updateMapping(e[0], r))
		}
	}
	return ws
}

func mappingName(target, ruleID string) string { return target + " for rule " + ruleID }

func rowRequest(r Row, name string) api.MappingRequest {
	return api.MappingRequest{Name: name, SourceAttribute: r.Source, Expression: r.Expression,
		TargetAttribute: r.Target, Type: api.MappingTypeUser}
}

func createMapping(r Row) Write {
	return Write{Step: stepMapping, Action: "create", What: "Create the mapping " + r.Target + " ← " + r.From(), target: r.Target,
		Why: "the rule has no mapping of " + r.Target + requiredNote(r),
		send: func(ctx context.Context, c *api.Client, ids *IDs) error {
			req := rowRequest(r, mappingName(r.Target, ids.Rule))
			m, err := c.CreateMapping(ctx, ids.Env, ids.Rule, &req)
			if err == nil && ids.mapping(r.Target) == "" {
				ids.setMapping(r.Target, m.ID)
			}
			return err
		},
		landed: func(ctx context.Context, c *api.Client, ids *IDs) (bool, error) {
			return mappingHolds(ctx, c, ids, "", r)
		}}
}

func requiredNote(r Row) string {
	if r.Required {
		return " (Salesforce needs it to create a user)"
	}
	return ""
}

func updateMapping(m api.Mapping, r Row) Write {
	req := m.Request()
	req.TargetAttribute, req.SourceAttribute, req.Expression = r.Target, r.Source, r.Expression
	if req.Type == "" {
		req.Type = api.MappingTypeUser
	}
	old := chain.Mapping{Target: m.TargetAttribute, Source: m.SourceAttribute, Expression: m.Expression}
	return Write{Step: stepMapping, Action: "update", What: "Change the mapping " + r.Target + " ← " + r.From(), target: r.Target,
		Why: "it maps " + old.From() + " now; changed in place",
		send: func(ctx context.Context, c *api.Client, ids *IDs) error {
			ids.setMapping(r.Target, m.ID)
			_, err := c.UpdateMapping(ctx, ids.Env, ids.Rule, m.ID, &req)
			return err
		},
		landed: func(ctx context.Context, c *api.Client, ids *IDs) (bool, error) {
			return mappingHolds(ctx, c, ids, m.ID, r)
		}}
}

func deleteMapping(m api.Mapping, why string) Write {
	return Write{Step: stepMapping, Action: "delete", What: "Delete the mapping " + m.TargetAttribute + " (" + m.ID + ")", Why: why,
		send: func(ctx context.Context, c *api.Client, ids *IDs) error {
			return c.DeleteMapping(ctx, ids.Env, m.ID)
		},
		landed: func(ctx context.Context, c *api.Client, ids *IDs) (bool, error) {
			ms, err := c.ListRuleMappings(ctx, ids.Env, ids.Rule)
			if err != nil {
				return false, err
			}
			return !slices.ContainsFunc(ms, func(x api.Mapping) bool { return x.ID == m.ID }), nil
		}}
}

// mappingHolds lists the rule's mappings and says whether one (id, or any
// of r's target when id is "") maps r as wanted, recording its ID.
func mappingHolds(ctx context.Context, c *api.Client, ids *IDs, id string, r Row) (bool, error) {
	ms, err := c.ListRuleMappings(ctx, ids.Env, ids.Rule)
	if err != nil {
		return false, err
	}
	for _, m := range ms {
		if (id == "" || m.ID == id) && strings.EqualFold(m.TargetAttribute, r.Target) &&
			m.SourceAttribute == r.Source && m.Expression == r.Expression {
			ids.setMapping(r.Target, m.ID)
			return true, nil
		}
	}
	return false, nil
}
