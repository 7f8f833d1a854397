package simulator

import (
	"time"

	"sfstore/api"
	"sfstore/api/demoorg"
)

// The demo's seeded stores, in DemoEnvironmentID. Their IDs never change,
// so documentation and tests can name them.
const (
	// DemoStoreProductionID is "Salesforce production": ACTIVE and
	// syncing, its session live in the demo org.
	DemoStoreProductionID   = "3f6c2a1e-8b4d-4e7a-9c15-6d2e8f0a4b71"
	DemoStoreProductionName = "Salesforce production"
	// DemoStoreCommunityID is "Salesforce partner community": ACTIVE,
	// but its sync FAILED because its Salesforce session expired
	// (demoorg.ExpiredAccessToken): the case "sfstore reconnect" fixes.
	DemoStoreCommunityID   = "9d4b7e20-1c5a-4f3e-8a62-b7e1d9c0f5a3"
	DemoStoreCommunityName = "Salesforce partner community"
)

// DemoAccessToken is a PingOne access token the demo accepts when pasted
// instead of signing in with a worker app. It is long and unlike any word,
// so masking it (as every secret is masked) never blanks out ordinary
// text, and the README can name it.
const DemoAccessToken = "DEMO-PINGONE-TOKEN-7c3e91f0a5b24d68"

// DemoWorkerClientID is the demo's worker app, filled in for a first try
// of the demo; the simulator takes any client and secret.
const DemoWorkerClientID = "6a4e7e1c-5d0f-4f3e-9a51-2b8f0c7d9e10"

// DemoPageSize is the demo's Options.PageSize: one store a page, so listing
// the two seeded stores already follows a next link.
const DemoPageSize = 1

// DemoOptions are the options of "sfstore --demo": DemoStores as of now,
// their expired session known as such (ExpiredAccessTokens), and pages of
// DemoPageSize. Set Latency, and any other option, on the result.
func DemoOptions() Options {
	return Options{
		SeedStores:          DemoStores(time.Now()),
		ExpiredAccessTokens: []string{demoorg.ExpiredAccessToken},
		AccessTokens:        []string{DemoAccessToken},
		PageSize:            DemoPageSize,
		SyncPace:            DemoSyncPace,
	}
}

// DemoStores returns the demo's two seeded Salesforce stores, both pointing
// at the demo org (demoorg.Domain, demoorg.ClientID), with times relative to
// now; pass a fixed now for output that never changes. Each call returns
// new copies.
//
//   - DemoStoreProductionID, "Salesforce production": ACTIVE, managed,
//     syncing 1204 of 1204 users, last sync 4 minutes before now, holding
//     the demo org's live session (demoorg.ActiveAccessToken).
//   - DemoStoreCommunityID, "Salesforce partner community": ACTIVE,
//     communities on (Partner Community User, Globex Industries), sync
//     FAILED 2 days before now with SalesforceSessionExpired, 287 users
//     synced and 25 failed of 312, holding an expired session
//     (demoorg.ExpiredAccessToken).
func DemoStores(now time.Time) []api.Store {
	at := func(ago time.Duration) string { return now.Add(-ago).UTC().Format(timeLayout) }
	managed, unmanaged := true, false
	const day = 24 * time.Hour
	env := &api.ObjectRef{ID: DemoEnvironmentID}
	return []api.Store{
		{
			ID: DemoStoreProductionID, Environment: env, Type: api.StoreTypeSalesforce,
			Name: DemoStoreProductionName, Description: "Employees to Sales Cloud.",
			Status: api.StatusActive, Managed: &managed,
			CreatedAt: at(142 * day), UpdatedAt: at(37 * day),
			Configuration: demoConfiguration(demoorg.ActiveAccessToken, demoorg.ActiveRefreshToken, false),
			SyncStatus: &api.SyncStatus{SyncState: api.SyncStateSyncing, SuccessCount: 1204, FailedCount: 0,
				UserTotal: 1204, LastSyncAt: at(4 * time.Minute)},
		},
		{
			ID: DemoStoreCommunityID, Environment: env, Type: api.StoreTypeSalesforce,
			Name: DemoStoreCommunityName, Description: "Globex partner users to the partner community.",
			Status: api.StatusActive, Managed: &unmanaged,
			CreatedAt: at(61 * day), UpdatedAt: at(61 * day),
			Configuration: demoConfiguration(demoorg.ExpiredAccessToken, demoorg.ExpiredRefreshToken, true),
			SyncStatus: &api.SyncStatus{SyncState: api.SyncStateFailed, Details: SalesforceSessionExpired,
				SuccessCount: 287, FailedCount: 25, UserTotal: 312, LastSyncAt: at(2*day + 3*time.Hour)},
		},
	}
}

// demoConfiguration is a store configuration for the demo org: a workforce
// store, or a partner community one.
func demoConfiguration(access, refresh string, community bool) api.SalesforceConfiguration {
	c := api.SalesforceConfiguration{
		SalesforceDomain: demoorg.Domain, ClientID: demoorg.ClientID, ClientSecret: demoorg.ClientSecret,
		OAuthAccessToken: access, OAuthRefreshToken: refresh,
		PermissionSetManagement: api.PermissionSetsMerge,
		CreateUsers:             true, UpdateUsers: true, DisableUsers: true,
		ProfileID: demoorg.Profiles[0].ID, // Standard User
	}
	if community {
		c.EnableCommunities = true
		c.ProfileID = demoorg.Profiles[3].ID // Partner Community User
		c.AccountID = demoorg.Accounts[1].ID // Globex Industries
	}
	return c
}
