package stores

import (
	"errors"
	"strings"
	"testing"

	"sfstore/api"
	"sfstore/ui/chain"
)

func TestProvisioningSaysWhatProvisionsOrWhatFixesIt(t *testing.T) {
	cmd := func(a string) string { return "sfstore " + a + " --demo" }
	p := provisioning(goodChain(), nil, "x", cmd)
	if len(p.Rules) != 1 || p.Fix != nil || p.Unknown != "" {
		t.Fatalf("good chain: %+v", p)
	}
	if r := p.Rules[0]; !r.Active || r.Mappings != 9 || r.Published != "published" || r.Scope != "population Employees" || r.LastSync == "" {
		t.Errorf("good rule: %+v", r)
	}
	tests := []struct {
		name   string
		change func(c *chain.Chain)
		fix    string
	}{
		{"no rule", func(c *chain.Chain) { c.Rules = nil }, "sfstore provision x --demo"},
		{"inactive", func(c *chain.Chain) { c.Rules[0].Active = false }, "sfstore provision x --demo"},
		{"no mappings", func(c *chain.Chain) { c.Rules[0].Mappings = nil }, "sfstore provision x --demo"},
		{"unpublished", func(c *chain.Chain) { c.Revision = &api.Revision{None: true} }, "sfstore publish --demo"},
	}
	for _, tt := range tests {
		c := goodChain()
		tt.change(c)
		p := provisioning(c, nil, "x", cmd)
		if p.Fix == nil || p.Fix.Command != tt.fix {
			t.Errorf("%s: fix %+v, want %q", tt.name, p.Fix, tt.fix)
		}
	}
	c := goodChain()
	c.RulesErr = errors.New("list rules: pingone answered 503")
	if p := provisioning(c, nil, "x", cmd); !strings.Contains(p.Unknown, "503") || p.Fix != nil {
		t.Errorf("rules unread: %+v", p)
	}
	c = goodChain()
	c.Rules[0].PopulationExpression += ` and email ew "@acme.com"`
	c.Rules[0].MappingsErr = errors.New("down")
	if r := provisioning(c, nil, "x", cmd).Rules[0]; r.Scope != `population Employees; filter `+c.Rules[0].PopulationExpression || r.Mappings != -1 {
		t.Errorf("filtered rule: %+v", r)
	}
}
