package wizard

import (
	"context"
	"fmt"

	"github.com/charmbracelet/huh"

	"sfstore/ui/cards"
	"sfstore/ui/provision"
	"sfstore/ui/term"
)

// reviewMappingsAccessible reads the table out as lines, then asks what to
// do with plain prompts. It reports whether the review is done.
func (w *Wizard) reviewMappingsAccessible(ctx context.Context, r *provision.Review) (bool, error) {
	fmt.Fprintln(w.s.Err, "\n"+cards.Wrap(w.titleText("Provision users, step 2 of 3: mappings, Salesforce attribute from PingOne"), w.s.ErrWidth))
	if r.Note != "" {
		fmt.Fprintln(w.s.Err, cards.Wrap(term.Line(r.Note), w.s.ErrWidth))
	}
	for i, row := range inertRows(r.Rows) {
		req := ""
		if row.Required {
			req = ", required"
		}
		from := row.Source
		if row.Expression != "" {
			from = "the expression " + row.Expression
		}
		// Wrapped between words: the terminal would cut a long expression
		// mid-word.
		fmt.Fprintln(w.s.Err, cards.Wrap(fmt.Sprintf("%d. %s from %s%s", i+1, row.Target, from, req), w.s.ErrWidth))
	}
	problems := r.Check(r.Rows)
	for _, p := range problems {
		w.s.Notice(w.st.Bad, "✗ "+p)
	}
	what := "done"
	opts := []huh.Option[string]{huh.NewOption("Continue with these mappings", "done"),
		huh.NewOption("Change a row", "edit"), huh.NewOption("Add a row", "add"), huh.NewOption("Drop a row", "drop")}
	if len(problems) > 0 {
		what, opts = "edit", opts[1:]
	}
	if err := w.run(ctx, w.form(huh.NewGroup(choice(w, "What now?", "Required rows cannot be dropped.", &what, opts...)))); err != nil {
		return false, err
	}
	if what == "done" {
		return true, nil
	}
	if what == "add" {
		return false, w.actOnRow(ctx, r, what, len(r.Rows))
	}
	i := 0
	rowOpts := make([]huh.Option[int], 0, len(r.Rows))
	for j, row := range inertRows(r.Rows) {
		rowOpts = append(rowOpts, huh.NewOption(fmt.Sprintf("%s from %s", row.Target, row.From()), j))
	}
	if err := w.run(ctx, w.form(huh.NewGroup(choice(w, "Which row?", "", &i, rowOpts...)))); err != nil {
		return false, err
	}
	if what == "drop" && r.Rows[i].Required {
		w.s.Notice(w.st.Bad, "✗ "+term.Line(r.Rows[i].Target)+" is required to create a Salesforce user: change it instead.")
		return false, nil
	}
	return false, w.actOnRow(ctx, r, what, i)
}
