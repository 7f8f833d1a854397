package stores

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"sfstore/api"
	"sfstore/ui/cards"
)

// Cause is what a sync failure reads like, which decides what fixes it.
type Cause string

// The causes a failure's details are sorted into.
const (
	CauseSession Cause = "session" // the Salesforce session expired or was revoked: reconnect
	CauseProfile Cause = "profile" // a profile or account the store names is gone: edit
	CauseClient  Cause = "client"  // the app's client ID or secret was refused: reconnect
	CauseOther   Cause = "other"   // anything else: test, and the audit logs
)

// Diagnosis is a store's sync status in plain words, and what to do: what
// `sfstore show` prints below the card, and its --json "diagnosis".
type Diagnosis struct {
	State   string       `json:"state"`             // SYNCING, FAILED or NOT_SYNCED
	Cause   Cause        `json:"cause,omitempty"`   // set when something failed
	Details string       `json:"details,omitempty"` // PingOne's details, readable
	Reason  string       `json:"reason,omitempty"`  // why provisioning stopped
	Command string       `json:"command,omitempty"` // the sfstore command that fixes it, if one does: Next[0]'s
	Next    []cards.Step `json:"next,omitempty"`    // what to do, most useful first
}

// inDemo adds --demo to the commands it suggests, so they run against the
// demo's stores when copied.
func (d Diagnosis) inDemo() Diagnosis {
	next := make([]cards.Step, len(d.Next))
	for i, st := range d.Next {
		if st.Command != "" {
			st.Command += " --demo"
		}
		next[i] = st
	}
	d.Next = next
	if d.Command != "" {
		d.Command = next[0].Command // Command is the first step's
	}
	return d
}

// Advice is the diagnosis as the card lays it out.
func (d Diagnosis) Advice() cards.Advice {
	return cards.Advice{Details: d.Details, Reason: d.Reason, Next: d.Next}
}

// Patterns of failures. PingOne passes on Salesforce's errors (its docs
// quote Salesforce's error arrays for other connectors); the exact text of
// a Salesforce store's syncStatus.details is UNCONFIRMED, so these read
// Salesforce's codes and the OAuth errors' usual wording.
var (
	sessionPattern = regexp.MustCompile(`(?i)invalid_session_id|invalid_grant|session (has )?expired|expired (access|refresh|oauth)|(access|refresh|oauth)[ _/a-z]*token[ a-z]*(expired|revoked)|token (has been |was )?revoked`)
	profilePattern = regexp.MustCompile(`(?i)invalid_cross_reference_key|profile[^.;]*(not found|does ?n[o']t exist|deleted|missing|invalid)|(missing|unknown|deleted|no such) profile`)
	clientPattern  = regexp.MustCompile(`(?i)invalid_client|client (secret|credentials?)[^.;]*(invalid|wrong|refused|rejected)|(invalid|wrong|bad) client (secret|credentials?)`)
)

// CauseOf sorts a failure's text into a Cause.
func CauseOf(text string) Cause {
	switch {
	case profilePattern.MatchString(text):
		return CauseProfile
	case clientPattern.MatchString(text):
		return CauseClient
	case sessionPattern.MatchString(text):
		return CauseSession
	}
	return CauseOther
}

// Readable turns PingOne's details into plain words: Salesforce's error
// array ([{"message","errorCode"}]) reads as "message (CODE)"; other text
// is kept as it is.
func Readable(details string) string {
	details = strings.TrimSpace(details)
	var list []map[string]any
	if json.Unmarshal([]byte(details), &list) != nil {
		var one map[string]any
		if json.Unmarshal([]byte(details), &one) != nil || one == nil {
			return details
		}
		list = []map[string]any{one}
	}
	parts := make([]string, 0, len(list))
	for _, e := range list {
		msg := firstString(e, "message", "error_description", "description")
		code := firstString(e, "errorCode", "error", "code")
		switch {
		case msg != "" && code != "":
			parts = append(parts, fmt.Sprintf("%s (%s)", msg, code))
		case msg+code != "":
			parts = append(parts, msg+code)
		}
	}
	if len(parts) == 0 {
		return details
	}
	return strings.Join(parts, "; ")
}

func firstString(m map[string]any, keys ...string) string {
	for _, k := range keys {
		if s, ok := m[k].(string); ok && strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// Diagnose reads a store's sync status. ref is how commands name the store
// (Ref).
func Diagnose(st api.Store, ref string) Diagnosis {
	ss := st.SyncStatus
	var d Diagnosis
	switch {
	case ss == nil || ss.SyncState == "":
		d.State = "NOT_SYNCED"
		d.Next = []cards.Step{{Text: "PingOne syncs a store once a propagation rule uses it and a revision is published:", Command: "sfstore publish"}}
	case strings.EqualFold(ss.SyncState, api.SyncStateFailed):
		d.State = api.SyncStateFailed
		d.Details = Readable(ss.Details)
		d.advise(CauseOf(ss.Details), ref)
	default:
		d.State = strings.ToUpper(ss.SyncState)
		d.Details = Readable(ss.Details)
		if ss.FailedCount > 0 {
			d.advise(CauseOf(ss.Details), ref)
			d.Reason = fmt.Sprintf("PingOne syncs this store, but %d of %d users failed. ", ss.FailedCount, ss.UserTotal) + d.Reason
		}
	}
	if st.Status != api.StatusActive {
		d.Next = append(d.Next, cards.Step{Text: "The store is inactive: PingOne provisions nothing to it until it is active:",
			Command: "sfstore edit " + ref + " --active"})
	}
	return d
}

// advise sets the reason and the steps for a cause.
func (d *Diagnosis) advise(c Cause, ref string) {
	d.Cause = c
	publish := cards.Step{Text: "Then publish, so PingOne syncs again (the command offers to):", Command: "sfstore publish"}
	switch c {
	case CauseSession:
		d.Reason = "Salesforce no longer accepts the store's OAuth session: its access token expired and its refresh token was revoked or expired (a password reset, an admin revoking the app's access, or a refresh token policy other than \"valid until revoked\")."
		d.fix(cards.Step{Text: "Get new tokens with a Salesforce sign-in and put them on the store:", Command: "sfstore reconnect " + ref}, publish)
	case CauseProfile:
		d.Reason = "Salesforce refuses a record the store names: the profile (or account) new users get was probably deleted, or its ID is wrong."
		d.fix(cards.Step{Text: "Choose a profile and account that exist (after a Salesforce sign-in the wizard lists the org's):", Command: "sfstore edit " + ref}, publish)
	case CauseClient:
		d.Reason = "Salesforce refuses the connected app's client ID or secret: the consumer secret was probably rotated, or the app was deleted."
		d.fix(cards.Step{Text: "Sign in again with the app's current consumer secret and put it on the store (it asks for the secret, or reads SALESFORCE_CLIENT_SECRET):", Command: "sfstore reconnect " + ref}, publish)
	default:
		d.Reason = "PingOne's sync failed for a reason sfstore does not recognise; the details above are what PingOne said."
		d.fix(cards.Step{Text: "Ask PingOne to connect to Salesforce with the stored settings:", Command: "sfstore test " + ref},
			cards.Step{Text: "Each failed user is in the admin console: Integrations › Provisioning › the connection › Sync summary › Audit logs."})
	}
}

// fix sets the steps that fix the store, the first one's command being
// the fix: --json gives it again as "command".
func (d *Diagnosis) fix(steps ...cards.Step) {
	d.Next, d.Command = steps, steps[0].Command
}
