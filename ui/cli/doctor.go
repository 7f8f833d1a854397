package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"sfstore/ui"
	"sfstore/ui/doctor"
	"sfstore/ui/stores"
)

func newDoctorCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "doctor [STORE]",
		Short: "Check the keyring, network, sign-in and permissions, or what provisions through a store",
		Long: `Check, in order, everything creating a store depends on: the OS keyring,
the proxy in effect, DNS and TLS to the PingOne hosts, the sign-in, the
target environment, and whether stores can be listed (the Environment Admin
role). Each check says ✓ or ✗ and what to do; later checks that depend on a
failed one are skipped.

With a STORE (its name or ID), check instead each link of the chain that
provisions users through it: the worker app's role, the store enabled, the
connection test, the directory store, the plan, a rule that targets the
store (active and scoped), its mappings (complete, and known to the store
metadata), published, the sync, the create and update switches, and
Communities. Each line says PASS, WARN or FAIL, the evidence, and the one
command that fixes it. Nothing is changed: only the connection test (and the
store metadata after it) connects to Salesforce, with the store's secrets
from PingOne, the keyring or a prompt.

Exit status: 0 when nothing fails (with a STORE, warnings alone exit 0);
1 when a check fails (✗, or a line that FAILs) or the store is not found;
2 for a usage error, such as more than one STORE; 130 when interrupted.`,
		Example: `  sfstore doctor --demo
  PINGONE_CLIENT_SECRET=… sfstore doctor --region EU --worker-environment-id … --worker-client-id …
  sfstore doctor --json | jq '.[] | select(.ok == false)'
  sfstore doctor --demo "Salesforce partner community"
  sfstore doctor "Salesforce production" --json | jq '.checks[] | select(.status != "PASS")'`,
		Args:              maxOneStore,
		ValidArgsFunction: a.completeStores,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				return a.storeRun(cmd, false, nil, func(ctx context.Context, s *ui.Session, p stores.Prompter) error {
					return stores.Doctor(ctx, s, p, args[0])
				})
			}
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

// maxOneStore takes no argument or one store name or ID.
func maxOneStore(cmd *cobra.Command, args []string) error {
	if len(args) > 1 {
		return usageError(cmd, fmt.Errorf("expected at most one store name or ID, got %d arguments (quote a name that has spaces)", len(args)))
	}
	return nil
}
