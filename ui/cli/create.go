package cli

import (
	"github.com/spf13/cobra"

	"sfstore/api/endpoint"
	"sfstore/ui"
	"sfstore/ui/settings"
	"sfstore/ui/wizard"
)

// createCmd holds the flags of a create: the store's settings and the
// switches of a scripted run.
type createCmd struct {
	app        *app
	store      *settings.Flags
	from       string
	dryRun     bool
	save       bool
	test       bool
	allowDup   bool
	publish    bool
	sfLogin    bool
	sfLoginURL string
	port       int
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
	fs.BoolVar(&c.save, "save-secrets", false, "with --no-input: save the secrets in the keyring")
	fs.BoolVar(&c.test, "test-connection", false, "ask PingOne to test the Salesforce connection first")
	fs.BoolVar(&c.allowDup, "allow-duplicate-name", false, "create even if a Salesforce store has the same name")
	fs.BoolVar(&c.publish, "publish", false, "create a propagation revision afterwards (starts a resync)")
	fs.BoolVar(&c.sfLogin, "salesforce-login", false, "sign in with the browser to get the tokens, also with --no-input")
	fs.StringVar(&c.sfLoginURL, "salesforce-login-url", "", "where to sign in (default https://{salesforce domain}; https://test.salesforce.com for sandboxes)")
	fs.IntVar(&c.port, "callback-port", 0, "the sign-in's loopback port (default 7717)")
	c.store = settings.AddFlags(fs, settings.StepStore, settings.StepSalesforce, settings.StepProvisioning, settings.StepCommunities)
	inGroup(fs, groupRun, "from", "dry-run", "save-secrets", "test-connection", "allow-duplicate-name", "publish")
	inGroup(fs, settings.StepSalesforce.String(), "salesforce-login", "salesforce-login-url", "callback-port")
}

func (c *createCmd) run(cmd *cobra.Command, _ []string) error {
	a := c.app
	if c.port < 0 || c.port > 65535 {
		return &settings.InputError{Problems: []string{"--callback-port: expected a port number from 1 to 65535"}}
	}
	if c.sfLoginURL != "" {
		if _, err := endpoint.Check("--salesforce-login-url", c.sfLoginURL); err != nil {
			return &settings.InputError{Problems: []string{err.Error()}}
		}
	}
	ans, warnings, opts, err := a.setup(c.from, c.store)
	if err != nil {
		return err
	}
	a.warn(warnings)
	opts.DryRun, opts.TestConnection, opts.AllowDuplicateName, opts.Publish = c.dryRun, c.test, c.allowDup, c.publish
	opts.Salesforce = ui.SalesforceOptions{LoginURL: c.sfLoginURL, CallbackPort: c.port, Login: c.sfLogin}
	s, stop, err := a.newSession(cmd, ans, opts)
	if err != nil {
		return err
	}
	defer stop()
	var p ui.Prompter = wizard.New(s)
	if s.Opts.NoInput {
		s.Answers.SaveSecrets = c.save
		p = ui.NewScript(s)
	}
	_, err = ui.Create(cmd.Context(), s, p)
	return err
}
