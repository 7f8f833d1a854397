package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"sfstore/ui"
	"sfstore/ui/profile"
	"sfstore/ui/secretscmd"
	"sfstore/ui/settings"
	"sfstore/ui/term"
	"sfstore/ui/wizard"
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

type addFlags struct {
	auth, description  string
	replace, asDefault bool
}

func newProfileAddCmd(a *app) *cobra.Command {
	var f addFlags
	cmd := &cobra.Command{
		Use:   "add NAME",
		Short: "Save a PingOne connection under a name",
		Long: `Save a PingOne connection as a profile. In a terminal sfstore asks for it
as the wizard does, signing in to list the environments; every value can
also be a flag (the global --region, --api-url, --auth-url,
--worker-environment-id, --worker-client-id and --environment-id). The
worker secret, typed or from PINGONE_CLIENT_SECRET, goes to the OS keyring,
never to the profile.`,
		Example: `  sfstore profile add acme
  PINGONE_CLIENT_SECRET=… sfstore profile add acme --no-input --region EU \
    --worker-environment-id 5c3b0a7e-… --worker-client-id 0a1b2c3d-… --description "Acme production"
  sfstore profile add acme-token --no-input --auth token --region NA --environment-id 5c3b0a7e-…`,
		Args: oneProfile,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.profileAdd(cmd, args[0], f)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&f.auth, "auth", "", "how commands sign in: worker (a worker app, the default) or token (PINGONE_API_ACCESS_TOKEN)")
	fs.StringVar(&f.description, "description", "", "a note shown by sfstore profile list")
	fs.BoolVar(&f.replace, "replace", false, "replace a profile of the same name")
	fs.BoolVar(&f.asDefault, "default", false, "use this profile when neither --profile nor "+ProfileEnv+" names one")
	return cmd
}

func (a *app) profileAdd(cmd *cobra.Command, name string, f addFlags) error {
	if a.globals.demo {
		return usageError(cmd, errors.New("the demo's PingOne lives only while it runs, so it cannot be saved as a profile"))
	}
	path, c, err := a.loadProfiles()
	if err != nil {
		return err
	}
	if _, taken := c.Profiles[name]; taken && !f.replace {
		return &settings.InputError{Problems: []string{fmt.Sprintf("a profile %q exists (sfstore profile show %s); pass --replace to replace it", name, name)}}
	}
	if err := checkDescription(f.description); err != nil {
		return err
	}
	ans, _, opts, err := a.setup("", nil)
	if err != nil {
		return err
	}
	switch strings.ToLower(f.auth) {
	case "":
	case profile.AuthWorker:
		ans.AuthMethod = settings.AuthWorkerApp
	case profile.AuthToken:
		ans.AuthMethod = settings.AuthPastedToken
	default:
		return usageError(cmd, fmt.Errorf("--auth: %q: expected worker or token", term.Line(f.auth)))
	}
	s, stop, err := a.newSession(cmd, ans, opts)
	if err != nil {
		return err
	}
	defer stop()
	ctx := cmd.Context()
	var p ui.Prompter = ui.NewScript(s)
	desc := f.description
	if !s.Opts.NoInput {
		w := wizard.New(s)
		p = w
		if err := w.AskConnection(ctx, name); err != nil {
			return err
		}
		if !cmd.Flags().Changed("description") {
			if err := w.AskProfileDescription(ctx, name, &desc); err != nil {
				return err
			}
		}
	} else if err := connectionComplete(*s.Answers); err != nil {
		return err
	}
	prof := profile.FromAnswers(*s.Answers, s.Opts.APIURL, s.Opts.AuthURL, strings.TrimSpace(desc))
	if err := prof.Check(); err != nil {
		return err
	}
	err = profile.Update(ctx, path, func(c *profile.Config) error {
		if _, taken := c.Profiles[name]; taken && !f.replace {
			return &settings.InputError{Problems: []string{fmt.Sprintf("a profile %q was saved meanwhile; pass --replace to replace it", name)}}
		}
		c.Profiles[name] = prof
		if f.asDefault {
			c.Default = name
		}
		return nil
	})
	if err != nil {
		return err
	}
	_ = s.Say(s.OutStyles.OK, fmt.Sprintf("✓ Saved profile %s. Use it with: sfstore --profile %s list", name, name))
	s.Progress("In %s", path)
	return a.saveProfileSecret(ctx, s, p)
}

// connectionComplete checks, without a terminal, that the answers name a
// whole connection; the worker secret may come later, from the keyring,
// the environment or a prompt.
func connectionComplete(a settings.Answers) error {
	var missing []settings.FieldError
	for _, fe := range a.Check(settings.StepPingOne) {
		if fe.Field.Kind != settings.Secret {
			missing = append(missing, fe)
		}
	}
	if len(missing) > 0 {
		return settings.Missing(missing)
	}
	return nil
}

// saveProfileSecret saves the worker secret, when one was given, and says
// where it is; a keyring failure is told, the profile being saved already.
func (a *app) saveProfileSecret(ctx context.Context, s *ui.Session, p ui.Prompter) error {
	ans := s.Answers
	if ans.AuthMethod != settings.AuthWorkerApp {
		s.Progress("Commands using it read the PingOne token from PINGONE_API_ACCESS_TOKEN, or ask for it.")
		return nil
	}
	saved, err := s.SaveWorkerSecret(ctx, p)
	switch {
	case errors.Is(err, ui.ErrCancelled):
		return err
	case err != nil:
		s.Notice(s.ErrStyles.Warn, "! The worker secret was not saved in the keyring: "+err.Error())
	case saved:
		s.Progress("✓ The worker secret is in the OS keyring.")
		return nil
	}
	s.Progress("No worker secret saved: commands using the profile read PINGONE_CLIENT_SECRET, or ask for it.")
	return nil
}

func checkDescription(d string) error {
	if strings.ContainsFunc(d, func(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) }) {
		return &settings.InputError{Problems: []string{"--description: expected one line of text"}}
	}
	return nil
}

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
