package cli

import (
	"errors"
	"fmt"

	"github.com/charmbracelet/huh"
	"github.com/spf13/cobra"

	"sfstore/ui"
	"sfstore/ui/settings"
	"sfstore/ui/wizard"
)

// confirm asks a yes/no question before something that cannot be undone.
// Without a terminal nobody can answer, so the flag that says yes up front
// is required instead (exit 2, nothing done).
func (a *app) confirm(cmd *cobra.Command, s *ui.Session, question, yesFlag string) error {
	if s.Opts.NoInput {
		return &settings.InputError{Problems: []string{fmt.Sprintf("%s needs confirmation: pass %s (nothing was changed)", cmd.CommandPath(), yesFlag)}}
	}
	ok := false
	// The wizard's theme marks the chosen button, so NO_COLOR shows it.
	err := huh.NewForm(huh.NewGroup(huh.NewConfirm().Title(question).Affirmative("Yes").Negative("No").Value(&ok))).
		WithTheme(wizard.Theme()).WithInput(s.In).WithOutput(s.Err).WithAccessible(s.Opts.Accessible).RunWithContext(cmd.Context())
	switch {
	case errors.Is(err, huh.ErrUserAborted), cmd.Context().Err() != nil:
		return ui.ErrCancelled
	case err != nil:
		return fmt.Errorf("confirm: %w", err)
	case !ok:
		return ui.ErrCancelled
	}
	return nil
}
