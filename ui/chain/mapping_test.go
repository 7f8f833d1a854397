package chain

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"sfstore/api"
)

func TestLiteralDoublesQuotes(t *testing.T) {
	for in, want := range map[string]string{"en_US": "'en_US'", "O'Brien": "'O''Brien'", "": "''"} {
		if got := Literal(in); got != want {
			t.Errorf("Literal(%q) = %q, want %q", in, got, want)
		}
		if got, ok := unquote(Literal(in)); !ok || got != in {
			t.Errorf("unquote(Literal(%q)) = %q, %v", in, got, ok)
		}
	}
}

func TestMaxLengthKnowsLiteralsAndSubstringsOnly(t *testing.T) {
	tests := []struct {
		expr string
		n    int
		ok   bool
	}{
		{defaultAlias, 5, true},
		{"'abc'", 3, true},
		{"'a+b' + 'c'", 4, true},
		{"'O''Neil'", 6, true},
		{Substring("username", 0, 8), 8, true},
		{Substring("username", 2, 12) + " + 'x'", 11, true},
		{"#string.substring(user.username, 0, n)", 0, false},
		{"#string.substring(user.username, 5, 2)", 0, false},
		{"user.username", 0, false},
		{"#string.lower(user.username)", 0, false},
		{"'abc' + user.name.given", 0, false},
	}
	for _, tt := range tests {
		n, ok := maxLength(tt.expr)
		if n != tt.n || ok != tt.ok {
			t.Errorf("maxLength(%q) = %d, %v; want %d, %v", tt.expr, n, ok, tt.n, tt.ok)
		}
	}
}

func TestRequiredFollowsProfileAndCommunities(t *testing.T) {
	base := []string{"Username", "LastName", "Email", "Alias", "TimeZoneSidKey", "LocaleSidKey", "EmailEncodingKey", "LanguageLocaleKey"}
	tests := []struct {
		name string
		cfg  api.SalesforceConfiguration
		want []string
	}{
		{"no profile", api.SalesforceConfiguration{}, append(slices.Clone(base), "ProfileId")},
		{"profile set", api.SalesforceConfiguration{ProfileID: "00e000000000001"}, base},
		{"communities", api.SalesforceConfiguration{ProfileID: "00e000000000001", EnableCommunities: true}, append(slices.Clone(base), "AccountId")},
		{"communities, no profile", api.SalesforceConfiguration{EnableCommunities: true}, append(slices.Clone(base), "ProfileId", "AccountId")},
	}
	for _, tt := range tests {
		if got := Required(tt.cfg); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Required = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestDefaultsCoverEveryRequiredTargetTheStoreCanSupply(t *testing.T) {
	cfgs := map[string]api.SalesforceConfiguration{
		"profile set":             {ProfileID: "00e000000000001"},
		"communities with ids":    {ProfileID: "00e000000000001", EnableCommunities: true, AccountID: "001000000000001"},
		"no profile":              {},
		"communities without ids": {EnableCommunities: true},
	}
	for name, cfg := range cfgs {
		ms := Defaults(cfg)
		var missing []string
		for _, p := range Validate(ms, cfg, DocumentedOnly()) {
			if p.Kind != ProblemMissing {
				t.Errorf("%s: the defaults have a problem: %+v", name, p)
				continue
			}
			missing = append(missing, p.Target)
		}
		var want []string
		if cfg.ProfileID == "" {
			want = append(want, TargetProfileID)
		}
		if cfg.EnableCommunities && cfg.AccountID == "" {
			want = append(want, TargetAccountID)
		}
		if !reflect.DeepEqual(missing, want) {
			t.Errorf("%s: the defaults lack %v, want only %v", name, missing, want)
		}
	}
	ms := Defaults(api.SalesforceConfiguration{EnableCommunities: true, AccountID: "001'x"})
	if last := ms[len(ms)-1]; last.Target != TargetAccountID || last.Expression != "'001''x'" {
		t.Errorf("AccountId = %+v", last)
	}
}

func TestParseOverrideTellsSourcesFromExpressions(t *testing.T) {
	tests := []struct {
		in      string
		want    Mapping
		wantErr string
	}{
		{"FirstName=name.given", Mapping{Target: "FirstName", Source: "name.given"}, ""},
		{" Username = username ", Mapping{Target: "Username", Source: "username"}, ""},
		{"Alias=#string.substring(user.username, 0, 8)", Mapping{Target: "Alias", Expression: "#string.substring(user.username, 0, 8)"}, ""},
		{"LocaleSidKey='en_GB'", Mapping{Target: "LocaleSidKey", Expression: "'en_GB'"}, ""},
		{"Title__c=user.title", Mapping{Target: "Title__c", Expression: "user.title"}, ""},
		{"IsActive=true", Mapping{Target: "IsActive", Expression: "true"}, ""},
		{"FirstName=", Mapping{Target: "FirstName"}, ""},
		{"a=b=c", Mapping{}, `neither a PingOne attribute name`},
		{"ProfileId=00e5g000004Xq2b", Mapping{}, `ProfileId='00e5g000004Xq2b'`},
		{"Alias", Mapping{}, "expected TARGET=SOURCE"},
		{"=email", Mapping{}, "not a Salesforce field name"},
		{"User name=email", Mapping{}, "not a Salesforce field name"},
	}
	for _, tt := range tests {
		got, err := ParseOverride(tt.in)
		switch {
		case tt.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseOverride(%q) = %+v, %v; want an error with %q", tt.in, got, err, tt.wantErr)
			}
		case err != nil || got != tt.want:
			t.Errorf("ParseOverride(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

func TestMergeReplacesRemovesAndAdds(t *testing.T) {
	base := []Mapping{{Target: "Username", Source: "email"}, {Target: "FirstName", Source: "name.given"}, {Target: "Alias", Expression: "'x'"}}
	got := Merge(base, []Mapping{
		{Target: "username", Source: "username"},
		{Target: "FirstName"},
		{Target: "Title__c", Source: "title"},
		{Target: "Nothing"},
	})
	want := []Mapping{{Target: "username", Source: "username"}, {Target: "Alias", Expression: "'x'"}, {Target: "Title__c", Source: "title"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Merge = %+v, want %+v", got, want)
	}
	if base[0].Source != "email" || len(base) != 3 {
		t.Errorf("Merge changed its base: %+v", base)
	}
}

func TestValidateFindsEachKindOfProblem(t *testing.T) {
	cfg := api.SalesforceConfiguration{ProfileID: "00e000000000001"}
	meta := Targets{Names: append(slices.Clone(DocumentedTargets), "Title__c"), FromMetadata: true}
	with := func(overrides ...Mapping) []Mapping { return Merge(Defaults(cfg), overrides) }
	tests := []struct {
		name     string
		ms       []Mapping
		known    Targets
		kind     ProblemKind
		severity Severity
		target   string
		fix      string
	}{
		{"missing last name", with(Mapping{Target: "LastName"}), meta, ProblemMissing, Fail, "LastName", "LastName=name.family"},
		{"no mappings at all", nil, meta, ProblemMissing, Fail, "Username", "Username=email"},
		{"unknown, from metadata", with(Mapping{Target: "Nickname__c", Source: "nickname"}), meta, ProblemUnknown, Fail, "Nickname__c", "Nickname__c="},
		{"unknown, documented only", with(Mapping{Target: "Title__c", Source: "title"}), DocumentedOnly(), ProblemUnknown, Warn, "Title__c", "Title__c="},
		{"twice", append(with(), Mapping{Target: "email", Source: "username"}), meta, ProblemDuplicate, Fail, "email", ""},
		{"alias from an attribute", with(Mapping{Target: "Alias", Source: "username"}), meta, ProblemAlias, Warn, "Alias", "Alias=" + defaultAlias},
		{"alias too long", with(Mapping{Target: "Alias", Expression: Substring("username", 0, 9)}), meta, ProblemAlias, Warn, "Alias", "Alias=" + defaultAlias},
		{"username not an email", with(Mapping{Target: "Username", Source: "username"}), meta, ProblemUsername, Warn, "Username", "Username=email"},
		{"both source and expression", with(Mapping{Target: "FirstName", Source: "name.given", Expression: "'x'"}), meta, ProblemShape, Fail, "FirstName", ""},
	}
	for _, tt := range tests {
		ps := Validate(tt.ms, cfg, tt.known)
		if len(ps) == 0 {
			t.Errorf("%s: no problem found", tt.name)
			continue
		}
		p := ps[0]
		fix := ""
		if p.Fix != nil {
			fix = p.Fix.String()
		}
		if p.Kind != tt.kind || p.Severity != tt.severity || p.Target != tt.target || fix != tt.fix || p.Text == "" {
			t.Errorf("%s: first problem = %+v (fix %q), want %s %s %s fix %q", tt.name, p, fix, tt.severity, tt.kind, tt.target, tt.fix)
		}
	}
	if ps := Validate(with(Mapping{Target: "Title__c", Source: "title"}, Mapping{Target: "Username", Expression: "user.username + '@acme.com'"}), cfg, meta); len(ps) != 0 {
		t.Errorf("a good set has problems: %+v", ps)
	}
	if ps := Validate(nil, cfg, meta); len(ps) != len(Required(cfg)) {
		t.Errorf("no mappings: %d problems, want one per required target: %+v", len(ps), ps)
	}
	noProfile := Validate(Defaults(api.SalesforceConfiguration{}), api.SalesforceConfiguration{}, meta)
	if len(noProfile) != 1 || noProfile[0].Fix == nil || noProfile[0].Fix.String() != "ProfileId='00e…'" {
		t.Errorf("no PROFILE_ID: %+v", noProfile)
	}
}
