package stores

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/cards"
	"sfstore/ui/chain"
	"sfstore/ui/settings"
)

const (
	docStoreID = "3f6c2a1e-8b4d-4e7a-9c15-6d2e8f0a4b71"
	docDirID   = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
	docPopID   = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"
)

// goodChain is a store whose every link holds: what provision leaves.
func goodChain() *chain.Chain {
	cfg := api.SalesforceConfiguration{ProfileID: "00e5g000004YcPrAAK", CreateUsers: true, UpdateUsers: true}
	var mappings []api.Mapping
	for i, m := range chain.Defaults(cfg) {
		mappings = append(mappings, api.Mapping{ID: "m" + string(rune('a'+i)), TargetAttribute: m.Target,
			SourceAttribute: m.Source, Expression: m.Expression, UpdatedAt: "2026-12-01T09:00:00Z"})
	}
	targets := make([]api.AttributeInfo, 0, len(chain.DocumentedTargets))
	for _, n := range chain.DocumentedTargets {
		targets = append(targets, api.AttributeInfo{Name: n})
	}
	return &chain.Chain{
		EnvID: "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6", StoreID: docStoreID,
		Store: &api.Store{ID: docStoreID, Name: "Salesforce production", Type: api.StoreTypeSalesforce, Status: api.StatusActive,
			UpdatedAt: "2026-12-01T08:00:00Z", Configuration: cfg,
			SyncStatus: &api.SyncStatus{SyncState: "SYNCING", SuccessCount: 12, UserTotal: 12, LastSyncAt: "2026-12-01T10:05:00Z"}},
		Directories: []api.Store{{ID: docDirID, Name: "PingOne Directory", Type: api.StoreTypeDirectory}},
		Plans:       []api.Plan{{ID: "p1", Name: "sfstore", Status: api.PlanStatusActive, UpdatedAt: "2026-12-01T08:00:00Z"}},
		Rules: []chain.Rule{{
			Rule: api.Rule{ID: "r1", Name: "PingOne → Salesforce production", Active: true, SourceStoreID: docDirID,
				TargetStoreID: docStoreID, PopulationExpression: api.PopulationExpression(docPopID), UpdatedAt: "2026-12-01T09:00:00Z"},
			Mappings:    mappings,
			Populations: []chain.Population{{ID: docPopID, Found: &api.Population{ID: docPopID, Name: "Employees", UserCount: 12}}},
		}},
		Revision: &api.Revision{ID: "rev", CreatedAt: "2026-12-01T10:00:00Z"},
		Metadata: &api.StoreMetadata{UserAttributes: targets, Known: true},
	}
}

func judgeLines(c *chain.Chain, conn connOutcome) []cards.CheckLine {
	j := &judge{c: c, conn: conn, ref: `"Salesforce production"`, cmd: func(a string) string { return "sfstore " + a }}
	return j.lines()
}

var connOK = connOutcome{ran: true, result: &api.ConnectionResult{OK: true}}

func line(t *testing.T, lines []cards.CheckLine, check string) cards.CheckLine {
	t.Helper()
	for _, l := range lines {
		if l.Check == check {
			return l
		}
	}
	t.Fatalf("no line %q in %+v", check, lines)
	return cards.CheckLine{}
}

func TestDoctorPassesEveryLinkOfAGoodChain(t *testing.T) {
	lines := judgeLines(goodChain(), connOK)
	if len(lines) != 12 {
		t.Errorf("%d lines, want one per link (12)", len(lines))
	}
	for _, l := range lines {
		if l.Status != cards.Pass || l.Evidence == "" {
			t.Errorf("%s: %s %s (fix %s)", l.Check, l.Status, l.Evidence, l.Fix)
		}
	}
	for check, want := range map[string]string{
		linkScope: "Employees (" + docPopID + ", 12 users)", linkMappings: "9 mappings", linkDirectory: docDirID,
		linkPublished: "the store, the plan sfstore, the rule", linkSync: "12 synced, 0 failed of 12",
	} {
		if l := line(t, lines, check); !strings.Contains(l.Evidence, want) {
			t.Errorf("%s reads %q, want %q in it", check, l.Evidence, want)
		}
	}
}

func TestDoctorNamesTheMissingLinkAndItsFix(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *chain.Chain, conn *connOutcome)
		check  string
		status string
		says   string
		fix    string
	}{
		{"no rule", func(c *chain.Chain, _ *connOutcome) { c.Rules = nil }, linkRule, cards.Fail,
			"no propagation rule targets this store", `sfstore provision "Salesforce production"`},
		{"inactive rule", func(c *chain.Chain, _ *connOutcome) { c.Rules[0].Active = false }, linkScope, cards.Fail,
			"is inactive", `sfstore provision "Salesforce production"`},
		{"no mappings", func(c *chain.Chain, _ *connOutcome) { c.Rules[0].Mappings = nil }, linkMappings, cards.Fail,
			"no attribute mappings", `sfstore provision "Salesforce production"`},
		{"a required mapping missing", func(c *chain.Chain, _ *connOutcome) { c.Rules[0].Mappings = c.Rules[0].Mappings[1:] }, linkMappings, cards.Fail,
			"no mapping sets Username", `sfstore provision "Salesforce production" --map Username=email`},
		{"an alias too long", func(c *chain.Chain, _ *connOutcome) { c.Rules[0].Mappings[4].Expression = "user.username" }, linkMappings, cards.Warn,
			"Alias comes from user.username", `sfstore provision "Salesforce production" --map 'Alias=#string.substring(user.name.given, 0, 1) + #string.substring(user.name.family, 0, 4)'`},
		{"a target the metadata lacks", func(c *chain.Chain, _ *connOutcome) { c.Rules[0].Mappings[2].TargetAttribute = "GivenName" }, linkMappings, cards.Fail,
			"GivenName is not among the store's user attributes", `sfstore provision "Salesforce production" --map GivenName=`},
		{"an unpublished change", func(c *chain.Chain, _ *connOutcome) { c.Rules[0].Mappings[3].UpdatedAt = "2026-12-01T10:30:00Z" }, linkPublished, cards.Fail,
			"changed after the latest revision (2026-12-01T10:00:00Z): 1 mapping", "sfstore publish"},
		{"never published", func(c *chain.Chain, _ *connOutcome) { c.Revision = &api.Revision{None: true} }, linkPublished, cards.Fail,
			"nothing was ever published", "sfstore publish"},
		{"a rule without updatedAt", func(c *chain.Chain, _ *connOutcome) { c.Rules[0].UpdatedAt = "" }, linkPublished, cards.Warn,
			"cannot tell", "sfstore publish"},
		{"a failed sync", func(c *chain.Chain, _ *connOutcome) {
			c.Store.SyncStatus = &api.SyncStatus{SyncState: "FAILED", FailedCount: 12, UserTotal: 12,
				Details: `[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]`}
		}, linkSync, cards.Fail, `PingOne's details: [{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]`, `sfstore reconnect "Salesforce production"`},
		{"a sync failed on a mapping", func(c *chain.Chain, _ *connOutcome) {
			c.Rules[0].Mappings[0].SourceAttribute = "username"
			c.Store.SyncStatus = &api.SyncStatus{SyncState: "FAILED", FailedCount: 12, UserTotal: 12,
				Details: `[{"message":"Username: invalid email address: ada","errorCode":"INVALID_EMAIL_ADDRESS"}]`}
		}, linkSync, cards.Fail, "INVALID_EMAIL_ADDRESS", `sfstore provision "Salesforce production" --map Username=email`},
		{"a duplicate beside a fixable warning", func(c *chain.Chain, _ *connOutcome) {
			m := &c.Rules[0].Mappings
			(*m)[4].Expression = "user.username"
			*m = append(*m, api.Mapping{TargetAttribute: "Email", SourceAttribute: "username"})
		}, linkMappings, cards.Fail, "Email is mapped more than once", `sfstore provision "Salesforce production"`},
		{"never synced", func(c *chain.Chain, _ *connOutcome) { c.Store.SyncStatus = nil }, linkSync, cards.Warn, "not synced", "sfstore publish"},
		{"an inactive store", func(c *chain.Chain, _ *connOutcome) { c.Store.Status = api.StatusInactive }, linkStore, cards.Fail,
			"INACTIVE", `sfstore edit "Salesforce production" --active`},
		{"a refused read", func(c *chain.Chain, _ *connOutcome) {
			c.RulesErr = &api.Error{Op: api.OpListRules, StatusCode: 403, Code: "ACCESS_FAILED"}
		}, linkRole, cards.Fail, "refused to show the rules", "Environment Admin"},
		{"a failed connection", func(_ *chain.Chain, conn *connOutcome) {
			*conn = connOutcome{ran: true, err: &api.Error{Op: api.OpTestConnection, StatusCode: 400, Message: "Salesforce rejected the OAuth access token (INVALID_SESSION_ID)"}}
		}, linkConnection, cards.Fail, "INVALID_SESSION_ID", `sfstore reconnect "Salesforce production"`},
		{"no secrets for the test", func(_ *chain.Chain, conn *connOutcome) {
			*conn = connOutcome{notRun: "supply SALESFORCE_CLIENT_SECRET"}
		},
			linkConnection, cards.Warn, "not run: supply SALESFORCE_CLIENT_SECRET", `sfstore reconnect "Salesforce production"`},
		{"no directory store", func(c *chain.Chain, _ *connOutcome) { c.Directories = nil }, linkDirectory, cards.Fail,
			"no store of type directory", `sfstore provision "Salesforce production"`},
		{"an inactive plan", func(c *chain.Chain, _ *connOutcome) { c.Plans[0].Status = "" }, linkPlan, cards.Fail,
			"not given (INACTIVE)", `sfstore provision "Salesforce production"`},
		{"a population that is gone", func(c *chain.Chain, _ *connOutcome) { c.Rules[0].Populations[0].Found = nil }, linkScope, cards.Fail,
			"which the environment does not have", `sfstore provision "Salesforce production"`},
		{"create users off, users unsynced", func(c *chain.Chain, _ *connOutcome) {
			c.Store.Configuration.CreateUsers = false
			c.Store.SyncStatus.SuccessCount = 2
		}, linkToggles, cards.Fail, "10 users have no Salesforce account", `sfstore edit "Salesforce production" --create-users`},
		{"update users off", func(c *chain.Chain, _ *connOutcome) { c.Store.Configuration.UpdateUsers = false }, linkToggles, cards.Warn,
			"Partially synced", `sfstore edit "Salesforce production" --update-users`},
		{"communities without an account", func(c *chain.Chain, _ *connOutcome) { c.Store.Configuration.EnableCommunities = true }, linkCommunities, cards.Fail,
			"ACCOUNT_ID is empty", `sfstore edit "Salesforce production" --account-id 001…`},
	}
	for _, tt := range tests {
		c, conn := goodChain(), connOK
		tt.change(c, &conn)
		l := line(t, judgeLines(c, conn), tt.check)
		fixOK := l.Fix == tt.fix || !strings.HasPrefix(tt.fix, "sfstore ") && strings.Contains(l.Fix, tt.fix)
		if l.Status != tt.status || !strings.Contains(l.Evidence, tt.says) || !fixOK {
			t.Errorf("%s: %s %s: %q → %q; want %s with %q → %q", tt.name, l.Status, l.Check, l.Evidence, l.Fix, tt.status, tt.says, tt.fix)
		}
	}
}

func TestDoctorSkipsWhatDependsOnAMissingRuleOrStore(t *testing.T) {
	c := goodChain()
	c.Rules = nil
	for _, check := range []string{linkScope, linkMappings, linkPublished, linkSync} {
		if l := line(t, judgeLines(c, connOK), check); l.Status != cards.Skip {
			t.Errorf("%s without a rule: %+v", check, l)
		}
	}
	c.Store.SyncStatus = nil // never synced: not a publish that is missing
	if l := line(t, judgeLines(c, connOK), linkSync); l.Status != cards.Skip {
		t.Errorf("sync without a rule, never synced: %+v", l)
	}
	c.Store.SyncStatus = &api.SyncStatus{SyncState: "FAILED", FailedCount: 3, UserTotal: 3}
	if l := line(t, judgeLines(c, connOK), linkSync); l.Status != cards.Fail {
		t.Errorf("a failed sync without a rule still fails, its details shown: %+v", l)
	}
	c = goodChain()
	c.Rules, c.RulesErr = nil, &api.Error{Op: api.OpListRules, StatusCode: 403, Code: "ACCESS_FAILED"}
	if l := line(t, judgeLines(c, connOK), linkRule); l.Status != cards.Skip || !strings.Contains(l.Evidence, "see Worker role") {
		t.Errorf("rules refused: %+v", l)
	}
	c = goodChain()
	c.Store, c.StoreErr = nil, &api.Error{Op: api.OpGetStore, StatusCode: 404}
	lines := judgeLines(c, connOutcome{})
	if l := line(t, lines, linkStore); l.Status != cards.Fail || l.Fix != "sfstore list" {
		t.Errorf("store unreadable: %+v", l)
	}
	for _, check := range []string{linkRole, linkConnection, linkSync, linkToggles, linkCommunities} {
		if l := line(t, lines, check); l.Status != cards.Skip {
			t.Errorf("%s without the store: %+v", check, l)
		}
	}
}

func TestShellQuoteQuotesOnlyWhatAShellWouldRead(t *testing.T) {
	for in, want := range map[string]string{
		"Username=email": "Username=email",
		"Alias='x'":      `'Alias='\''x'\'''`,
		"A=b c":          "'A=b c'",
		"":               "''",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestDoctorReportMakesPingOnesTextInertAndFailsOnAFail(t *testing.T) {
	c := goodChain()
	c.Store.SyncStatus = &api.SyncStatus{SyncState: "FAILED", Details: "evil\x1b]0;owned\x07 \x1b[2Jdetails\u202e SENTINEL-CLIENT-SECRET-7f3a9c"}
	for _, json := range []bool{false, true} {
		var out bytes.Buffer
		s := ui.NewSession(context.Background(), settings.Defaults(), ui.Options{JSON: json}, ui.Streams{Out: &out, Err: &bytes.Buffer{}})
		s.Secrets.Add("SENTINEL-CLIENT-SECRET-7f3a9c")
		err := report(s, storeRef{ID: docStoreID, Name: "evil\x1b[31m name"}, c.EnvID, judgeLines(c, connOK))
		var shown *ui.ShownError
		if !errors.As(err, &shown) || !errors.Is(err, ErrChainFails) {
			t.Errorf("json %v: err = %v, want ErrChainFails shown", json, err)
		}
		got := out.String()
		if strings.ContainsAny(got, "\x1b\x07\u202e") || strings.Contains(got, `\u001b`) || strings.Contains(got, "SENTINEL") {
			t.Errorf("json %v: an escape or a secret got through:\n%q", json, got)
		}
		if !strings.Contains(got, "details") {
			t.Errorf("json %v: the details are gone:\n%s", json, got)
		}
	}
}

// doctor STORE in the demo says first that it ran against the simulators,
// as the environment's doctor does; its JSON does not.
func TestDoctorOfAStoreInTheDemoSaysDEMO(t *testing.T) {
	for _, json := range []bool{false, true} {
		var out bytes.Buffer
		s := ui.NewSession(context.Background(), settings.Defaults(), ui.Options{JSON: json, Demo: true}, ui.Streams{Out: &out, Err: &bytes.Buffer{}})
		c := goodChain()
		if err := report(s, storeRef{ID: docStoreID, Name: "Salesforce production"}, c.EnvID, judgeLines(c, connOK)); err != nil {
			t.Fatalf("json %v: %v", json, err)
		}
		first, _, _ := strings.Cut(out.String(), "\n")
		if strings.Contains(first, "DEMO") == json || strings.Contains(out.String(), "DEMO") == json {
			t.Errorf("json %v:\n%s", json, out.String())
		}
	}
}
