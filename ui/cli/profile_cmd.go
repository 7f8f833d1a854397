package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"sfstore/ui/profile"
	"sfstore/ui/settings"
	"sfstore/ui/term"
)

func newProfileCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "profile",
		Short: "Save, list, show or remove named PingOne connections",
		Long: `A profile is a saved PingOne connection: the region or API and auth
endpoints, the worker app's environment and client ID (or the token mode),
the target environment and a description. --profile NAME or SFSTORE_PROFILE
picks one for any command; flags and environment variables still win over
it, and it wins over the defaults.

Profiles live in sfstore/config.toml in the user's config directory
($XDG_CONFIG_HOME or ~/.config on Linux, ~/Library/Application Support on
macOS, %AppData% on Windows), which can be edited by hand. No secret is
ever written there: the worker secret goes to the OS keyring.`,
		Args: noArgs,
		PersistentPreRun: func(*cobra.Command, []string) {
			a.globals.profiles.skip = true // these manage profiles, they use none
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usageError(cmd, errors.New("sfstore profile needs add, list, show or remove"))
		},
	}
	cmd.AddCommand(newProfileAddCmd(a), newProfileListCmd(a), newProfileShowCmd(a), newProfileRemoveCmd(a))
	return cmd
}

// oneProfile takes exactly one profile name.
func oneProfile(cmd *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usageError(cmd, fmt.Errorf("expected one profile name, got %d arguments", len(args)))
	}
	if err := profile.CheckName(args[0]); err != nil {
		return usageError(cmd, fmt.Errorf("%q: %w", term.Line(args[0]), err))
	}
	return nil
}

// loadProfiles reads the config file, a malformed one being an
// InputError that names its line.
func (a *app) loadProfiles() (string, *profile.Config, error) {
	path, err := a.configFile()
	if err != nil {
		return "", nil, fmt.Errorf("profiles: %w", err)
	}
	c, err := profile.Load(path)
	var fe *profile.FileError
	if errors.As(err, &fe) {
		return path, nil, &settings.InputError{Problems: []string{fe.Error()}}
	}
	return path, c, err
}

// lookupProfile is c's profile name, or an InputError listing the others.
func lookupProfile(c *profile.Config, name string) (profile.Profile, error) {
	p, err := c.Lookup(name)
	if err != nil {
		return p, &settings.InputError{Problems: []string{err.Error()}}
	}
	return p, nil
}
