package cli

import (
	"github.com/spf13/cobra"

	"sfstore/ui/doctor"
)

func newDoctorCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "doctor",
		Short: "Check the keyring, network, sign-in and permissions",
		Long: `Check, in order, everything creating a store depends on: the OS keyring,
the proxy in effect, DNS and TLS to the PingOne hosts, the sign-in, the
target environment, and whether stores can be listed (the Environment Admin
role). Each check says ✓ or ✗ and what to do; later checks that depend on a
failed one are skipped.`,
		Example: `  sfstore doctor --demo
  PINGONE_CLIENT_SECRET=… sfstore doctor --region EU --worker-environment-id … --worker-client-id …
  sfstore doctor --json | jq '.[] | select(.ok == false)'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ans, _, opts, err := a.setup("", nil)
			if err != nil {
				return err
			}
			s, stop, err := a.newSession(cmd, ans, opts)
			if err != nil {
				return err
			}
			defer stop()
			return doctor.Run(cmd.Context(), s)
		},
	}
}
