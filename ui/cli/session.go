package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/settings"
	"sfstore/ui/term"
)

// globals are the flags every command takes: how to reach PingOne and how
// to talk to the person.
type globals struct {
	demo, accessible, noInput, json, debug bool
	apiURL, authURL                        string
	pingOne                                *settings.Flags
	profile                                string
	flags                                  *pflag.FlagSet
	profiles                               profileState
}

func (a *app) addGlobalFlags(root *cobra.Command) {
	g := &a.globals
	fs := root.PersistentFlags()
	g.flags = fs
	fs.StringVar(&g.profile, "profile", "", "use a saved connection (sfstore profile list); flags and environment variables still win (env "+ProfileEnv+")")
	fs.BoolVar(&g.demo, "demo", false, "use a built-in PingOne simulator; nothing leaves this machine")
	fs.BoolVar(&g.accessible, "accessible", false, "plain prompts for screen readers (env ACCESSIBLE=1, or TERM=dumb)")
	fs.BoolVar(&g.noInput, "no-input", false, "never prompt; exit 2 listing anything missing")
	fs.BoolVar(&g.json, "json", false, "print results (or PingOne's error) as JSON on stdout")
	fs.BoolVar(&g.debug, "debug", false, "trace every HTTP exchange on stderr, secrets masked")
	fs.StringVar(&g.apiURL, "api-url", "", "API base overriding the region's, e.g. https://api.pingone.eu (env PINGONE_API_URL, or PINGONE_API_SERVICE_HOSTNAME as a host name)")
	fs.StringVar(&g.authURL, "auth-url", "", "auth base overriding the region's (env PINGONE_AUTH_URL, or PINGONE_AUTH_SERVICE_HOSTNAME as a host name)")
	g.pingOne = settings.AddFlags(fs, settings.StepPingOne)
	inGroup(fs, settings.StepPingOne.String(), "profile", "api-url", "auth-url")
	inGroup(fs, groupRun, "demo", "accessible", "no-input")
	inGroup(fs, groupOutput, "json", "debug")
}

// answers reads the answers, lowest precedence first: the defaults, the
// profile (--profile, SFSTORE_PROFILE or the file's default), the --from
// file (when from is set), the environment, then the flags.
func (a *app) answers(from string, storeFlags *settings.Flags) (settings.Answers, []string, error) {
	ans := settings.Defaults()
	var warnings []string
	ap, err := a.profile()
	if err != nil {
		return ans, nil, err
	}
	if ap != nil {
		if err := ap.p.Apply(&ans); err != nil {
			return ans, nil, err
		}
	}
	if from != "" {
		w, err := loadFrom(from, a.io.In, &ans)
		if err != nil {
			return ans, nil, err
		}
		warnings = w
	}
	if problems := settings.FromEnv(&ans, a.io.Getenv); len(problems) > 0 {
		return ans, nil, &settings.InputError{Problems: problems}
	}
	var problems []string
	for _, fl := range []*settings.Flags{a.globals.pingOne, storeFlags} {
		if fl == nil {
			continue
		}
		var input *settings.InputError
		if err := fl.Apply(&ans); errors.As(err, &input) {
			problems = append(problems, input.Problems...)
		}
	}
	if len(problems) > 0 {
		return ans, nil, &settings.InputError{Problems: problems}
	}
	return ans, warnings, nil
}

func loadFrom(from string, stdin io.Reader, a *settings.Answers) ([]string, error) {
	r := stdin
	if from != "-" {
		f, err := os.Open(from)
		if err != nil {
			return nil, &settings.InputError{Problems: []string{"--from: " + err.Error()}}
		}
		defer f.Close()
		r = f
	}
	if r == nil {
		return nil, &settings.InputError{Problems: []string{"--from -: no standard input"}}
	}
	warnings, err := settings.LoadFile(r, a)
	for i, w := range warnings {
		warnings[i] = "--from " + from + ": " + w
	}
	var input *settings.InputError
	if errors.As(err, &input) {
		for i, p := range input.Problems {
			input.Problems[i] = "--from " + from + ": " + p
		}
		return nil, input
	}
	if err != nil {
		return nil, &settings.InputError{Problems: []string{"--from " + from + ": " + err.Error()}}
	}
	return warnings, nil
}

// setup reads a command's answers (see answers) and switches (see
// options), and checks that the region and hosts resolve, so a mistake in
// either is an InputError before anything runs.
func (a *app) setup(from string, storeFlags *settings.Flags) (settings.Answers, []string, ui.Options, error) {
	ans, warnings, err := a.answers(from, storeFlags)
	if err != nil {
		return ans, nil, ui.Options{}, err
	}
	opts, err := a.options()
	if err != nil {
		return ans, nil, opts, err
	}
	if _, _, err := ui.Endpoints(ans.Region, opts.APIURL, opts.AuthURL); err != nil {
		return ans, nil, opts, &settings.InputError{Problems: []string{"--region: " + err.Error()}}
	}
	return ans, warnings, opts, nil
}

// options turns the global flags and the environment into a session's
// switches, refusing addresses that would carry credentials unencrypted.
func (a *app) options() (ui.Options, error) {
	g := a.globals
	getenv := a.io.Getenv
	opts := ui.Options{
		Demo:       g.demo,
		Accessible: g.accessible || getenv("ACCESSIBLE") != "" || getenv("TERM") == "dumb",
		NoInput:    g.noInput,
		JSON:       g.json,
	}
	var problems []string
	var err error
	if opts.APIURL, err = hostSetting(g.apiURL, getenv, apiHost); err != nil {
		problems = append(problems, err.Error())
	}
	if opts.AuthURL, err = hostSetting(g.authURL, getenv, authHost); err != nil {
		problems = append(problems, err.Error())
	}
	if v := getenv(secrets.TimeoutEnv); v != "" {
		if _, err := secrets.ParseTimeout(v); err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v, got %q", secrets.TimeoutEnv, err, term.Line(v)))
		}
	}
	if len(problems) > 0 {
		return opts, &settings.InputError{Problems: problems}
	}
	ap, err := a.profile()
	if err != nil {
		return opts, err
	}
	a.profileEndpoints(&opts, ap)
	if g.debug {
		opts.Debug = a.io.Err
	}
	return opts, nil
}

// streams describes the process's streams for a session.
func (a *app) streams() ui.Streams {
	return ui.Streams{
		In: a.io.In, Out: a.io.Out, Err: a.io.Err,
		OutWidth: term.Width(a.io.Out), ErrWidth: term.Width(a.io.Err),
		OutTTY: term.IsTerminal(a.io.Out), ErrTTY: term.IsTerminal(a.io.Err),
		Height: a.height(),
	}
}

// height is the terminal's rows when stdout and stderr are both one (the
// result card and the question after it share it), else 0.
func (a *app) height() int {
	if !term.IsTerminal(a.io.Out) {
		return 0
	}
	return term.Height(a.io.Err)
}

// interactive says whether to prompt: only with a terminal on both ends,
// as a prompt on a pipe would hang a script or garble its output.
func (a *app) interactive() bool {
	return !a.globals.noInput && term.IsTerminal(a.io.In) && term.IsTerminal(a.io.Out)
}

// newSession builds a command's session: the demo's simulators and memory
// keyring, or the real keyring. The returned stop shuts the demo down.
func (a *app) newSession(cmd *cobra.Command, ans settings.Answers, opts ui.Options) (*ui.Session, func(), error) {
	stop := func() {}
	if opts.Demo {
		var err error
		if stop, err = startDemo(&opts, &ans, a.deps.DemoLatency, a.deps.DemoSyncPace); err != nil {
			return nil, nil, err
		}
	} else if a.deps.Keyring != nil {
		opts.Keyring = a.deps.Keyring()
	}
	if !opts.NoInput && term.IsTerminal(a.io.In) && !term.IsTerminal(a.io.Out) {
		// The wizard would have run; say why it does not.
		fmt.Fprintln(a.io.Err, "sfstore: stdout is not a terminal, so nothing is asked (as with --no-input).")
	}
	opts.NoInput = opts.NoInput || !a.interactive()
	s := ui.NewSession(cmd.Context(), ans, opts, a.streams())
	s.NoteDemoJSON()
	a.sayProfile(s, !opts.NoInput && isCreate(cmd))
	return s, stop, nil
}

// warn prints warnings about the input, such as deprecated keys.
func (a *app) warn(warnings []string) {
	for _, w := range warnings {
		fmt.Fprintln(a.io.Err, "warning:", term.Line(w))
	}
}
