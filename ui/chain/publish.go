package chain

import (
	"strings"
	"time"
)

// PublishState says whether PingOne runs what the API last set.
type PublishState string

// The publish states.
const (
	Published   PublishState = "published"   // no change is newer than the latest revision
	Unpublished PublishState = "unpublished" // a change is newer, or there is no revision
	CannotTell  PublishState = "cannot tell" // a date is missing or unreadable
)

// Stamp is when something of the chain last changed: What is "store",
// "rule" or "mapping", UpdatedAt PingOne's updatedAt ("" when it gave
// none).
type Stamp struct {
	What      string `json:"what"`
	ID        string `json:"id"`
	Name      string `json:"name,omitempty"`
	UpdatedAt string `json:"updatedAt,omitempty"`
}

// Publication compares the latest revision with the chain's changes.
type Publication struct {
	State      PublishState `json:"state"`
	RevisionAt string       `json:"revisionCreatedAt,omitempty"`
	// Newer are the changes made after the latest revision.
	Newer []Stamp `json:"newer,omitempty"`
	// Undated are the parts without a readable updatedAt.
	Undated []Stamp `json:"undated,omitempty"`
}

// Publish compares revisionAt, the latest revision's createdAt ("" when
// the environment has none), with stamps. A revision snapshots the plan,
// stores, rules and mappings, so anything updated after it is not yet
// what PingOne runs.
//
// UNCONFIRMED: that rules and mappings carry updatedAt (only the rule's
// create answer shows one), and that a sync does not move a store's
// updatedAt. A part without a date is listed in Undated, and the state is
// CannotTell unless a dated part already shows a newer change.
func Publish(revisionAt string, stamps []Stamp) Publication {
	p := Publication{RevisionAt: revisionAt}
	if strings.TrimSpace(revisionAt) == "" {
		p.State = Unpublished
		return p
	}
	rev, ok := parseTime(revisionAt)
	if !ok {
		p.State, p.Undated = CannotTell, stamps
		return p
	}
	for _, s := range stamps {
		t, ok := parseTime(s.UpdatedAt)
		switch {
		case !ok:
			p.Undated = append(p.Undated, s)
		case t.After(rev):
			p.Newer = append(p.Newer, s)
		}
	}
	switch {
	case len(p.Newer) > 0:
		p.State = Unpublished
	case len(p.Undated) > 0:
		p.State = CannotTell
	default:
		p.State = Published
	}
	return p
}

// parseTime reads PingOne's ISO 8601 times, with or without fractions.
func parseTime(s string) (time.Time, bool) {
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(s))
	return t, err == nil
}
