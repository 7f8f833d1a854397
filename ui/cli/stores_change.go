package cli

import (
	"context"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"sfstore/api/endpoint"
	"sfstore/ui"
	"sfstore/ui/settings"
	"sfstore/ui/stores"
)

// changeFlags are the switches of the commands that change a store:
// reconnect and edit, like create's.
type changeFlags struct {
	save, test, allowDup, publish, sfLogin bool
	sfLoginURL, sfInstanceURL              string
	port                                   int
}

// add adds the switches; duplicateHelp, when set, adds
// --allow-duplicate-name with that help.
func (c *changeFlags) add(fs *pflag.FlagSet, login bool, duplicateHelp string) {
	fs.BoolVar(&c.save, "save-secrets", false, "with --no-input: save the secrets in the keyring (the wizard asks instead)")
	fs.BoolVar(&c.test, "test-connection", false, "ask PingOne to test the Salesforce connection first")
	fs.BoolVar(&c.publish, "publish", false, "create a propagation revision afterwards (starts a resync)")
	if duplicateHelp != "" {
		fs.BoolVar(&c.allowDup, "allow-duplicate-name", false, duplicateHelp)
	}
	if login {
		fs.BoolVar(&c.sfLogin, "salesforce-login", false, "sign in with the browser to get the tokens, also with --no-input")
	}
	fs.StringVar(&c.sfLoginURL, "salesforce-login-url", "", "where to sign in (default https://{salesforce domain}; https://test.salesforce.com for sandboxes)")
	fs.StringVar(&c.sfInstanceURL, "salesforce-instance-url", "", "where to check a token (default https://{salesforce domain})")
	fs.IntVar(&c.port, "callback-port", 0, "the sign-in's loopback port (default 7717)")
	inGroup(fs, groupRun, "save-secrets", "test-connection", "allow-duplicate-name", "publish")
	inGroup(fs, settings.StepSalesforce.String(), "salesforce-login", "salesforce-login-url", "salesforce-instance-url", "callback-port")
}

// options applies the switches; the session sets NoInput, so the script's
// choices are made in run.
func (c *changeFlags) options(opts *ui.Options) error {
	if c.port < 0 || c.port > 65535 {
		return &settings.InputError{Problems: []string{"--callback-port: expected a port number from 1 to 65535"}}
	}
	// Before anything is sent: a token or a client secret goes there.
	for _, u := range []struct{ flag, value string }{{"--salesforce-login-url", c.sfLoginURL}, {"--salesforce-instance-url", c.sfInstanceURL}} {
		if u.value == "" {
			continue
		}
		if _, err := endpoint.Check(u.flag, u.value); err != nil {
			return &settings.InputError{Problems: []string{err.Error()}}
		}
	}
	opts.TestConnection, opts.AllowDuplicateName, opts.Publish = c.test, c.allowDup, c.publish
	opts.Salesforce = ui.SalesforceOptions{LoginURL: c.sfLoginURL, InstanceURL: c.sfInstanceURL, CallbackPort: c.port, Login: c.sfLogin}
	return nil
}

// scripted sets what only a script is told by flags: the wizard's review
// asks whether to save the secrets.
func (c *changeFlags) scripted(s *ui.Session) {
	if s.Opts.NoInput {
		s.Answers.SaveSecrets = c.save
	}
}

func newReconnectCmd(a *app) *cobra.Command {
	c := &changeFlags{}
	cmd := &cobra.Command{
		Use:   "reconnect NAME|ID",
		Short: "Put new Salesforce tokens (and optionally a new client secret) on a store",
		Long: `Get new Salesforce tokens the way the wizard does (the browser sign-in with
PKCE, or pasted; SALESFORCE_ACCESS_TOKEN and SALESFORCE_REFRESH_TOKEN in a
script, or --salesforce-login), optionally a new client secret
(SALESFORCE_CLIENT_SECRET), check the access token against the org, then send
one PUT of the whole store with only those values changed.

If PingOne returns the stored client secret masked or not at all, it comes
from the keyring (saved at creation), the environment, or a prompt: a masked
value is never sent back. Afterwards sfstore offers to publish (--publish in
scripts).`,
		Example: `  sfstore reconnect --demo "Salesforce partner community"
  SALESFORCE_ACCESS_TOKEN=… SALESFORCE_REFRESH_TOKEN=… sfstore reconnect "Salesforce production" --no-input --publish
  sfstore reconnect 9d4b7e20-1c5a-4f3e-8a62-b7e1d9c0f5a3 --no-input --salesforce-login`,
		Args:              oneStore,
		ValidArgsFunction: a.completeStores,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.storeRun(cmd, false, c.options, func(ctx context.Context, s *ui.Session, p stores.Prompter) error {
				c.scripted(s)
				_, err := stores.Reconnect(ctx, s, p, args[0])
				return err
			})
		},
	}
	c.add(cmd.Flags(), true, "")
	return cmd
}

func newEditCmd(a *app) *cobra.Command {
	c := &changeFlags{}
	var store *settings.Flags
	cmd := &cobra.Command{
		Use:   "edit NAME|ID",
		Short: "Change a store's settings: the wizard, prefilled, with old → new at the review",
		Long: `Change a store's settings. In a terminal the wizard opens at the review,
prefilled with the store's settings and any flags given, and shows each
change as old → new; every step is one edit away. With --no-input the store
flags given are the changes. Either way, one PUT of the whole store.`,
		Example: `  sfstore edit --demo "Salesforce partner community"
  sfstore edit "Salesforce production" --no-input --profile-id 00e5g000004Xq2bAAC --publish
  sfstore edit 3f6c2a1e-8b4d-4e7a-9c15-6d2e8f0a4b71 --no-input --description "Employees to Sales Cloud"`,
		Args:              oneStore,
		ValidArgsFunction: a.completeStores,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.storeRun(cmd, false, c.options, func(ctx context.Context, s *ui.Session, p stores.Prompter) error {
				c.scripted(s)
				_, err := stores.Edit(ctx, s, p, args[0], store.Apply)
				return err
			})
		},
	}
	c.add(cmd.Flags(), false, "rename even if another Salesforce store has the new name")
	store = settings.AddFlags(cmd.Flags(), settings.StepStore, settings.StepSalesforce, settings.StepProvisioning, settings.StepCommunities)
	return cmd
}

func newDeleteCmd(a *app) *cobra.Command {
	var o stores.DeleteOptions
	cmd := &cobra.Command{
		Use:   "delete NAME|ID",
		Short: "Delete a store, after typing its name",
		Long: `Delete a Salesforce store. In a terminal, type the store's name (or ID) to
confirm. Without one, --yes is required: without it nothing is deleted and
the exit code is 2. Afterwards sfstore offers to forget the store's saved
secrets (--forget-secrets) and to publish (--publish); with deprovisioning
on, the revision deprovisions the store's users.`,
		Example: `  sfstore delete --demo "Salesforce production"
  sfstore delete 3f6c2a1e-8b4d-4e7a-9c15-6d2e8f0a4b71 --no-input --yes --forget-secrets --publish`,
		Args:              oneStore,
		ValidArgsFunction: a.completeStores,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.storeRun(cmd, o.Yes, nil, func(ctx context.Context, s *ui.Session, p stores.Prompter) error {
				return stores.Delete(ctx, s, p, args[0], o)
			})
		},
	}
	fs := cmd.Flags()
	fs.BoolVar(&o.Yes, "yes", false, "delete without typing the name (required with --no-input)")
	fs.BoolVar(&o.ForgetSecrets, "forget-secrets", false, "with --no-input: also forget the store's saved secrets")
	fs.BoolVar(&o.Publish, "publish", false, "with --no-input: create a propagation revision afterwards")
	return cmd
}
