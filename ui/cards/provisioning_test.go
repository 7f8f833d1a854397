package cards

import (
	"strings"
	"testing"
)

func TestRenderStoreDetailSaysWhatProvisionsThroughTheStore(t *testing.T) {
	store := demoStores()[0]
	tests := map[string]*Provisioning{
		"store-show-provisioning": {Rules: []ProvisioningRule{{ID: "4c2e0a9b-1f3d-4e5a-8b6c-7d9e0f1a2b3c", Name: "PingOne → Salesforce production",
			Active: true, Scope: "population Employees", Mappings: 9, Published: "published", LastSync: "2026-11-30T08:00:00.000Z"}}},
		"store-show-no-rule": {Fix: &Step{Text: "Provision users through it: a rule from the directory store with the mappings Salesforce needs, published:",
			Command: `sfstore provision "Salesforce production"`}},
	}
	for name, p := range tests {
		out := RenderStoreDetail(testStyles(), &store, Advice{Provisioning: p}, 80, storesNow, false)
		requireGolden(t, name, out)
		requireNoSecrets(t, out, demoSecrets...)
	}
	narrow := RenderStoreDetail(testStyles(), &store, Advice{Provisioning: tests["store-show-provisioning"]}, 40, storesNow, false)
	for _, line := range strings.Split(narrow, "\n") {
		if w := len([]rune(line)); w > 40 {
			t.Errorf("line wider than 40 (%d): %q", w, line)
		}
	}
}

func TestRuleSummaryReadsEachState(t *testing.T) {
	tests := []struct {
		r    ProvisioningRule
		want string
	}{
		{ProvisioningRule{ID: "r", Name: "R", Mappings: 0, Published: "unpublished"}, "Rule R: inactive, 0 mappings, unpublished; no populationExpression; never synced; rule ID r"},
		{ProvisioningRule{ID: "r", Name: "R\x1b[2J", Active: true, Mappings: -1, Published: "cannot tell", Scope: `email ew "@acme.com"`, LastSync: "2026-11-30T08:30:00Z"},
			`Rule R: active, mappings unknown, cannot tell; email ew "@acme.com"; last sync 2026-11-30 08:30:00 UTC (30 minutes ago); rule ID r`},
		{ProvisioningRule{ID: "r", Name: "R", Active: true, Mappings: 1, Published: "published", Scope: "population A"}, "Rule R: active, 1 mapping, published; population A; never synced; rule ID r"},
	}
	for _, tt := range tests {
		if got := ruleSummary(tt.r, storesNow); got != tt.want {
			t.Errorf("ruleSummary = %q, want %q", got, tt.want)
		}
	}
	unknown := renderProvisioning(testStyles(), &Provisioning{Unknown: "sfstore cannot tell: list rules: 503"}, 80, storesNow)
	if !strings.Contains(unknown, "cannot tell: list rules: 503") {
		t.Errorf("unknown = %q", unknown)
	}
}
