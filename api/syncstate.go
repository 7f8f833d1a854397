package api

// Sync states of a store's syncStatus.syncState. PingOne's prose names them
// "Syncing" and "Failed" and its examples are upper case; whether it ever
// answers another case is UNCONFIRMED, so compare with strings.EqualFold.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-stores/read-one-store.html
const (
	SyncStateSyncing = "SYNCING"
	SyncStateFailed  = "FAILED"
)
