package simulator

import (
	"encoding/json"
	"sfstore/api"
	"time"
)

// SalesforceSessionExpired is the syncStatus.details of a store whose
// Salesforce session expired or was revoked: Salesforce's REST answer to a
// dead access token (401, errorCode INVALID_SESSION_ID). PingOne's
// connectors quote Salesforce's error array verbatim in the errors its
// documentation shows (e.g. DELETE_FAILED for Salesforce Contacts); that a
// sync failure's details read exactly so is UNCONFIRMED.
const SalesforceSessionExpired = `[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]`

// resync plays the resynchronisation a new revision starts, for every store
// of envID: the counts, which are "since the last revision", start again,
// and a store whose access token Salesforce refuses (sessionExpired) fails
// with SalesforceSessionExpired while the others sync every user. This is
// the simulator's own model, so that a reconnect then a publish shows a
// store recover; PingOne syncs for a while and counts events, not users.
func (s *Server) resync(envID string, now time.Time) {
	at := now.UTC().Format(timeLayout)
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.stores {
		st := &s.stores[i]
		if st.Environment.ID != envID {
			continue
		}
		total := 0
		if st.SyncStatus != nil {
			total = st.SyncStatus.UserTotal
		}
		ss := &syncStatusJSON{SyncState: api.SyncStateSyncing, SuccessCount: total, UserTotal: total, LastSyncAt: at}
		if s.sessionExpired(accessToken(st.Configuration)) {
			ss = &syncStatusJSON{SyncState: api.SyncStateFailed, Details: SalesforceSessionExpired,
				FailedCount: total, UserTotal: total, LastSyncAt: at}
		}
		st.SyncStatus = ss
	}
}

// accessToken is the OAUTH_ACCESS_TOKEN of a stored configuration.
func accessToken(cfg json.RawMessage) string {
	var c struct {
		Token string `json:"OAUTH_ACCESS_TOKEN"`
	}
	_ = json.Unmarshal(cfg, &c)
	return c.Token
}
