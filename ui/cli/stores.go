package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"sfstore/ui"
	"sfstore/ui/stores"
	"sfstore/ui/wizard"
)

// The commands for stores that exist (package stores), for the people
// whose provisioning stopped: list, show, test and publish here;
// reconnect, edit and delete in stores_change.go. Each signs in to PingOne
// with the global flags, as create does.

// storeRun builds a store command's session (answers from the environment
// and the global flags) and its prompter, the wizard in a terminal and a
// script otherwise, and runs it. prepare sets the command's own options.
func (a *app) storeRun(cmd *cobra.Command, yes bool, prepare func(*ui.Options) error,
	run func(ctx context.Context, s *ui.Session, p stores.Prompter) error) error {
	ans, _, opts, err := a.setup("", nil)
	if err != nil {
		return err
	}
	if prepare != nil {
		if err := prepare(&opts); err != nil {
			return err
		}
	}
	s, stop, err := a.newSession(cmd, ans, opts)
	if err != nil {
		return err
	}
	defer stop()
	var p stores.Prompter = wizard.New(s)
	if s.Opts.NoInput {
		p = stores.NewScript(s, yes)
	}
	return run(cmd.Context(), s, p)
}

// oneStore takes exactly one store name or ID.
func oneStore(cmd *cobra.Command, args []string) error {
	switch {
	case len(args) == 0:
		return usageError(cmd, errors.New("name the store: its name or ID (sfstore list shows them)"))
	case len(args) > 1:
		return usageError(cmd, fmt.Errorf("expected one store name or ID, got %d arguments (quote a name that has spaces)", len(args)))
	}
	return nil
}

func newListCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the environment's Salesforce stores with their sync state",
		Long: `List the target environment's Salesforce stores, every page of them: name,
ID, status, sync state, last sync and failed count. With --json, the stores
as PingOne returns them, secrets masked.`,
		Example: `  sfstore list --demo
  sfstore list --region EU --environment-id 5c3b0a7e-…
  sfstore list --json | jq -r '.[] | [.id, .name, .syncStatus.syncState] | @tsv'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.storeRun(cmd, false, nil, stores.List)
		},
	}
}

func newShowCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "show NAME|ID",
		Short: "Show one store: its settings, why its sync fails, and what to do",
		Long: `Show one Salesforce store: its settings (secrets masked), its sync status
with PingOne's details in plain words, and what to do next: an expired or
revoked Salesforce session points to sfstore reconnect, a missing profile to
sfstore edit. A name several stores share lists them; give the ID instead.`,
		Example: `  sfstore show --demo "Salesforce partner community"
  sfstore show 9d4b7e20-1c5a-4f3e-8a62-b7e1d9c0f5a3 --json | jq .diagnosis`,
		Args:              oneStore,
		ValidArgsFunction: a.completeStores,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.storeRun(cmd, false, nil, func(ctx context.Context, s *ui.Session, p stores.Prompter) error {
				return stores.Show(ctx, s, p, args[0])
			})
		},
	}
}

func newTestCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "test NAME|ID",
		Short: "Ask PingOne to connect to Salesforce with a store's stored settings",
		Long: `Ask PingOne to test the connection to Salesforce with the store's stored
configuration, and say what failed. Nothing is changed. If PingOne does not
return the store's secrets, they come from SALESFORCE_CLIENT_SECRET,
SALESFORCE_ACCESS_TOKEN and SALESFORCE_REFRESH_TOKEN, the keyring, or a prompt.`,
		Example: `  sfstore test --demo "Salesforce partner community"
  sfstore test "Salesforce production" --no-input --json`,
		Args:              oneStore,
		ValidArgsFunction: a.completeStores,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.storeRun(cmd, false, nil, func(ctx context.Context, s *ui.Session, p stores.Prompter) error {
				return stores.Test(ctx, s, p, args[0])
			})
		},
	}
}

func newPublishCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "publish",
		Short: "Create a propagation revision, so the admin console shows the changes",
		Long: `Create a propagation revision in the target environment. Stores created,
changed or deleted through the API show in the PingOne admin console only
after a new revision, and a revision starts a resync of the environment's
stores (with deprovisioning on, a deleted store's users are deprovisioned).`,
		Example: `  sfstore publish --demo
  sfstore publish --region EU --environment-id 5c3b0a7e-… --json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.storeRun(cmd, false, nil, stores.Publish)
		},
	}
}
