package cli

import (
	"github.com/spf13/cobra"

	"sfstore/ui"
	"sfstore/ui/secretscmd"
	"sfstore/ui/settings"
)

func newSecretsCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "secrets",
		Short: "List or forget the secrets sfstore saved in the OS keyring",
		Long: `sfstore saves secrets in the OS keyring under the service "sfstore", and
keeps an index of their names (never their values) beside them.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usageError(cmd, errNeedsSubcommand)
		},
	}
	cmd.AddCommand(newSecretsListCmd(a), newSecretsForgetCmd(a))
	return cmd
}

var errNeedsSubcommand = &settings.InputError{Problems: []string{"sfstore secrets needs list or forget; see sfstore secrets --help"}}

func (a *app) plainSession(cmd *cobra.Command, run func(s *ui.Session) error) error {
	opts, err := a.options()
	if err != nil {
		return err
	}
	s, stop, err := a.newSession(cmd, settings.Defaults(), opts)
	if err != nil {
		return err
	}
	defer stop()
	return run(s)
}

func newSecretsListCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:     "list",
		Short:   "List what sfstore saved: which secret, for which app, and when; never a value",
		Example: "  sfstore secrets list\n  sfstore secrets list --json",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.plainSession(cmd, func(s *ui.Session) error { return secretscmd.List(cmd.Context(), s) })
		},
	}
}

func newSecretsForgetCmd(a *app) *cobra.Command {
	var t secretscmd.Target
	var yes bool
	cmd := &cobra.Command{
		Use:   "forget",
		Short: "Remove saved secrets: one Salesforce app's, one worker app's, or all",
		Example: `  sfstore secrets forget --salesforce-domain acme.my.salesforce.com --client-id 3MVG9…
  sfstore secrets forget --worker-environment-id … --worker-client-id …
  sfstore secrets forget --all
  sfstore secrets forget --all --yes    # in a script`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// The worker app's IDs are global flags; only given ones count,
			// so the environment never picks what to forget.
			if cmd.Flags().Changed("worker-environment-id") && cmd.Flags().Changed("worker-client-id") {
				ans, _, err := a.answers("", nil)
				if err != nil {
					return err
				}
				t.WorkerEnvironmentID, t.WorkerClientID = ans.WorkerEnvironmentID, ans.WorkerClientID
			}
			if !t.All && (t.SalesforceDomain == "" || t.ClientID == "") && (t.WorkerEnvironmentID == "" || t.WorkerClientID == "") {
				return secretscmd.ErrForgetWhat
			}
			return a.plainSession(cmd, func(s *ui.Session) error {
				if t.All && !yes {
					if err := a.confirm(cmd, s, "Remove every secret sfstore saved in this keyring?", "--yes"); err != nil {
						return err
					}
				}
				return secretscmd.Forget(cmd.Context(), s, t)
			})
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&t.SalesforceDomain, "salesforce-domain", "", "the org's domain of the app whose secrets to forget")
	fs.StringVar(&t.ClientID, "client-id", "", "the app's client ID (consumer key)")
	fs.BoolVar(&t.All, "all", false, "forget everything sfstore saved")
	fs.BoolVar(&yes, "yes", false, "with --all: do not ask for confirmation (needed without a terminal)")
	return cmd
}
