package cli

import (
	"github.com/spf13/cobra"
)

func newRoot(a *app) *cobra.Command {
	c := &createCmd{app: a}
	root := &cobra.Command{
		Use:   "sfstore",
		Short: "Create and look after PingOne Salesforce propagation stores",
		Long: `sfstore creates a PingOne identity propagation store of type Salesforce.
In a terminal it asks for every setting; in a script every answer comes from
flags, the environment or a file. Secrets stay in the OS keyring.

Answers come, highest first, from flags, environment variables, a --from
file, the profile (--profile NAME or SFSTORE_PROFILE: a saved PingOne
connection, see sfstore profile --help), then the defaults.

When provisioning stops, list, show, test, reconnect, edit, delete and
publish look after the stores that exist.

Secrets are never flags. They come from the environment, a --from file,
the keyring or a prompt:
  PINGONE_CLIENT_SECRET      the worker app's client secret
  PINGONE_API_ACCESS_TOKEN   a ready PingOne token instead of a worker app
  SALESFORCE_CLIENT_SECRET   the Salesforce app's consumer secret
  SALESFORCE_ACCESS_TOKEN, SALESFORCE_REFRESH_TOKEN   its OAuth tokens`,
		Example: `  # Try it with no account: a built-in PingOne answers
  sfstore --demo

  # The wizard, against your PingOne organization in Europe
  sfstore --region EU

  # A scripted run from a body file, secrets from the environment
  sfstore --no-input --from testdata/store.json --environment-id 5c3b0a7e-… --json

  # Save a customer's PingOne connection once, then name it
  sfstore profile add acme
  sfstore --profile acme list

  # Why a store stopped provisioning, and new tokens for it
  sfstore show "Salesforce production"
  sfstore reconnect "Salesforce production"`,
		Version:           a.deps.Version,
		Args:              noArgs,
		SilenceErrors:     true,
		SilenceUsage:      true,
		RunE:              c.run,
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: false},
	}
	root.SetVersionTemplate("sfstore {{.Version}}\n")
	root.SetFlagErrorFunc(usageError)
	setHelp(root)
	a.addGlobalFlags(root)
	c.addFlags(root)
	root.AddCommand(
		newCreateCmd(a),
		newListCmd(a),
		newShowCmd(a),
		newTestCmd(a),
		newReconnectCmd(a),
		newEditCmd(a),
		newDeleteCmd(a),
		newPublishCmd(a),
		newProvisionCmd(a),
		newDoctorCmd(a),
		newSecretsCmd(a),
		newProfileCmd(a),
		newVersionCmd(a),
	)
	return root
}

func newVersionCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version and the source revision it was built from",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := cmd.OutOrStdout().Write([]byte("sfstore " + a.deps.Version + "\n"))
			return err
		},
	}
}
