package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"sfstore/ui"
	"sfstore/ui/profile"
	"sfstore/ui/secretscmd"
)

func newProfileRemoveCmd(a *app) *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:   "remove NAME",
		Short: "Remove a profile and the worker secret saved for it",
		Long: `Remove a profile from the config file, and its worker app's secret from
the OS keyring unless another profile uses the same worker app. In a
terminal sfstore asks first; without one, pass --yes.`,
		Example: "  sfstore profile remove acme\n  sfstore profile remove acme --yes   # in a script",
		Args:    oneProfile,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.profileRemove(cmd, args[0], yes)
		},
	}
	cmd.Flags().BoolVar(&yes, "yes", false, "do not ask for confirmation (needed without a terminal)")
	return cmd
}

func (a *app) profileRemove(cmd *cobra.Command, name string, yes bool) error {
	path, c, err := a.loadProfiles()
	if err != nil {
		return err
	}
	if _, err := lookupProfile(c, name); err != nil {
		return err
	}
	return a.plainSession(cmd, func(s *ui.Session) error {
		if !yes {
			q := fmt.Sprintf("Remove profile %s and its saved worker secret?", name)
			if err := a.confirm(cmd, s, q, "--yes"); err != nil {
				return err
			}
		}
		var removed profile.Profile
		var sharedWith string
		err := profile.Update(cmd.Context(), path, func(c *profile.Config) error {
			var err error
			if removed, err = lookupProfile(c, name); err != nil {
				return err
			}
			delete(c.Profiles, name)
			if c.Default == name {
				c.Default = ""
			}
			for _, n := range c.Names() {
				if sameWorkerApp(c.Profiles[n], removed) && sharedWith == "" {
					sharedWith = n // still in use: keep its secret
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if err := s.Say(s.OutStyles.OK, "✓ Removed profile "+name+"."); err != nil {
			return err
		}
		if sharedWith != "" {
			s.Progress("Its worker secret stays in the keyring: profile %s uses the same worker app.", sharedWith)
			return nil
		}
		if removed.Auth == profile.AuthToken || removed.WorkerEnvironmentID == "" || removed.WorkerClientID == "" {
			return nil
		}
		t := secretscmd.Target{WorkerEnvironmentID: strings.ToLower(removed.WorkerEnvironmentID), WorkerClientID: strings.ToLower(removed.WorkerClientID)}
		if err := secretscmd.Forget(cmd.Context(), s, t); err != nil {
			if errors.Is(err, ui.ErrCancelled) {
				return err
			}
			s.Notice(s.ErrStyles.Warn, fmt.Sprintf("! The worker secret is still in the keyring (%v); sfstore secrets forget --worker-environment-id %s --worker-client-id %s removes it.", err, t.WorkerEnvironmentID, t.WorkerClientID))
			return &ui.ShownError{Err: fmt.Errorf("remove the worker secret: %w", err)}
		}
		return nil
	})
}

func sameWorkerApp(p, q profile.Profile) bool {
	return p.Auth != profile.AuthToken && q.Auth != profile.AuthToken && q.WorkerClientID != "" && strings.EqualFold(p.WorkerEnvironmentID, q.WorkerEnvironmentID) &&
		strings.EqualFold(p.WorkerClientID, q.WorkerClientID)
}
