package provision

import (
	"context"
	"fmt"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/settings"
	"sfstore/ui/stores"
	"sfstore/ui/term"
)

// A Prompter makes provision's decisions: the store commands' (sign-in,
// which store, secrets) and its own. The wizard asks; Script answers from
// the flags.
type Prompter interface {
	stores.Prompter
	// PickStore asks which Salesforce store to provision when none was
	// named.
	PickStore(ctx context.Context, all []api.Store) (api.Store, error)
	// PickPopulation asks which population the rule provisions, and
	// returns its ID; current is preselected.
	PickPopulation(ctx context.Context, pops []PopulationOption, current string) (string, error)
	// ReviewMappings shows the mappings and lets the person change, add
	// or drop rows; it returns once r.Check finds no problem.
	ReviewMappings(ctx context.Context, r *Review) error
	// ConfirmWrites lists the writes and asks whether to send them.
	ConfirmWrites(ctx context.Context, writes []WriteView) (bool, error)
	// Progress runs work whose progress line (the sync figures) changes.
	Progress(ctx context.Context, title string, work func(ctx context.Context, report func(string)) error) error
}

// PopulationOption is one population to offer.
type PopulationOption struct {
	ID, Name string
	Default  bool
}

// Label is how the option reads in a list.
func (o PopulationOption) Label() string {
	l := o.Name + " · " + o.ID
	if o.Default {
		l = o.Name + " (default) · " + o.ID
	}
	return l
}

// Row is one mapping of the review: a Salesforce target from a PingOne
// source attribute or an expression.
type Row struct {
	Target     string `json:"targetAttribute"`
	Source     string `json:"sourceAttribute,omitempty"`
	Expression string `json:"expression,omitempty"`
	Required   bool   `json:"required,omitempty"`
	ID         string `json:"id,omitempty"` // the existing mapping's
}

// From is the row's source or expression, as the review shows it.
func (r Row) From() string {
	if r.Expression != "" {
		return "= " + r.Expression
	}
	return r.Source
}

// Review is the mapping review: the rows, the targets PingOne lists (for
// adding one), and the check that refuses a required row dropped or
// emptied.
type Review struct {
	Rows    []Row
	Targets []string // known Salesforce target names, for adding a row
	Note    string   // e.g. where the target names come from
	Check   func([]Row) []string
}

// Script is provision's Prompter without a terminal: the flags decide.
type Script struct {
	*stores.Script
	s *ui.Session
}

// NewScript returns the Prompter of a run without prompts.
func NewScript(s *ui.Session) *Script { return &Script{Script: stores.NewScript(s, false), s: s} }

var _ Prompter = (*Script)(nil)

// errNameTheStore stops a script that named no store.
var errNameTheStore = &settings.InputError{Problems: []string{
	"name the store to provision: its name or ID (sfstore list shows them)"}}

// PickStore cannot choose.
func (p *Script) PickStore(context.Context, []api.Store) (api.Store, error) {
	return api.Store{}, errNameTheStore
}

// PickPopulation is not asked of a script: the flags, the rule or the
// default population decide.
func (p *Script) PickPopulation(_ context.Context, _ []PopulationOption, current string) (string, error) {
	return current, nil
}

// ReviewMappings shows nothing: --map and --map-expr already apply.
func (p *Script) ReviewMappings(_ context.Context, r *Review) error {
	if problems := r.Check(r.Rows); len(problems) > 0 {
		return &settings.InputError{Problems: problems}
	}
	return nil
}

// ConfirmWrites goes ahead: running the command is the confirmation.
func (p *Script) ConfirmWrites(context.Context, []WriteView) (bool, error) { return true, nil }

// Progress prints title, then each progress line that differs from the
// last, for a log.
func (p *Script) Progress(ctx context.Context, title string, work func(context.Context, func(string)) error) error {
	fmt.Fprintln(p.s.Err, term.Line(title)+"…")
	last := ""
	err := work(ctx, func(line string) {
		if line != last {
			last = line
			fmt.Fprintln(p.s.Err, "  "+term.Line(line))
		}
	})
	if ctx.Err() != nil {
		return ui.ErrCancelled
	}
	return err
}
