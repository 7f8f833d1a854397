package wizard

import (
	"context"
	"strings"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"sfstore/api/redact"
	"sfstore/ui"
)

// offerSaved looks the secrets up and, when the keyring has all of them,
// offers to reuse them. It reports whether they were reused.
func (w *Wizard) offerSaved(ctx context.Context, what string, wanted []ui.SavedSecret) (bool, error) {
	found, err := w.s.LookupSaved(ctx, w, wanted)
	if err != nil || found == nil {
		return false, err
	}
	reuse := true
	lines := make([]string, 0, len(wanted))
	for i, s := range wanted {
		lines = append(lines, s.Field.Label+"  "+redact.Mask(found[i]))
	}
	confirm := w.form(huh.NewGroup(
		huh.NewConfirm().Title("The keyring has saved secrets for " + w.st.Clean(what)).
			Description(strings.Join(lines, "\n") + "\nReuse them? Choose No to type new ones.").
			Affirmative("Reuse").Negative("Type new ones").Value(&reuse).WithButtonAlignment(lipgloss.Left),
	))
	if err := w.run(ctx, confirm); err != nil {
		return false, err
	}
	if reuse {
		w.s.Use(wanted, found)
	}
	return reuse, nil
}
