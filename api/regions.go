package api

import "strings"

// Region is a PingOne geography: each has its own API and auth hosts, and an
// environment lives in exactly one of them.
type Region struct {
	// Code is the short code PingOne tooling uses, e.g. "NA" (PINGONE_REGION_CODE).
	Code string
	// Name is the human-readable region name.
	Name string
	// APIURL is the Management API base, without "/v1": the client adds it.
	APIURL string
	// AuthURL is the auth host that issues access tokens.
	AuthURL string
}

// Regions lists the PingOne regions in the order a picker should offer them.
//
// https://developer.pingidentity.com/pingone-api/foundations/conventions/pingone-api-requests.html
var Regions = []Region{
	{Code: "NA", Name: "North America", APIURL: "https://api.pingone.com", AuthURL: "https://auth.pingone.com"},
	{Code: "CA", Name: "Canada", APIURL: "https://api.pingone.ca", AuthURL: "https://auth.pingone.ca"},
	{Code: "EU", Name: "European Union", APIURL: "https://api.pingone.eu", AuthURL: "https://auth.pingone.eu"},
	{Code: "AU", Name: "Australia", APIURL: "https://api.pingone.com.au", AuthURL: "https://auth.pingone.com.au"},
	{Code: "SG", Name: "Singapore", APIURL: "https://api.pingone.sg", AuthURL: "https://auth.pingone.sg"},
	{Code: "AP", Name: "Asia-Pacific", APIURL: "https://api.pingone.asia", AuthURL: "https://auth.pingone.asia"},
}

// LookupRegion finds a region by code, ignoring case and surrounding space,
// so values typed by hand or read from the environment both work.
func LookupRegion(code string) (Region, bool) {
	code = strings.TrimSpace(code)
	for _, r := range Regions {
		if strings.EqualFold(r.Code, code) {
			return r, true
		}
	}
	return Region{}, false
}
