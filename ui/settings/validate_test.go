package settings

import (
	"strings"
	"testing"

	"sfstore/api"
	"sfstore/api/salesforce"
)

func TestFieldsAcceptGoodValuesAndNameWhatIsExpected(t *testing.T) {
	worker := Defaults()
	token := Defaults()
	token.AuthMethod = AuthPastedToken
	communities := Defaults()
	communities.EnableCommunities = true
	tests := []struct {
		name    string
		field   *Field
		a       Answers
		input   string
		wantErr string // empty: valid
	}{
		{"uuid ok", FieldWorkerClientID, worker, "8305f20e-d0e2-4a92-aa0d-c7af0f88d2d5", ""},
		{"uuid upper ok", FieldWorkerClientID, worker, "8305F20E-D0E2-4A92-AA0D-C7AF0F88D2D5", ""},
		{"uuid empty", FieldWorkerClientID, worker, "", "required: a UUID"},
		{"uuid short", FieldWorkerClientID, worker, "8305f20e", "expected a UUID"},
		{"target empty with a worker app", FieldEnvironmentID, worker, "  ", ""},
		{"target empty with a token", FieldEnvironmentID, token, "", "required: a UUID"},
		{"target bad", FieldEnvironmentID, worker, "prod", "expected a UUID"},
		{"name empty", FieldName, worker, "   ", "a name is required"},
		{"name with an escape", FieldName, worker, "Evil \x1b]0;x\x07 name", "contains a control character (U+001B)"},
		{"description with a C1 control", FieldDescription, worker, "a \u009b31m b", "control character"},
		{"image empty ok", FieldImageURL, worker, "", ""},
		{"image https ok", FieldImageURL, worker, "https://example.com/a.png", ""},
		{"image relative", FieldImageURL, worker, "logo.png", "expected a full URL"},
		{"image ftp", FieldImageURL, worker, "ftp://example.com/a.png", "expected a full URL"},
		{"domain bare", FieldSalesforceDomain, worker, "acme.my.salesforce.com", ""},
		{"domain with scheme and slash", FieldSalesforceDomain, worker, "https://acme.my.salesforce.com/", ""},
		{"domain sandbox", FieldSalesforceDomain, worker, "acme--dev.sandbox.my.salesforce.com", ""},
		{"domain empty", FieldSalesforceDomain, worker, "", "required: your org's domain"},
		{"domain with path", FieldSalesforceDomain, worker, "https://acme.my.salesforce.com/lightning/page", "without a path"},
		{"domain no dot", FieldSalesforceDomain, worker, "acme", "expected a domain"},
		{"domain spaces", FieldSalesforceDomain, worker, "acme my.salesforce.com", "expected a domain"},
		{"domain default port dropped", FieldSalesforceDomain, worker, "https://acme.my.salesforce.com:443/", ""},
		{"domain other port", FieldSalesforceDomain, worker, "acme.my.salesforce.com:8443", "without a port"},
		{"domain loopback port", FieldSalesforceDomain, worker, "127.0.0.1:8443", ""},
		{"secret ok", FieldClientSecret, worker, "  ABCDEF123  ", ""},
		{"secret empty", FieldClientSecret, worker, "", "the client secret is required"},
		{"secret two values", FieldAccessToken, worker, "abc def", "must not contain spaces"},
		{"secret masked", FieldRefreshToken, worker, "••••abcd", "masked value"},
		{"profile empty ok", FieldProfileID, worker, "", ""},
		{"profile empty with communities", FieldProfileID, communities, "", "required with Communities on"},
		{"profile 15", FieldProfileID, worker, "00e5g000001AbCd", ""},
		{"profile 18 checksum ok", FieldProfileID, worker, "00e5g000001AbCd" + salesforce.ID18("00e5g000001AbCd")[15:], ""},
		{"profile 18 checksum lower ok", FieldProfileID, worker, "00e5g000001AbCd" + strings.ToLower(salesforce.ID18("00e5g000001AbCd")[15:]), ""},
		{"profile 18 checksum bad", FieldProfileID, worker, "00e5g000001AbCdZZZ", "checksum"},
		{"profile 18 upper case", FieldProfileID, worker, "00E5G000004XQ2BAAC", ""},
		{"profile role prefix", FieldProfileID, worker, "00E5g000001AbCd", "user role"},
		{"profile length", FieldProfileID, worker, "00e5g0000", "15 or 18"},
		{"profile symbols", FieldProfileID, worker, "00e5g000001Ab-d", "15 or 18 letters and digits"},
		{"account required", FieldAccountID, communities, "", "required with Communities on: the account ID"},
		{"account ok", FieldAccountID, communities, "001A000000q7nV2", ""},
		{"account wrong object", FieldAccountID, communities, "003A000000q7nV2", "a contact"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.field.CheckValue(tt.a, tt.input)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("CheckValue(%q) = %v, want nil", tt.input, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("CheckValue(%q) = %v, want an error containing %q", tt.input, err, tt.wantErr)
			}
		})
	}
}

func TestChoicesTakeTheirValueOrTheirWord(t *testing.T) {
	a := Defaults()
	for in, want := range map[string]string{"overwrite": api.PermissionSetsOverwrite, "MERGE": api.PermissionSetsMerge, api.PermissionSetsOverwrite: api.PermissionSetsOverwrite} {
		if err := FieldPermissionSets.Set(&a, in); err != nil || a.PermissionSets != want {
			t.Errorf("Set(%q) = %q, %v; want %q", in, a.PermissionSets, err, want)
		}
	}
	if err := FieldPermissionSets.Set(&a, "keep"); err == nil || !strings.Contains(err.Error(), "expected merge or overwrite") {
		t.Errorf("Set(keep) = %v", err)
	}
	if err := FieldRegion.Set(&a, "eu"); err != nil || a.Region != "EU" {
		t.Errorf("region eu = %q, %v", a.Region, err)
	}
	if err := FieldRegion.Set(&a, "US"); err == nil || !strings.Contains(err.Error(), "expected NA, CA, EU, AU, SG or AP") {
		t.Errorf("region US = %v", err)
	}
	for in, want := range map[string]string{"true": api.StatusActive, "false": api.StatusInactive, "ACTIVE": api.StatusActive, "": ""} {
		if err := FieldStatus.Set(&a, in); err != nil || a.Status != want {
			t.Errorf("status %q = %q, %v; want %q", in, a.Status, err, want)
		}
	}
}

func TestSalesforceIDChecksumMatchesKnownIDs(t *testing.T) {
	// 00D000000000062 → 00D000000000062EAA is the example Salesforce's own
	// documentation gives; the others follow the bit rule by hand: an
	// upper-case letter at position i of a chunk sets bit i.
	known := map[string]string{
		"00D000000000062": "EAA",
		"00e000000000000": "AAA",
		"005ZZZZZZZZZZZZ": "Y55", // ZZ at positions 3,4 → 24 → Y; then 31 → 5, twice
		"001A000000q7nV2": "IAI",
	}
	for id15, want := range known {
		if got := salesforce.ID18(id15)[15:]; got != want {
			t.Errorf("checksum of %q = %q, want %q", id15, got, want)
		}
	}
}

func TestNormalizeDomainGivesTheBareHost(t *testing.T) {
	for in, want := range map[string]string{
		"https://Acme.my.salesforce.com/": "acme.my.salesforce.com",
		"http://acme.my.salesforce.com":   "acme.my.salesforce.com",
		" acme.my.salesforce.com// ":      "acme.my.salesforce.com",
	} {
		if got := NormalizeDomain(in); got != want {
			t.Errorf("NormalizeDomain(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAnUpperCased18CharacterIDIsSentWithItsCaseRestored(t *testing.T) {
	a := Defaults()
	if err := FieldProfileID.Set(&a, "00E5G000004XQ2BAAC"); err != nil {
		t.Fatal(err)
	}
	if a.ProfileID != "00e5g000004Xq2bAAC" || a.Request().Configuration.ProfileID != "00e5g000004Xq2bAAC" {
		t.Fatalf("profile = %q, want 00e5g000004Xq2bAAC", a.ProfileID)
	}
	if err := FieldProfileID.Check(a); err != nil {
		t.Fatalf("the restored ID is refused: %v", err)
	}
	if got := FieldProfileID.Show(a); !strings.Contains(got, "letter case restored from 00E5G000004XQ2BAAC") {
		t.Fatalf("the review shows %q", got)
	}
	a.Normalize()
	if got := FieldProfileID.Show(a); !strings.Contains(got, "restored") {
		t.Fatalf("normalising again forgot the note: %q", got)
	}
	_ = FieldProfileID.Set(&a, "00e5g000004Xq2bAAC")
	if got := FieldProfileID.Show(a); strings.Contains(got, "restored") {
		t.Fatalf("an ID typed as Salesforce gives it still carries a note: %q", got)
	}
}

// The wizard writes answers directly and normalises after each form: a
// note about an ID retyped since must not outlive it.
func TestACaseNoteGoesWhenTheIDIsRetypedInTheWizard(t *testing.T) {
	a := Defaults()
	a.ProfileID = "00E5G000004XQ2BAAC"
	a.Normalize()
	if len(a.CaseNotes()) != 1 {
		t.Fatalf("notes = %q, want one", a.CaseNotes())
	}
	a.ProfileID = "00e5g000004Xq2b" // retyped, 15 characters, as Salesforce gives it
	a.Normalize()
	if notes := a.CaseNotes(); len(notes) != 0 {
		t.Fatalf("a note about the old value outlived it: %q", notes)
	}
	if got := FieldProfileID.Show(a); strings.Contains(got, "restored") {
		t.Fatalf("the review shows %q", got)
	}
	a.ProfileID = "00E5G000004XQ2BAAC"
	a.Normalize()
	a.ProfileID = "not an id"
	a.Normalize()
	if notes := a.CaseNotes(); len(notes) != 0 {
		t.Fatalf("a note outlived a value that does not parse: %q", notes)
	}
}
