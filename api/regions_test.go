package api_test

import (
	"strings"
	"testing"

	"sfstore/api"
)

func TestRegionsAreTheSixDocumentedInOrder(t *testing.T) {
	want := []struct{ code, tld string }{
		{"NA", "com"}, {"CA", "ca"}, {"EU", "eu"}, {"AU", "com.au"}, {"SG", "sg"}, {"AP", "asia"},
	}
	if len(api.Regions) != len(want) {
		t.Fatalf("got %d regions, want %d", len(api.Regions), len(want))
	}
	for i, w := range want {
		r := api.Regions[i]
		if r.Code != w.code || r.Name == "" {
			t.Errorf("Regions[%d] = %+v, want code %s with a name", i, r, w.code)
		}
		if r.APIURL != "https://api.pingone."+w.tld || r.AuthURL != "https://auth.pingone."+w.tld {
			t.Errorf("%s: urls %s %s, want .%s hosts without /v1", r.Code, r.APIURL, r.AuthURL, w.tld)
		}
	}
}

func TestLookupRegionIgnoresCaseAndSpace(t *testing.T) {
	for _, in := range []string{"EU", "eu", " Eu\n"} {
		r, ok := api.LookupRegion(in)
		if !ok || r.Code != "EU" || !strings.HasSuffix(r.APIURL, ".eu") {
			t.Errorf("LookupRegion(%q) = %+v, %v; want EU", in, r, ok)
		}
	}
}

func TestLookupRegionRejectsUnknownCodes(t *testing.T) {
	for _, in := range []string{"", "US", "NorthAmerica", "N A"} {
		if r, ok := api.LookupRegion(in); ok {
			t.Errorf("LookupRegion(%q) = %+v, want not found", in, r)
		}
	}
}
