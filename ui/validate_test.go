package ui

import (
	"strings"
	"testing"

	"sfstore/api"
	"sfstore/api/salesforce"
)

func TestValidatorsAcceptGoodAndNameWhatIsExpected(t *testing.T) {
	tests := []struct {
		name     string
		validate func(string) error
		input    string
		wantErr  string // empty: valid
	}{
		{"uuid ok", validateUUID, "8305f20e-d0e2-4a92-aa0d-c7af0f88d2d5", ""},
		{"uuid upper ok", validateUUID, "8305F20E-D0E2-4A92-AA0D-C7AF0F88D2D5", ""},
		{"uuid empty", validateUUID, "", "required: a UUID"},
		{"uuid short", validateUUID, "8305f20e", "expected a UUID"},
		{"optional uuid empty", validateOptionalUUID, "  ", ""},
		{"optional uuid bad", validateOptionalUUID, "prod", "expected a UUID"},
		{"name empty", validateRequired("a name"), "   ", "a name is required"},
		{"image empty ok", validateImageURL, "", ""},
		{"image https ok", validateImageURL, "https://example.com/a.png", ""},
		{"image relative", validateImageURL, "logo.png", "expected a full URL"},
		{"image ftp", validateImageURL, "ftp://example.com/a.png", "expected a full URL"},
		{"domain bare", validateDomain, "acme.my.salesforce.com", ""},
		{"domain with scheme and slash", validateDomain, "https://acme.my.salesforce.com/", ""},
		{"domain sandbox", validateDomain, "acme--dev.sandbox.my.salesforce.com", ""},
		{"domain empty", validateDomain, "", "required: your org's domain"},
		{"domain with path", validateDomain, "https://acme.my.salesforce.com/lightning/page", "without a path"},
		{"domain no dot", validateDomain, "acme", "expected a domain"},
		{"domain spaces", validateDomain, "acme my.salesforce.com", "expected a domain"},
		{"domain default port dropped", validateDomain, "https://acme.my.salesforce.com:443/", ""},
		{"domain other port", validateDomain, "acme.my.salesforce.com:8443", "without a port"},
		{"domain loopback port", validateDomain, "127.0.0.1:8443", ""},
		{"secret ok", validateSecret("the client secret"), "  ABCDEF123  ", ""},
		{"secret empty", validateSecret("the client secret"), "", "the client secret is required"},
		{"secret two values", validateSecret("the access token"), "abc def", "must not contain spaces"},
		{"permission merge", validatePermissionSets, api.PermissionSetsMerge, ""},
		{"permission overwrite", validatePermissionSets, api.PermissionSetsOverwrite, ""},
		{"permission short label", validatePermissionSets, "Merge with permission sets", "expected"},
		{"profile empty ok", validateProfileID, "", ""},
		{"profile 15", validateProfileID, "00e5g000001AbCd", ""},
		{"profile 18 checksum ok", validateProfileID, "00e5g000001AbCd" + salesforce.ID18("00e5g000001AbCd")[15:], ""},
		{"profile 18 checksum lower ok", validateProfileID, "00e5g000001AbCd" + strings.ToLower(salesforce.ID18("00e5g000001AbCd")[15:]), ""},
		{"profile 18 checksum bad", validateProfileID, "00e5g000001AbCdZZZ", "checksum"},
		{"profile role prefix", validateProfileID, "00E5g000001AbCd", "starts with 00e; this one starts with 00E"},
		{"profile length", validateProfileID, "00e5g0000", "15 or 18"},
		{"profile symbols", validateProfileID, "00e5g000001Ab-d", "15 or 18 letters and digits"},
		{"account required", validateAccountID, "", "required: the account ID"},
		{"account ok", validateAccountID, "001A000000q7nV2", ""},
		{"account wrong object", validateAccountID, "003A000000q7nV2", "starts with 001"},
		{"region ok", validateRegion, "EU", ""},
		{"region bad", validateRegion, "US", "expected one of NA, CA, EU, AU, SG, AP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.validate(tt.input)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("validate(%q) = %v, want nil", tt.input, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("validate(%q) = %v, want an error containing %q", tt.input, err, tt.wantErr)
			}
		})
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
		if got := normalizeDomain(in); got != want {
			t.Errorf("normalizeDomain(%q) = %q, want %q", in, got, want)
		}
	}
}
