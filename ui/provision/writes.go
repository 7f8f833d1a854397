package provision

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"sfstore/api"
)

// Steps of the chain a write is about.
const (
	stepDirectory = "directory store"
	stepPlan      = "plan"
	stepRule      = "rule"
	stepMapping   = "mapping"
	stepStore     = "store"
	stepRevision  = "revision"
)

// A Write is one request provision sends, planned before anything is
// sent: the dry run prints the list, the run executes it in order and the
// JSON reports it. Each is a call of the api client, so what is printed
// is what that call sends (describe records it without sending). IDs not
// known until an earlier write is done (the new rule's) come from the
// run's IDs when it is sent.
type Write struct {
	Step   string // one of the step* constants
	Action string // "create", "update", "delete", "enable", "activate", "publish"
	What   string // e.g. "the rule PingOne → Salesforce production"
	Why    string
	target string // a mapping's target attribute
	// send makes the request and records any new ID in ids.
	send func(ctx context.Context, c *api.Client, ids *IDs) error
	// landed reads PingOne again after an answer that was lost (a
	// timeout, a reset, a 5xx) and says whether the write is in, recording
	// any new ID; never a guess.
	landed func(ctx context.Context, c *api.Client, ids *IDs) (bool, error)
}

// IDs are the IDs a run knows: those read, and those its writes create.
type IDs struct {
	Env, Store, Directory, Plan, Rule, Revision string
	Mappings                                    map[string]string // by target, lower case
}

func (ids *IDs) clone() *IDs {
	c := *ids
	c.Mappings = map[string]string{}
	for k, v := range ids.Mappings {
		c.Mappings[k] = v
	}
	return &c
}

func (ids *IDs) mapping(target string) string { return ids.Mappings[strings.ToLower(target)] }

func (ids *IDs) setMapping(target, id string) {
	if ids.Mappings == nil {
		ids.Mappings = map[string]string{}
	}
	ids.Mappings[strings.ToLower(target)] = id
}

// WriteView is a write as printed and reported: secrets masked.
type WriteView struct {
	Step   string `json:"step"`
	Action string `json:"action"`
	What   string `json:"what"`
	Why    string `json:"why"`
	Target string `json:"target,omitempty"` // a mapping's
	Method string `json:"method"`
	Path   string `json:"path"`
	Body   any    `json:"body,omitempty"`
	// Status is what became of it: "done", "done (read back)", "failed",
	// "not sent"; empty in a dry run.
	Status string `json:"status,omitempty"`
	ID     string `json:"id,omitempty"`
}

// dryRunText is the dry run's listing: each request with its body.
func dryRunText(views []WriteView) string {
	if len(views) == 0 {
		return "# Nothing to write: PingOne already holds all of it.\n"
	}
	var b strings.Builder
	for i, v := range views {
		fmt.Fprintf(&b, "# %d. %s: %s\n%s %s\n", i+1, v.What, v.Why, v.Method, v.Path)
		if raw, ok := v.Body.(json.RawMessage); ok {
			var pretty bytes.Buffer
			if json.Indent(&pretty, raw, "", "  ") == nil {
				b.Write(pretty.Bytes())
				b.WriteString("\n")
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}
