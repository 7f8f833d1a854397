package provision

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"sfstore/ui/cards"

	"sfstore/ui"
)

// Result is the --json document of a run: what was reused, created and
// changed, the rule and its mappings, the revision, the sync figures and
// every write with what became of it.
type Result struct {
	Store    ref         `json:"store"`
	DryRun   bool        `json:"dryRun,omitempty"`
	Outcome  string      `json:"outcome"`
	Reused   []ref       `json:"reused"`
	Created  []ref       `json:"created"`
	Changed  []ref       `json:"changed"`
	Rule     *ruleJSON   `json:"rule,omitempty"`
	Mappings []Row       `json:"mappings"`
	Revision *ref        `json:"revision,omitempty"`
	Sync     *Figures    `json:"sync,omitempty"`
	Writes   []WriteView `json:"writes"`
	Warnings []string    `json:"warnings,omitempty"`
	Error    any         `json:"error,omitempty"`
	// Rerun is the command that continues a run that stopped.
	Rerun string `json:"rerun,omitempty"`
}

type ref struct {
	What string `json:"what,omitempty"`
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

type ruleJSON struct {
	ID                   string `json:"id"`
	PopulationExpression string `json:"populationExpression"`
	Active               bool   `json:"active"`
}

// Outcomes of a run besides the watch's.
const (
	outcomeDryRun    = "dry run"
	outcomeStopped   = "stopped"
	outcomeCancelled = "cancelled"
	outcomeNothing   = "nothing to do"
)

// result builds the document from what was read, the writes and their
// views, and the IDs known now.
func result(st *state, d decisions, views []WriteView, ids *IDs) *Result {
	r := &Result{Store: ref{ID: st.Store.ID, Name: st.Store.Name}, Reused: []ref{}, Created: []ref{}, Changed: []ref{},
		Writes: views, Mappings: []Row{}}
	done := func(step, action string) bool {
		for _, v := range views {
			if v.Step == step && (action == "" || v.Action == action) && (v.Status == statusDone || v.Status == statusReadBack || v.Status == "") {
				return true
			}
		}
		return false
	}
	if st.Directory != nil {
		r.Reused = append(r.Reused, ref{What: stepDirectory, ID: st.Directory.ID, Name: st.Directory.Name})
	} else if ids.Directory != "" {
		r.Created = append(r.Created, ref{What: stepDirectory, ID: ids.Directory, Name: directoryName})
	}
	if st.Plan != nil {
		r.Reused = append(r.Reused, ref{What: stepPlan, ID: st.Plan.ID, Name: st.Plan.Name})
	} else if ids.Plan != "" {
		r.Created = append(r.Created, ref{What: stepPlan, ID: ids.Plan, Name: planName})
	}
	if st.Rule != nil {
		r.Reused = append(r.Reused, ref{What: stepRule, ID: st.Rule.ID, Name: st.Rule.Name})
	} else if ids.Rule != "" {
		r.Created = append(r.Created, ref{What: stepRule, ID: ids.Rule, Name: ruleName(st)})
	}
	for _, v := range views {
		if v.Status != statusDone && v.Status != statusReadBack && v.Status != "" {
			continue
		}
		switch {
		case v.Step == stepMapping && v.Action == "create":
			r.Created = append(r.Created, ref{What: v.Step, ID: v.ID, Name: v.Target})
		case v.Step == stepMapping, v.Step == stepStore, v.Step == stepRule && v.Action != "create", v.Step == stepPlan && v.Action != "create":
			r.Changed = append(r.Changed, ref{What: v.Step + " " + v.Action, ID: v.ID, Name: v.What})
		}
	}
	if ids.Rule != "" {
		active := (st.Rule != nil && st.Rule.Active) || done(stepRule, "activate")
		r.Rule = &ruleJSON{ID: ids.Rule, PopulationExpression: d.Expression, Active: active}
	}
	for _, row := range d.Rows {
		row.ID = ids.mapping(row.Target)
		r.Mappings = append(r.Mappings, row)
	}
	if ids.Revision != "" {
		r.Revision = &ref{ID: ids.Revision}
	}
	return r
}

// summary is the run's outcome in a few lines: what exists now, by ID.
// detailed lists each mapping in PingOne with its ID, for a run that
// stopped.
func (r *Result) summary(width int, detailed bool) string {
	var b strings.Builder
	line := func(what, how, id, extra string) {
		one := fmt.Sprintf("  %-16s %-8s %s%s", what, how, id, extra)
		// An ID (or a rule scope) on its own line rather than cut in two.
		if width < 72 || ansi.StringWidth(one) > width {
			fmt.Fprintf(&b, "  %s %s\n", what, how)
			// Wrapped between words; a word too long for the indent (a
			// quoted ID at 40 columns) takes less of one, whole.
			for _, l := range strings.Split(cards.Wrap(id+extra, width-4), "\n") {
				pad := "    "
				if ansi.StringWidth(pad+l) > width {
					pad = "  "
				}
				b.WriteString(pad + l + "\n")
			}
			return
		}
		b.WriteString(one + "\n")
	}
	for _, x := range r.Reused {
		line(x.What, "reused", x.ID, "")
	}
	for _, x := range r.Created {
		if x.What != stepMapping {
			line(x.What, "created", x.ID, "")
		}
	}
	if r.Rule != nil {
		state := "inactive"
		if r.Rule.Active {
			state = "active"
		}
		line("rule scope", state, r.Rule.PopulationExpression, "")
	}
	mapped := 0
	for _, m := range r.Mappings {
		if m.ID != "" {
			mapped++
		}
	}
	line("mappings", "", fmt.Sprintf("%d of %d in PingOne", mapped, len(r.Mappings)), "")
	if detailed {
		for _, m := range r.Mappings {
			if m.ID != "" {
				line("  "+m.Target, "", m.ID, "")
			}
		}
	}
	for _, x := range r.Changed {
		if x.What == "store enable" {
			line("store", "enabled", x.ID, "")
		}
	}
	if r.Revision != nil {
		line("revision", "created", r.Revision.ID, "")
	}
	return b.String()
}

// sayOutcome prints the summary on stdout (not with --json).
func sayOutcome(s *ui.Session, heading string, r *Result) error {
	if s.Opts.JSON {
		return nil
	}
	if err := s.Say(s.OutStyles.Section, heading); err != nil {
		return err
	}
	_, err := fmt.Fprint(s.Out, s.OutStyles.Clean(r.summary(s.OutWidth, false)))
	return err
}
