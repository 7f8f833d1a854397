package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"sfstore/ui"
	"sfstore/ui/settings"
	"sfstore/ui/stores"
	"sfstore/ui/wizard"
)

// confirm asks a yes/no question before something that cannot be undone,
// through the wizard's own prompt runner (its signal handling and terminal
// restore included). Without a terminal nobody can answer, so the flag
// that says yes up front is required instead (exit 2, nothing done).
func (a *app) confirm(cmd *cobra.Command, s *ui.Session, question, yesFlag string) error {
	if s.Opts.NoInput {
		return &settings.InputError{Problems: []string{fmt.Sprintf("%s needs confirmation: pass %s (nothing was changed)", cmd.CommandPath(), yesFlag)}}
	}
	ok, err := wizard.New(s).Confirm(cmd.Context(), stores.Question{Title: question, Description: "No changes nothing."})
	switch {
	case err != nil:
		return err
	case !ok:
		return ui.ErrCancelled
	}
	return nil
}
