package provision

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"sfstore/api"
	"sfstore/ui/chain"
)

// Names of what provision creates.
const (
	directoryName   = "PingOne Directory"
	planName        = "sfstore"
	ruleDescription = "Created by sfstore: PingOne users to Salesforce."
)

// decisions are what the person (or the flags) decided, for plan.
type decisions struct {
	Expression string // the rule's populationExpression
	Rows       []Row  // the mappings wanted, in order
	NoActivate bool
	NoPublish  bool
	// StoreBody is the store with its secrets, for the PUT that enables
	// it; nil when the store is enabled already (or not to be).
	StoreBody *api.UpdateSalesforceStoreRequest
}

// plan is the ordered list of writes that takes the chain from st to what
// d decides, reusing what exists: the directory store, the plan, the rule
// that targets the store (updated, never a second), its mappings (one per
// target, changed in place), then enabling, activating and publishing.
// It is pure: nothing is read or sent here.
func plan(st *state, d decisions) []Write {
	var ws []Write
	if st.Directory == nil {
		ws = append(ws, createDirectory())
	}
	if st.Plan == nil {
		ws = append(ws, createPlan())
	}
	rule := ruleWrites(st, d)
	ws = append(ws, rule.writes...)
	ws = append(ws, mappingWrites(st, d.Rows)...)
	if !d.NoActivate {
		if d.StoreBody != nil {
			ws = append(ws, enableStore(st, *d.StoreBody))
		}
		if st.Rule == nil || !st.Rule.Active {
			ws = append(ws, activateRule(rule.request))
		}
		if st.Plan == nil || !strings.EqualFold(st.Plan.Status, api.PlanStatusActive) {
			ws = append(ws, activatePlan(st.Plan))
		}
	}
	// A chain whose dates cannot tell is not published again by a run
	// that changes nothing: a re-run must write nothing.
	if !d.NoPublish && (len(ws) > 0 || st.Published == chain.Unpublished) {
		why := "publishes the changes above, which starts a resync"
		if len(ws) == 0 {
			why = "the chain has changes no revision publishes yet (" + string(st.Published) + ")"
		}
		ws = append(ws, publish(st, why))
	}
	return ws
}

func createDirectory() Write {
	return Write{Step: stepDirectory, Action: "create", What: "Create the directory store " + directoryName,
		Why: "no store of type directory exists: it is the source of outbound provisioning",
		send: func(ctx context.Context, c *api.Client, ids *IDs) error {
			st, err := c.CreateDirectoryStore(ctx, ids.Env, directoryName)
			if err == nil && ids.Directory == "" {
				ids.Directory = st.ID
			}
			return err
		},
		landed: func(ctx context.Context, c *api.Client, ids *IDs) (bool, error) {
			found, err := c.FindDirectoryStores(ctx, ids.Env)
			if err != nil || len(found) == 0 {
				return false, err
			}
			ids.Directory = found[0].ID
			return true, nil
		}}
}

func createPlan() Write {
	return Write{Step: stepPlan, Action: "create", What: "Create the plan " + planName,
		Why: "the environment has no plan (PingOne allows one; it owns the rules)",
		send: func(ctx context.Context, c *api.Client, ids *IDs) error {
			p, err := c.CreatePlan(ctx, ids.Env, &api.PlanRequest{Name: planName})
			if err == nil && ids.Plan == "" {
				ids.Plan = p.ID
			}
			return err
		},
		landed: func(ctx context.Context, c *api.Client, ids *IDs) (bool, error) {
			plans, err := c.ListPlans(ctx, ids.Env)
			if err != nil || len(plans) == 0 {
				return false, err
			}
			ids.Plan = plans[0].ID
			return true, nil
		}}
}

// rulePlan is the rule's writes, and the request its activation sends:
// the rule as it will be once those are in.
type rulePlan struct {
	writes  []Write
	request func(ids *IDs) api.RuleRequest
}

func ruleName(st *state) string { return "PingOne → " + strings.TrimSpace(st.Store.Name) }

func ruleWrites(st *state, d decisions) rulePlan {
	if r := st.Rule; r != nil {
		// The rule's source must be a directory store: one that is not
		// (or is gone) gets the directory store, made here if need be.
		fixSource := !slices.Contains(st.DirectoryIDs, r.SourceStoreID)
		// Likewise its plan must be the environment's one plan.
		fixPlan := st.Plan == nil || r.PlanID != st.Plan.ID
		request := func(ids *IDs) api.RuleRequest {
			req := r.Request()
			req.PopulationExpression = d.Expression
			if fixSource {
				req.SourceStoreID = ids.Directory
			}
			if fixPlan {
				req.PlanID = ids.Plan
			}
			return req
		}
		rp := rulePlan{request: request}
		var why []string
		if r.PopulationExpression != d.Expression {
			why = append(why, fmt.Sprintf("its scope changes from %s to %s", orNone(r.PopulationExpression), d.Expression))
		}
		if fixSource {
			why = append(why, fmt.Sprintf("it reads its users from store %s, which is not a directory store: the directory store becomes its source", orNone(r.SourceStoreID)))
		}
		if fixPlan {
			why = append(why, fmt.Sprintf("it belongs to plan %s, which is not the environment's plan", orNone(r.PlanID)))
		}
		if len(why) > 0 {
			rp.writes = append(rp.writes, updateRule(r.ID, request, "scope, source and plan", strings.Join(why, "; "), func(got *api.Rule, ids *IDs) bool {
				return got.PopulationExpression == d.Expression && (!fixSource || got.SourceStoreID == ids.Directory) &&
					(!fixPlan || got.PlanID == ids.Plan)
			}))
		}
		return rp
	}
	name := ruleName(st)
	request := func(ids *IDs) api.RuleRequest {
		return api.RuleRequest{Name: name, Description: ruleDescription, PlanID: ids.Plan,
			SourceStoreID: ids.Directory, TargetStoreID: ids.Store, PopulationExpression: d.Expression}
	}
	w := Write{Step: stepRule, Action: "create", What: "Create the rule " + name,
		Why: "no rule targets this store; it is created inactive, and activated once its mappings are in",
		send: func(ctx context.Context, c *api.Client, ids *IDs) error {
			req := request(ids)
			r, err := c.CreateRule(ctx, ids.Env, &req)
			if err == nil && ids.Rule == "" {
				ids.Rule = r.ID
			}
			return err
		},
		landed: func(ctx context.Context, c *api.Client, ids *IDs) (bool, error) {
			rules, err := c.ListRules(ctx, ids.Env)
			if err != nil {
				return false, err
			}
			for _, r := range rules {
				if r.TargetStoreID == ids.Store && r.Name == name {
					ids.Rule = r.ID
					return true, nil
				}
			}
			return false, nil
		}}
	return rulePlan{writes: []Write{w}, request: request}
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "none"
	}
	return s
}

// updateRule is a full PUT of the rule, its body built when it is sent
// (a source made earlier in the run has its ID by then); holds says
// whether a rule read back carries it.
func updateRule(id string, request func(ids *IDs) api.RuleRequest, what, why string, holds func(*api.Rule, *IDs) bool) Write {
	return Write{Step: stepRule, Action: "update", What: "Change the rule's " + what, Why: why,
		send: func(ctx context.Context, c *api.Client, ids *IDs) error {
			req := request(ids)
			_, err := c.UpdateRule(ctx, ids.Env, id, &req)
			return err
		},
		landed: func(ctx context.Context, c *api.Client, ids *IDs) (bool, error) {
			got, err := c.GetRule(ctx, ids.Env, id)
			if err != nil {
				return false, err
			}
			return holds(got, ids), nil
		}}
}

func activateRule(request func(ids *IDs) api.RuleRequest) Write {
	return Write{Step: stepRule, Action: "activate", What: "Activate the rule",
		Why: "a rule is inactive until activated (PingOne's default); its store is enabled first",
		send: func(ctx context.Context, c *api.Client, ids *IDs) error {
			req := request(ids)
			req.Active = true
			_, err := c.UpdateRule(ctx, ids.Env, ids.Rule, &req)
			return err
		},
		landed: func(ctx context.Context, c *api.Client, ids *IDs) (bool, error) {
			got, err := c.GetRule(ctx, ids.Env, ids.Rule)
			if err != nil {
				return false, err
			}
			return got.Active, nil
		}}
}

func activatePlan(p *api.Plan) Write {
	req := api.PlanRequest{Name: planName}
	if p != nil {
		req = p.Request()
	}
	req.Status = api.PlanStatusActive
	return Write{Step: stepPlan, Action: "activate", What: "Activate the plan",
		Why: "PingOne runs a plan only when it is active and has a rule",
		send: func(ctx context.Context, c *api.Client, ids *IDs) error {
			_, err := c.UpdatePlan(ctx, ids.Env, ids.Plan, &req)
			return err
		},
		landed: func(ctx context.Context, c *api.Client, ids *IDs) (bool, error) {
			plans, err := c.ListPlans(ctx, ids.Env)
			if err != nil {
				return false, err
			}
			i := slices.IndexFunc(plans, func(p api.Plan) bool { return p.ID == ids.Plan })
			return i >= 0 && strings.EqualFold(plans[i].Status, api.PlanStatusActive), nil
		}}
}

func enableStore(st *state, body api.UpdateSalesforceStoreRequest) Write {
	body.Status = api.StatusActive
	return Write{Step: stepStore, Action: "enable", What: "Enable the store " + st.Store.Name,
		Why: "the store is " + orNone(st.Store.Status) + ", and a rule can be active only for an enabled store; one PUT of the whole store, its secrets from the keyring",
		send: func(ctx context.Context, c *api.Client, ids *IDs) error {
			_, err := c.UpdateSalesforceStore(ctx, ids.Env, ids.Store, &body)
			return err
		},
		landed: func(ctx context.Context, c *api.Client, ids *IDs) (bool, error) {
			got, err := c.GetStore(ctx, ids.Env, ids.Store)
			if err != nil {
				return false, err
			}
			return strings.EqualFold(got.Status, api.StatusActive), nil
		}}
}

func publish(st *state, why string) Write {
	before := ""
	if st.Revision != nil {
		before = st.Revision.ID
	}
	return Write{Step: stepRevision, Action: "publish", What: "Publish a propagation revision", Why: why,
		send: func(ctx context.Context, c *api.Client, ids *IDs) error {
			rev, err := c.CreateRevision(ctx, ids.Env)
			if err == nil {
				ids.Revision = rev.ID
			}
			return err
		},
		landed: func(ctx context.Context, c *api.Client, ids *IDs) (bool, error) {
			rev, err := c.GetLatestRevision(ctx, ids.Env)
			if err != nil || rev.None || rev.ID == before {
				return false, err
			}
			ids.Revision = rev.ID
			return true, nil
		}}
}
