package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"sfstore/ui"
	"sfstore/ui/profile"
	"sfstore/ui/settings"
	"sfstore/ui/term"
	"sfstore/ui/wizard"
)

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
