package wizard

import (
	"context"
	"errors"
	"strings"

	"github.com/charmbracelet/huh"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/provision"
	"sfstore/ui/stores"
	"sfstore/ui/term"
)

// provision's questions: which store, which population, the mapping
// review and the confirmation of the writes.

var _ provision.Prompter = (*Wizard)(nil)

// PickStore asks which Salesforce store to provision, with the fast
// picker.
func (w *Wizard) PickStore(ctx context.Context, all []api.Store) (api.Store, error) {
	opts := make([]pickOption, 0, len(all))
	for _, st := range all {
		opts = append(opts, pickOption{label: st.Name + " · " + st.Status + " · " + stores.SyncLabel(st) + " · " + st.ID, value: st.ID})
	}
	id, err := w.pick(ctx, w.titleText("Provision users"), "Which store?", "The Salesforce stores of environment "+w.a.TargetEnvironmentID()+".", "", opts, "")
	if err != nil {
		return api.Store{}, err
	}
	for _, st := range all {
		if st.ID == id {
			return st, nil
		}
	}
	return api.Store{}, ui.ErrCancelled
}

// PickPopulation asks which population the rule provisions, with the fast
// picker (an environment can have thousands); the default one is listed
// first.
func (w *Wizard) PickPopulation(ctx context.Context, pops []provision.PopulationOption, current string) (string, error) {
	opts := make([]pickOption, 0, len(pops))
	for _, p := range pops {
		opts = append(opts, pickOption{label: p.Label(), value: p.ID})
	}
	return w.pick(ctx, w.titleText("Provision users · 1 of 3 · Who"), "Which population?",
		"The rule provisions this population's users (populationExpression population.id eq \"…\"); --filter takes a SCIM filter instead.", "", opts, current)
}

// ReviewMappings shows the mapping table until the person continues with
// no problem left: enter changes a row, a adds one, d drops one (not a
// required one).
func (w *Wizard) ReviewMappings(ctx context.Context, r *provision.Review) error {
	cursor := 0
	for {
		if w.s.Opts.Accessible {
			done, err := w.reviewMappingsAccessible(ctx, r)
			if done || err != nil {
				return err
			}
			continue
		}
		m := &mappingModel{st: w.st, heading: w.titleText("Provision users · 2 of 3 · Mappings: Salesforce ← PingOne"),
			note: term.Line(r.Note), rows: inertRows(r.Rows), problems: r.Check(r.Rows), cursor: cursor}
		if err := w.runModel(ctx, m); err != nil {
			return err
		}
		if m.cancelled {
			return ui.ErrCancelled
		}
		cursor = m.cursor
		before := len(r.Rows)
		if err := w.actOnRow(ctx, r, m.chosen, m.cursor); errors.Is(err, errDone) {
			return nil
		} else if err != nil {
			return err
		}
		if len(r.Rows) > before {
			cursor = len(r.Rows) - 1 // on the row just added
		}
	}
}

// errDone ends the review.
var errDone = errors.New("done")

// actOnRow carries out the review's choice on row i.
func (w *Wizard) actOnRow(ctx context.Context, r *provision.Review, chosen string, i int) error {
	switch chosen {
	case "done":
		return errDone
	case "drop":
		r.Rows = append(r.Rows[:i:i], r.Rows[i+1:]...)
	case "edit":
		row, err := w.editRow(ctx, r, r.Rows[i], false)
		if err == nil {
			r.Rows[i] = row
		}
		return ignoreBack(err)
	case "add":
		row, err := w.editRow(ctx, r, provision.Row{}, true)
		if err == nil {
			r.Rows = append(r.Rows, row)
		}
		return ignoreBack(err)
	}
	return nil
}

func ignoreBack(err error) error {
	if errors.Is(err, errBack) {
		return nil
	}
	return err
}

// editRow asks for one row: its target (when added), whether it maps an
// attribute or an expression, and which. A required row cannot be
// emptied.
func (w *Wizard) editRow(ctx context.Context, r *provision.Review, row provision.Row, adding bool) (provision.Row, error) {
	kind := "attribute"
	value := row.Source
	if row.Expression != "" {
		kind, value = "expression", row.Expression
	}
	target := row.Target
	notEmpty := func(what string) func(string) error {
		return func(v string) error {
			if strings.TrimSpace(v) == "" {
				return errors.New(what + " is empty: type one (Esc keeps the row as it was)")
			}
			return nil
		}
	}
	var fields []huh.Field
	if adding {
		desc := "A Salesforce User attribute."
		if free := unmapped(r); len(free) > 0 {
			desc += " Not mapped yet: " + strings.Join(free, ", ") + "."
		}
		fields = append(fields, w.input("Salesforce attribute", term.Sanitize(desc), &target, notEmpty("the attribute")))
	}
	fields = append(fields,
		choice(w, "Map "+term.Line(orNew(target))+" from", "A PingOne attribute such as email or name.given, or a PingOne expression.", &kind,
			huh.NewOption("a PingOne attribute", "attribute"), huh.NewOption("an expression", "expression")),
		w.input("PingOne attribute or expression", "e.g. email, name.family, or 'en_US' for a literal.", &value, notEmpty("the value")))
	w.canBack = true
	defer func() { w.canBack = false }()
	if err := w.run(ctx, w.form(huh.NewGroup(fields...).Title(w.titleText("Mapping "+term.Line(orNew(target)))))); err != nil {
		return row, err
	}
	target, value = strings.TrimSpace(target), strings.TrimSpace(value)
	if target == "" || value == "" { // accessible mode can end a prompt without its validator
		w.s.Notice(w.st.Bad, "✗ The attribute and its value are both needed; the row is kept as it was.")
		return row, errBack
	}
	row.Target = target
	row.Source, row.Expression = value, ""
	if kind == "expression" {
		row.Source, row.Expression = "", value
	}
	return row, nil
}

// unmapped are a few of the targets PingOne lists that no row maps: the
// form must fit a small screen.
func unmapped(r *provision.Review) []string {
	var out []string
	for _, t := range r.Targets {
		mapped := false
		for _, row := range r.Rows {
			mapped = mapped || strings.EqualFold(row.Target, t)
		}
		if !mapped {
			out = append(out, term.Line(t))
		}
	}
	if len(out) > 6 {
		out = append(out[:6], "…")
	}
	return out
}

func orNew(target string) string {
	if target == "" {
		return "a new attribute"
	}
	return target
}

// inertRows returns rows with every text made inert: sources and targets
// read from PingOne reach the screen.
func inertRows(rows []provision.Row) []provision.Row {
	out := make([]provision.Row, len(rows))
	for i, r := range rows {
		r.Target, r.Source, r.Expression = term.Line(r.Target), term.Line(r.Source), term.Line(r.Expression)
		out[i] = r
	}
	return out
}
