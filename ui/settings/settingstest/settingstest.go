// Package settingstest holds answers for tests of the packages that use
// settings, so each does not build its own.
package settingstest

import "sfstore/ui/settings"

// Sentinel secrets: each carries Marker, so one search of any output finds
// a leak of any of them, or of a piece longer than a mask's last four.
const (
	Marker       = "SENTINEL"
	WorkerSecret = "SENTINEL-WORKER-SECRET-41d7c2"
	ClientSecret = "SENTINEL-CLIENT-SECRET-7f3a9c"
	AccessToken  = "SENTINEL-ACCESS-TOKEN-b81e44"
	RefreshToken = "SENTINEL-REFRESH-TOKEN-0c95da"
)

// Filled returns complete answers for a worker app and an org, with the
// sentinel secrets, normalised as a run would hold them.
func Filled() settings.Answers {
	a := settings.Defaults()
	a.WorkerEnvironmentID = "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6"
	a.WorkerClientID = "6a4e7e1c-5d0f-4f3e-9a51-2b8f0c7d9e10"
	a.WorkerClientSecret = WorkerSecret
	a.Name = "Salesforce production"
	a.SalesforceDomain = "https://Acme.my.salesforce.com/"
	a.ClientID = "3MVG9consumerKey"
	a.ClientSecret = ClientSecret
	a.SalesforceAccessToken = AccessToken
	a.SalesforceRefreshToken = RefreshToken
	a.Normalize()
	return a
}
