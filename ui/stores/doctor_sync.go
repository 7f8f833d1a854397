package stores

import (
	"fmt"
	"regexp"
	"strings"

	"sfstore/api"
	"sfstore/ui/cards"
	"sfstore/ui/chain"
)

func (j *judge) sync() cards.CheckLine {
	st := j.c.Store
	if st == nil {
		return skip(linkSync, "the store could not be read")
	}
	ss := st.SyncStatus
	noRule := j.rule == nil && j.c.RulesErr == nil
	switch {
	case (ss == nil || ss.SyncState == "") && noRule:
		return skip(linkSync, "PingOne has not synced the store: no rule targets it")
	case ss == nil || ss.SyncState == "":
		return j.bad(cards.Warn, linkSync, "PingOne has not synced the store yet: it syncs once an active rule on it is published", "publish")
	}
	d := Diagnose(*st, j.ref)
	counts := fmt.Sprintf("%d synced, %d failed of %d", ss.SuccessCount, ss.FailedCount, ss.UserTotal)
	if ss.LastSyncAt != "" {
		counts += "; last sync " + ss.LastSyncAt
	}
	details := "" // verbatim, as support asks for it; report makes it inert
	if t := strings.TrimSpace(ss.Details); t != "" {
		details = "; PingOne's details: " + t
	}
	fix := strings.TrimPrefix(d.Command, "sfstore ")
	switch {
	case mappingError.MatchString(ss.Details):
		fix = j.mappingsFix()
	case fix == "":
		fix = "test " + j.ref
	}
	switch {
	case d.State == api.SyncStateFailed:
		return j.bad(cards.Fail, linkSync, "FAILED: "+counts+details, fix)
	case ss.FailedCount > 0:
		return j.bad(cards.Warn, linkSync, strings.ToUpper(ss.SyncState)+", but some users failed: "+counts+details, fix)
	}
	if noRule { // a status left by a rule since deleted: nothing syncs now
		return skip(linkSync, "no rule targets the store, so nothing syncs now; PingOne's last status, "+strings.ToUpper(ss.SyncState)+": "+counts+", is an earlier rule's")
	}
	return pass(linkSync, strings.ToUpper(ss.SyncState)+": "+counts)
}

// mappingError matches Salesforce's answers to a User insert whose
// values are wrong: "sync failures are often due to errors with attribute
// mapping", so these point to the mappings, not the connection.
var mappingError = regexp.MustCompile(`REQUIRED_FIELD_MISSING|INVALID_EMAIL_ADDRESS|STRING_TOO_LONG|INVALID_FIELD|FIELD_INTEGRITY_EXCEPTION|DUPLICATE_USERNAME|DUPLICATE_VALUE|INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST`)

// mappingsFix is the provision command that fixes the rule's mappings:
// the override of their first problem, or a provision.
func (j *judge) mappingsFix() string {
	if j.rule != nil {
		if _, p := mappingFix(j.c.Problems(*j.rule)); p != nil {
			return "provision " + j.ref + " --map " + shellQuote(p.Fix.String())
		}
	}
	return "provision " + j.ref
}

// unsynced is how many users in scope are neither synced nor failed.
func unsynced(ss *api.SyncStatus) int {
	if ss == nil {
		return 0
	}
	return max(ss.UserTotal-ss.SuccessCount-ss.FailedCount, 0)
}

func (j *judge) toggles() cards.CheckLine {
	st := j.c.Store
	if st == nil {
		return skip(linkToggles, "the store could not be read")
	}
	cfg := st.Configuration
	switch {
	case !cfg.CreateUsers && unsynced(st.SyncStatus) > 0:
		return j.bad(cards.Fail, linkToggles, fmt.Sprintf("CREATE_USERS is off and %s have no Salesforce account: PingOne records them as Unsynced", plural(unsynced(st.SyncStatus), "user")), "edit "+j.ref+" --create-users")
	case !cfg.CreateUsers:
		return j.bad(cards.Warn, linkToggles, "CREATE_USERS is off: a user without a Salesforce account is left Unsynced, not created", "edit "+j.ref+" --create-users")
	case !cfg.UpdateUsers:
		return j.bad(cards.Warn, linkToggles, "UPDATE_USERS is off: a change in PingOne leaves the Salesforce user Partially synced", "edit "+j.ref+" --update-users")
	}
	return pass(linkToggles, "CREATE_USERS and UPDATE_USERS are on")
}

func (j *judge) communities() cards.CheckLine {
	st := j.c.Store
	if st == nil {
		return skip(linkCommunities, "the store could not be read")
	}
	cfg := st.Configuration
	if !cfg.EnableCommunities {
		return pass(linkCommunities, "off: users are made as internal Salesforce users")
	}
	account, profile := strings.TrimSpace(cfg.AccountID), strings.TrimSpace(cfg.ProfileID)
	mapped := func(target string) bool {
		return j.rule != nil && setsTarget(j.rule.Set(), target)
	}
	switch {
	case account == "" && !mapped(chain.TargetAccountID):
		return j.bad(cards.Fail, linkCommunities, "on, but ACCOUNT_ID is empty and no mapping sets AccountId: a Communities user needs an account", "edit "+j.ref+" --account-id 001…")
	case profile == "" && !mapped(chain.TargetProfileID):
		return j.bad(cards.Fail, linkCommunities, "on, but PROFILE_ID is empty and no mapping sets ProfileId: a Communities user needs a customer or partner profile", "edit "+j.ref+" --profile-id 00e…")
	case account != "" && !strings.HasPrefix(account, "001"):
		return j.bad(cards.Warn, linkCommunities, "ACCOUNT_ID "+account+" does not start with 001, as Salesforce account IDs do", "edit "+j.ref+" --account-id 001…")
	case profile != "" && !strings.HasPrefix(profile, "00e"):
		return j.bad(cards.Warn, linkCommunities, "PROFILE_ID "+profile+" does not start with 00e, as Salesforce profile IDs do", "edit "+j.ref+" --profile-id 00e…")
	}
	ev := "on"
	if account != "" {
		ev += "; account " + account
	}
	if profile != "" {
		ev += "; profile " + profile
	}
	return pass(linkCommunities, ev)
}

// setsTarget reports whether ms maps target.
func setsTarget(ms []chain.Mapping, target string) bool {
	for _, m := range ms {
		if strings.EqualFold(m.Target, target) {
			return true
		}
	}
	return false
}
