package wizard

import (
	"context"
	"strings"

	"github.com/charmbracelet/huh"

	"sfstore/ui"
	"sfstore/ui/term"
)

// accessibleListMax is how many options accessible mode reads out at
// once; a longer list is narrowed by a typed filter first.
const accessibleListMax = 50

// pick asks for one of opts with the wizard's picker, and returns the
// chosen value; value is preselected. Accessible mode asks with huh's
// numbered list instead, narrowed first when it is long.
//
// Labels and titles carry names from Salesforce and PingOne (profiles,
// accounts, environments), so they are made inert here, once, before
// either way of asking draws them.
func (w *Wizard) pick(ctx context.Context, heading, title, desc, note string, opts []pickOption, value string) (string, error) {
	heading, title, desc, note = term.Line(heading), term.Line(title), term.Sanitize(desc), term.Line(note)
	opts = inert(opts)
	if w.s.Opts.Accessible {
		return w.pickAccessible(ctx, heading, title, desc, note, opts, value)
	}
	m := newPicker(w.st, heading, title, desc, opts, value)
	m.note, m.canBack = note, w.canBack
	if err := w.runModel(ctx, m); err != nil {
		return "", err
	}
	switch {
	case m.cancelled:
		return "", ui.ErrCancelled
	case m.back:
		return "", errBack
	}
	return m.chosen, nil
}

// inert returns opts with their labels made inert for the terminal.
func inert(opts []pickOption) []pickOption {
	out := make([]pickOption, len(opts))
	for i, o := range opts {
		o.label, o.short = term.Line(o.label), term.Line(o.short)
		out[i] = o
	}
	return out
}

func (w *Wizard) pickAccessible(ctx context.Context, heading, title, desc, note string, opts []pickOption, value string) (string, error) {
	if note != "" {
		w.s.Notice(w.st.Warn, note)
	}
	if len(opts) > accessibleListMax {
		filter := ""
		f := w.form(huh.NewGroup(w.input(title+": filter", "The list has "+thousands(len(opts))+
			" entries. Type part of a name to narrow it, or press Enter to hear them all.", &filter, nil)).Title(heading))
		if err := w.run(ctx, f); err != nil {
			return "", err
		}
		needle := strings.ToLower(strings.TrimSpace(filter))
		kept := opts[:0:0]
		for _, o := range opts {
			if o.pinned || strings.Contains(strings.ToLower(o.label), needle) {
				kept = append(kept, o)
			}
		}
		opts = kept
	}
	hopts := make([]huh.Option[string], 0, len(opts))
	for _, o := range opts {
		hopts = append(hopts, huh.NewOption(o.label, o.value))
	}
	chosen := value
	f := w.form(huh.NewGroup(choice(w, title, desc, &chosen, hopts...)).Title(heading))
	if err := w.run(ctx, f); err != nil {
		return "", err
	}
	return chosen, nil
}

// countReal counts the listed options that match, leaving out the pinned
// ways out.
func (m *pickerModel) countReal() int {
	n := 0
	for _, i := range m.match {
		if !m.opts[i].pinned {
			n++
		}
	}
	return n
}
