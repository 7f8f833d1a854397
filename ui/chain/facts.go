package chain

import (
	"strings"

	"sfstore/api"
)

// Secrets are the store's secrets as GET returned them, for the caller's
// output to mask (those that are already masked are left out).
func (c *Chain) Secrets() []string {
	if c.Store == nil {
		return nil
	}
	var out []string
	for _, v := range c.Store.Configuration.Secrets() {
		if v != "" && !api.LooksMasked(v) {
			out = append(out, v)
		}
	}
	return out
}

// Plan is the environment's plan (PingOne allows one), or nil.
func (c *Chain) Plan() *api.Plan {
	if len(c.Plans) == 0 {
		return nil
	}
	return &c.Plans[0]
}

// PlanActive reports whether a plan's status is the active one
// (api.PlanStatusActive, itself UNCONFIRMED).
func PlanActive(p *api.Plan) bool {
	return p != nil && strings.EqualFold(strings.TrimSpace(p.Status), api.PlanStatusActive)
}

// Set is the rule's mappings as Validate reads them.
func (r Rule) Set() []Mapping {
	out := make([]Mapping, 0, len(r.Mappings))
	for _, m := range r.Mappings {
		out = append(out, Mapping{Target: m.TargetAttribute, Source: m.SourceAttribute, Expression: m.Expression})
	}
	return out
}

// Targets are the names the store takes (TargetsOf its metadata).
func (c *Chain) Targets() Targets { return TargetsOf(c.Metadata) }

// Problems are what Validate finds in the rule's mappings for the store;
// nil when the store could not be read.
func (c *Chain) Problems(r Rule) []Problem {
	if c.Store == nil {
		return nil
	}
	return Validate(r.Set(), c.Store.Configuration, c.Targets())
}

// Stamps are when each part a revision snapshots last changed: the store,
// the plan, and each rule that targets the store with its mappings.
func (c *Chain) Stamps() []Stamp {
	var out []Stamp
	if c.Store != nil {
		out = append(out, Stamp{What: "store", ID: c.Store.ID, Name: c.Store.Name, UpdatedAt: c.Store.UpdatedAt})
	}
	if p := c.Plan(); p != nil {
		out = append(out, Stamp{What: "plan", ID: p.ID, Name: p.Name, UpdatedAt: p.UpdatedAt})
	}
	for _, r := range c.Rules {
		out = append(out, Stamp{What: "rule", ID: r.ID, Name: r.Name, UpdatedAt: r.UpdatedAt})
		for _, m := range r.Mappings {
			out = append(out, Stamp{What: "mapping", ID: m.ID, Name: m.TargetAttribute, UpdatedAt: m.UpdatedAt})
		}
	}
	return out
}

// Publication says whether the latest revision publishes the chain:
// CannotTell when the revision could not be read (RevisionErr).
func (c *Chain) Publication() Publication {
	switch {
	case c.Revision == nil:
		return Publication{State: CannotTell}
	case c.Revision.None:
		return Publish("", c.Stamps())
	}
	return Publish(c.Revision.CreatedAt, c.Stamps())
}
