package cards

import (
	"fmt"
	"strings"
	"time"

	"sfstore/ui/term"
)

// Provisioning is what provisions users through a store, for `sfstore
// show`: the rules that target it, or why it cannot tell.
type Provisioning struct {
	Rules []ProvisioningRule `json:"rules"`
	// Unknown says why sfstore cannot tell, "" when it can.
	Unknown string `json:"unknown,omitempty"`
	// Fix is the step that makes the store provision users, when it does
	// not.
	Fix *Step `json:"fix,omitempty"`
}

// ProvisioningRule is one rule that targets the store.
type ProvisioningRule struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Active bool   `json:"active"`
	// Scope is whom the rule sends: "population Employees", or its
	// populationExpression.
	Scope string `json:"scope"`
	// Mappings is how many attribute mappings it has, -1 when they could
	// not be read.
	Mappings int `json:"mappings"`
	// Published is "published", "unpublished" or "cannot tell".
	Published string `json:"published"`
	// LastSync is the store's last sync, "" when it never synced.
	LastSync string `json:"lastSync,omitempty"`
}

// renderProvisioning is the "Provisioning" block below a store's card,
// "" for nil.
func renderProvisioning(st Styles, p *Provisioning, width int, now time.Time) string {
	if p == nil {
		return ""
	}
	lines := []string{"", "", st.Section.Render("Provisioning")}
	switch {
	case p.Unknown != "":
		lines = append(lines, bullet(st.Clean(p.Unknown), width))
	case len(p.Rules) == 0:
		lines = append(lines, bullet("Nothing provisions through this store: no propagation rule targets it.", width))
	}
	for _, r := range p.Rules {
		lines = append(lines, bullet(st.Clean(ruleSummary(r, now)), width))
	}
	if p.Fix != nil {
		lines = append(lines, bullet(st.Clean(p.Fix.Text), width))
		if p.Fix.Command != "" {
			lines = append(lines, "    "+st.Title.Render(st.Clean(term.Line(p.Fix.Command))))
		}
	}
	return strings.Join(lines, "\n")
}

// ruleSummary is one rule in a sentence.
func ruleSummary(r ProvisioningRule, now time.Time) string {
	active := "inactive"
	if r.Active {
		active = "active"
	}
	mappings := "mappings unknown"
	if r.Mappings >= 0 {
		mappings = fmt.Sprintf("%d mappings", r.Mappings)
		if r.Mappings == 1 {
			mappings = "1 mapping"
		}
	}
	scope := r.Scope
	if scope == "" {
		scope = "no populationExpression"
	}
	s := fmt.Sprintf("Rule %s: %s, %s, %s; %s", term.Line(r.Name), active, mappings, r.Published, term.Line(scope))
	if r.LastSync != "" {
		s += fmt.Sprintf("; last sync %s (%s)", formatTime(r.LastSync), ago(r.LastSync, now))
	} else {
		s += "; never synced"
	}
	return s + "; rule ID " + term.Line(r.ID) // the ID a word of its own: it fits 40 columns whole
}
