package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"sfstore/ui"
	"sfstore/ui/profile"
	"sfstore/ui/term"
)

func newProfileListCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:     "list",
		Short:   "List the saved profiles, the active one marked with *",
		Example: "  sfstore profile list\n  sfstore profile list --json | jq -r '.[].name'",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path, c, err := a.loadProfiles()
			if err != nil {
				return err
			}
			active, _ := a.profileNamed()
			if active == "" {
				active = c.Default
			}
			return a.plainSession(cmd, func(s *ui.Session) error { return listProfiles(s, path, c, active) })
		},
	}
}

// profileJSON is a profile as --json prints it.
type profileJSON struct {
	Name    string `json:"name"`
	Active  bool   `json:"active"`
	Default bool   `json:"default"`
	profile.Profile
}

func listProfiles(s *ui.Session, path string, c *profile.Config, active string) error {
	if s.Opts.JSON {
		out := []profileJSON{}
		for _, n := range c.Names() {
			out = append(out, profileJSON{Name: n, Active: n == active, Default: n == c.Default, Profile: c.Profiles[n]})
		}
		return s.WriteJSON(out)
	}
	if len(c.Profiles) == 0 {
		_, err := fmt.Fprintf(s.Out, "No profiles yet (sfstore profile add NAME saves one, in %s).\n", term.Line(path))
		return err
	}
	for _, n := range c.Names() {
		mark := " "
		if n == active {
			mark = "*"
		}
		p := c.Profiles[n]
		line := fmt.Sprintf("%s %-16s %-4s %s", mark, n, p.Region, term.Line(p.Description))
		if _, err := fmt.Fprintln(s.Out, strings.TrimRight(line, " ")); err != nil {
			return err
		}
	}
	return nil
}

func newProfileShowCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:     "show NAME",
		Short:   "Show what a profile holds (never a secret)",
		Example: "  sfstore profile show acme\n  sfstore profile show acme --json",
		Args:    oneProfile,
		RunE: func(cmd *cobra.Command, args []string) error {
			path, c, err := a.loadProfiles()
			if err != nil {
				return err
			}
			p, err := lookupProfile(c, args[0])
			if err != nil {
				return err
			}
			return a.plainSession(cmd, func(s *ui.Session) error { return showProfile(s, path, c, args[0], p) })
		},
	}
}

func showProfile(s *ui.Session, path string, c *profile.Config, name string, p profile.Profile) error {
	if s.Opts.JSON {
		return s.WriteJSON(profileJSON{Name: name, Default: name == c.Default, Profile: p})
	}
	auth := "worker app (its secret from the OS keyring, PINGONE_CLIENT_SECRET or a prompt)"
	if p.Auth == profile.AuthToken {
		auth = "an access token (PINGONE_API_ACCESS_TOKEN or a prompt)"
	}
	rows := [][2]string{
		{"Profile", name}, {"Description", p.Description}, {"Region", p.Region},
		{"API URL", p.APIURL}, {"Auth URL", p.AuthURL}, {"Sign-in", auth},
		{"Worker environment ID", p.WorkerEnvironmentID}, {"Worker client ID", p.WorkerClientID},
		{"Target environment ID", p.EnvironmentID}, {"File", path},
	}
	if p.EnvironmentID == "" && p.WorkerEnvironmentID != "" {
		rows[8][1] = "(the worker app's)"
	}
	for _, r := range rows {
		if r[1] == "" {
			continue
		}
		if _, err := fmt.Fprintf(s.Out, "%-22s %s\n", r[0]+":", term.Line(r[1])); err != nil {
			return err
		}
	}
	return nil
}
