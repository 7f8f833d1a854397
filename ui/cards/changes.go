package cards

import (
	"sfstore/ui/settings"
)

// RenderChanges lists what an edit or a reconnect changes, one field a row
// as old → new, secrets masked. A secret PingOne did not return reads as
// such rather than as empty, so a replaced secret is not mistaken for a
// new one. Width is the terminal width.
func RenderChanges(st Styles, old, new settings.Answers, width int) string {
	changed := settings.Changes(old, new)
	if len(changed) == 0 {
		return st.Muted.Render("No changes: the store would be sent back as PingOne holds it.")
	}
	rows := make([]row, 0, len(changed))
	for _, f := range changed {
		from, to := shown(f, old, "(not returned by PingOne)"), shown(f, new, "(none)")
		if f.Kind == settings.Secret && from == to {
			to += " (a new value)" // two secrets can end alike
		}
		rows = append(rows, row{Label: f.Label, Value: from + " → " + to})
	}
	return st.table(rows, width)
}

// shown is the field's value as the review shows it, or what stands for an
// empty one.
func shown(f *settings.Field, a settings.Answers, emptySecret string) string {
	switch {
	case !f.Applies(a):
		return "(not sent)"
	case f.Kind == settings.Secret && f.Get(&a) == "":
		return emptySecret
	case f.Kind == settings.Text && f.Get(&a) == "":
		return "(none)"
	}
	return f.Show(a)
}
