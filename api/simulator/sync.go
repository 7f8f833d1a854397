package simulator

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"

	"sfstore/api"
	"sfstore/api/demoorg"
)

// SalesforceSessionExpired is the syncStatus.details of a store whose
// Salesforce session expired or was revoked: Salesforce's REST answer to a
// dead access token (401, errorCode INVALID_SESSION_ID). PingOne's
// connectors quote Salesforce's error array verbatim in the errors its
// documentation shows (e.g. DELETE_FAILED for Salesforce Contacts); that a
// sync failure's details read exactly so is UNCONFIRMED.
const SalesforceSessionExpired = `[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]`

// DemoSyncPace is the demo's Options.SyncPace: the first user synced 1.5 s
// after a publish, the demo's four default-population users within 6 s.
const DemoSyncPace = 1500 * time.Millisecond

// syncJob is the sync a revision started for one store: its users are
// synced one by one, one every pace from start, each with its outcome
// ("" for synced, else Salesforce's error array). With failAll, the sync
// fails as a whole at the first step, with failAll as its details.
type syncJob struct {
	start    time.Time
	pace     time.Duration
	outcomes []string
	failAll  string
}

// status is the store's syncStatus at now.
func (j *syncJob) status(now time.Time) *syncStatusJSON {
	total := len(j.outcomes)
	done := total
	if j.pace > 0 {
		done = min(total, int(now.Sub(j.start)/j.pace))
	}
	at := func(n int) string { return j.start.Add(time.Duration(n) * j.pace).UTC().Format(timeLayout) }
	if j.failAll != "" {
		if j.pace > 0 && now.Sub(j.start) < j.pace {
			return &syncStatusJSON{SyncState: api.SyncStateSyncing, UserTotal: total, LastSyncAt: at(0)}
		}
		return &syncStatusJSON{SyncState: api.SyncStateFailed, Details: j.failAll, FailedCount: total, UserTotal: total, LastSyncAt: at(1)}
	}
	ss := &syncStatusJSON{SyncState: api.SyncStateSyncing, UserTotal: total, LastSyncAt: at(done)}
	for _, o := range j.outcomes[:done] {
		if o == "" {
			ss.SuccessCount++
		} else {
			ss.FailedCount++
			if ss.Details == "" {
				ss.Details = o
			}
		}
	}
	if done == total && total > 0 && ss.SuccessCount == 0 {
		ss.SyncState = api.SyncStateFailed
	}
	return ss
}

// live is st with the syncStatus of its sync as of now.
func (s *Server) live(st storeJSON) storeJSON {
	if st.job != nil {
		st.SyncStatus = st.job.status(s.now())
	}
	return st
}

// resync plays the resynchronisation a new revision starts, for every
// Salesforce store of envID.
//
// A store that a rule targets is synced by the simulator's engine when
// PingOne's conditions hold: the environment's plan is ACTIVE, a rule
// targeting the store is active, and the store is ACTIVE ("a plan is
// recognized by the provisioning engine when it has an active status and
// it defines at least one rule"). Then the users of the rule's population
// are synced one by one at Options.SyncPace (startSync); otherwise its
// status is left as it was, as nothing syncs it.
//
// A store no rule targets keeps the simulator's earlier model, so that the
// demo's seeded stores (synced by a configuration the simulator does not
// hold) behave as before: the counts, "since the last revision", start
// again; a store whose access token Salesforce refuses fails with
// SalesforceSessionExpired while the others sync every user. A store with
// no sync history is left without one.
func (s *Server) resync(envID string, now time.Time) {
	at := now.UTC().Format(timeLayout)
	s.mu.Lock()
	defer s.mu.Unlock()
	plan, hasPlan := s.planOf(envID)
	for i := range s.stores {
		st := &s.stores[i]
		if st.Environment.ID != envID || st.Type != api.StoreTypeSalesforce {
			continue
		}
		rule, targeted, active := s.ruleTargetingLocked(st.ID)
		switch {
		case targeted && active && hasPlan && plan.Status == api.PlanStatusActive && st.Status == api.StatusActive:
			st.job = s.startSyncLocked(*st, rule, now)
			continue
		case targeted:
			continue
		}
		*st = s.live(*st)
		st.job = nil
		if st.SyncStatus == nil {
			continue
		}
		total := st.SyncStatus.UserTotal
		ss := &syncStatusJSON{SyncState: api.SyncStateSyncing, SuccessCount: total, UserTotal: total, LastSyncAt: at}
		if s.sessionExpired(accessToken(st.Configuration)) {
			ss = &syncStatusJSON{SyncState: api.SyncStateFailed, Details: SalesforceSessionExpired,
				FailedCount: total, UserTotal: total, LastSyncAt: at}
		}
		st.SyncStatus = ss
	}
}

// ruleTargetingLocked is the first active rule targeting storeID (or the
// first rule, when none is active), whether there is any, and whether the
// one returned is active. s.mu must be held.
func (s *Server) ruleTargetingLocked(storeID string) (ruleJSON, bool, bool) {
	var first *ruleJSON
	for i := range s.rules {
		rl := &s.rules[i]
		if rl.TargetStore.ID != storeID {
			continue
		}
		if rl.Active {
			return *rl, true, true
		}
		if first == nil {
			first = rl
		}
	}
	if first == nil {
		return ruleJSON{}, false, false
	}
	return *first, true, false
}

// startSyncLocked plans the sync of st by rule from now: the scoped users,
// each with the outcome its mapped values would have in Salesforce. A
// broken connection or a required field left unmapped fails the whole
// sync. s.mu must be held.
func (s *Server) startSyncLocked(st storeJSON, rule ruleJSON, now time.Time) *syncJob {
	j := &syncJob{start: now, pace: s.opts.SyncPace}
	users := scopedUsers(rule)
	j.outcomes = make([]string, len(users))
	var mappings []mappingJSON
	for _, m := range s.mappings {
		if m.Rule.ID == rule.ID {
			mappings = append(mappings, m)
		}
	}
	cfg := storeConfig(st.Configuration)
	if s.sessionExpired(cfg.OAuthAccessToken) {
		j.failAll = SalesforceSessionExpired
		return j
	}
	mapped := map[string]bool{}
	for _, m := range mappings {
		mapped[m.TargetAttribute] = true
	}
	var missing []string
	for _, t := range requiredTargets(cfg) {
		if !mapped[t] {
			missing = append(missing, t)
		}
	}
	if len(missing) > 0 {
		j.failAll = salesforceError("REQUIRED_FIELD_MISSING", "Required fields are missing: ["+strings.Join(missing, ", ")+"]", missing...)
		return j
	}
	for i, u := range users {
		j.outcomes[i] = userOutcome(u, mappings, requiredTargets(cfg))
	}
	return j
}

// scopedUsers are the users a rule's population selects (its expression,
// else its deprecated populations, else everyone).
func scopedUsers(rule ruleJSON) []DemoUser {
	f, _ := parseFilter(rule.PopulationExpression) // validated on write
	var out []DemoUser
	for _, u := range demoUsers() {
		if rule.PopulationExpression == "" && len(rule.Populations) > 0 {
			in := false
			for _, p := range rule.Populations {
				in = in || p.ID == u.Attributes["population.id"]
			}
			if !in {
				continue
			}
		}
		if f.matches(u) {
			out = append(out, u)
		}
	}
	return out
}

// requiredTargets are the Salesforce fields a User insert needs that the
// store does not supply itself: ProfileId is supplied by PROFILE_ID when
// set, and AccountId is needed for a communities store without ACCOUNT_ID
// (the simulator's reading of the connector, UNCONFIRMED).
func requiredTargets(cfg api.SalesforceConfiguration) []string {
	var out []string
	for _, a := range salesforceUserAttributes {
		if a.required && !(a.name == "ProfileId" && cfg.ProfileID != "") {
			out = append(out, a.name)
		}
	}
	if cfg.EnableCommunities && cfg.AccountID == "" {
		out = append(out, "AccountId")
	}
	return out
}

// emailRE is a plausible email address, as Salesforce wants Username and
// Email to be.
var emailRE = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

// userOutcome is what Salesforce would answer to user u's insert with the
// mapped values: "" when it takes it, else its error array. The checks and
// error codes are Salesforce's for a User (the wording of the invalid
// address is UNCONFIRMED).
func userOutcome(u DemoUser, mappings []mappingJSON, required []string) string {
	values := map[string]string{}
	for _, m := range mappings {
		if m.SourceAttribute != "" {
			values[m.TargetAttribute] = u.Attributes[m.SourceAttribute]
		} else {
			values[m.TargetAttribute] = evaluate(m.Expression, u)
		}
	}
	var empty []string
	for _, t := range required {
		if strings.TrimSpace(values[t]) == "" {
			empty = append(empty, t)
		}
	}
	switch {
	case len(empty) > 0:
		return salesforceError("REQUIRED_FIELD_MISSING", "Required fields are missing: ["+strings.Join(empty, ", ")+"]", empty...)
	case !emailRE.MatchString(values["Username"]):
		return salesforceError("INVALID_EMAIL_ADDRESS", "Username: invalid email address: "+values["Username"], "Username")
	case !emailRE.MatchString(values["Email"]):
		return salesforceError("INVALID_EMAIL_ADDRESS", "Email: invalid email address: "+values["Email"], "Email")
	case len([]rune(values["Alias"])) > 8:
		return salesforceError("STRING_TOO_LONG", fmt.Sprintf("Alias: data value too large: %s (max length=8)", values["Alias"]), "Alias")
	}
	if id, ok := values["ProfileId"]; ok {
		if _, known := demoorg.FindProfile(id); !known {
			return salesforceError("INVALID_CROSS_REFERENCE_KEY", "Profile ID: id value of incorrect type: "+id, "ProfileId")
		}
	}
	return ""
}

// salesforceError is Salesforce's REST error array of one error.
func salesforceError(code, message string, fields ...string) string {
	b, _ := json.Marshal([]map[string]any{{"message": message, "errorCode": code, "fields": fields}})
	return string(b)
}

// storeConfig is a stored configuration, decoded.
func storeConfig(raw json.RawMessage) api.SalesforceConfiguration {
	var c api.SalesforceConfiguration
	_ = json.Unmarshal(raw, &c)
	return c
}

// accessToken is the OAUTH_ACCESS_TOKEN of a stored configuration.
func accessToken(cfg json.RawMessage) string {
	var c struct {
		Token string `json:"OAUTH_ACCESS_TOKEN"`
	}
	_ = json.Unmarshal(cfg, &c)
	return c.Token
}
