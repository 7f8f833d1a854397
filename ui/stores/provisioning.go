package stores

import (
	"fmt"
	"strings"

	"sfstore/ui/cards"
	"sfstore/ui/chain"
)

// provisioning says what provisions through the store of c, which ref
// names, for show; err is the chain's read error. cmd makes a command to
// copy (ui.Session.Command).
func provisioning(c *chain.Chain, err error, ref string, cmd func(string) string) *cards.Provisioning {
	switch {
	case err != nil:
		return &cards.Provisioning{Unknown: "sfstore cannot tell what provisions through this store: " + err.Error()}
	case c.RulesErr != nil:
		return &cards.Provisioning{Unknown: "sfstore cannot tell what provisions through this store: " + c.RulesErr.Error()}
	case len(c.Rules) == 0:
		return &cards.Provisioning{Rules: []cards.ProvisioningRule{}, Fix: &cards.Step{
			Text:    "Provision users through it: a rule from the directory store with the mappings Salesforce needs, published:",
			Command: cmd("provision " + ref)}}
	}
	p := &cards.Provisioning{}
	pub := c.Publication().State
	lastSync := ""
	if ss := c.Store; ss != nil && ss.SyncStatus != nil {
		lastSync = ss.SyncStatus.LastSyncAt
	}
	for _, r := range c.Rules {
		n := len(r.Mappings)
		if r.MappingsErr != nil {
			n = -1
		}
		p.Rules = append(p.Rules, cards.ProvisioningRule{ID: r.ID, Name: r.Name, Active: r.Active,
			Scope: scopeOf(r), Mappings: n, Published: string(pub), LastSync: lastSync})
		switch {
		case p.Fix != nil:
		case !r.Active || n == 0:
			p.Fix = &cards.Step{Text: "The rule provisions nothing while it is inactive or has no mappings; provision completes it:",
				Command: cmd("provision " + ref)}
		}
	}
	if p.Fix == nil && pub == chain.Unpublished {
		p.Fix = &cards.Step{Text: "PingOne runs the API's changes once they are published:", Command: cmd("publish")}
	}
	return p
}

// scopeOf is whom a rule sends: its populations by name, or its filter.
func scopeOf(r chain.Rule) string {
	var names []string
	for _, p := range r.Populations {
		if p.Found != nil {
			names = append(names, "population "+p.Found.Name)
		} else {
			names = append(names, fmt.Sprintf("population %s (not found)", p.ID))
		}
	}
	switch {
	case len(names) == 0:
		return r.PopulationExpression
	case strings.TrimSpace(r.PopulationExpression) == "" || chain.OnlyPopulations(r.PopulationExpression):
		return strings.Join(names, ", ")
	}
	return strings.Join(names, ", ") + "; filter " + r.PopulationExpression
}

// inert is p with PingOne's text made inert by clean, for --json, as the
// card does for the terminal: JSON escapes control characters but not
// the bidi and zero-width ones a rule's name or filter may carry.
func inert(p *cards.Provisioning, clean func(string) string) *cards.Provisioning {
	if p == nil {
		return nil
	}
	out := *p
	out.Unknown = clean(p.Unknown)
	out.Rules = make([]cards.ProvisioningRule, len(p.Rules))
	for i, r := range p.Rules {
		r.ID, r.Name, r.Scope, r.LastSync = clean(r.ID), clean(r.Name), clean(r.Scope), clean(r.LastSync)
		out.Rules[i] = r
	}
	return &out
}
