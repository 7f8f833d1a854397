package cli

import (
	"github.com/spf13/cobra"

	"sfstore/ui"
	"sfstore/ui/settings"
	"sfstore/ui/wizard"
)

// createCmd holds the flags of a create: the store's settings and the
// switches of a scripted run.
type createCmd struct {
	changeFlags
	app    *app
	store  *settings.Flags
	from   string
	dryRun bool
}

func newCreateCmd(a *app) *cobra.Command {
	c := &createCmd{app: a}
	cmd := &cobra.Command{
		Use:   "create",
		Short: "Create a Salesforce store (what sfstore does with no command)",
		Long: `Create a PingOne identity propagation store of type Salesforce.

In a terminal, a wizard asks for every setting, explains each one, and shows
the request before anything is sent. Every answer can also be given up front
with flags, the environment or a --from file; with --no-input (or without a
terminal) nothing is asked and anything missing is listed.

Secrets are never flags: PINGONE_CLIENT_SECRET (or PINGONE_API_ACCESS_TOKEN),
SALESFORCE_CLIENT_SECRET, SALESFORCE_ACCESS_TOKEN and SALESFORCE_REFRESH_TOKEN
give them, or the --from file, the keyring or a prompt.`,
		Example: `  sfstore create --demo
  sfstore create --region EU --name "Salesforce production" --salesforce-domain acme.my.salesforce.com
  sfstore create --no-input --from testdata/store.json --dry-run`,
		Args: noArgs,
		RunE: c.run,
	}
	c.addFlags(cmd)
	return cmd
}

func (c *createCmd) addFlags(cmd *cobra.Command) {
	fs := cmd.Flags()
	fs.StringVar(&c.from, "from", "", "a JSON create body (as in PingOne's docs); - reads stdin")
	fs.BoolVar(&c.dryRun, "dry-run", false, "validate, print the request and a curl recipe; send nothing")
	c.changeFlags.add(fs, true, "create even if a Salesforce store has the same name")
	c.store = settings.AddFlags(fs, settings.StepStore, settings.StepSalesforce, settings.StepProvisioning, settings.StepCommunities)
	inGroup(fs, groupRun, "from", "dry-run")
}

func (c *createCmd) run(cmd *cobra.Command, _ []string) error {
	a := c.app
	ans, warnings, opts, err := a.setup(c.from, c.store)
	if err != nil {
		return err
	}
	if err := c.options(&opts); err != nil {
		return err
	}
	a.warn(warnings)
	opts.DryRun = c.dryRun
	s, stop, err := a.newSession(cmd, ans, opts)
	if err != nil {
		return err
	}
	defer stop()
	c.scripted(s)
	w := wizard.New(s)
	var p ui.Prompter = w
	if s.Opts.NoInput {
		p = ui.NewScript(s)
	} else if !s.Opts.DryRun {
		s.ProvisionNext = a.provisionAfterCreate(s)
	}
	store, err := ui.Create(cmd.Context(), s, p)
	if err == nil && store != nil && !s.Opts.NoInput && !s.Opts.DryRun {
		// After the result: the store stays created whatever is answered.
		w.OfferSaveProfile(cmd.Context())
	}
	return err
}
