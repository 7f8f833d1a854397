package ui

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"sfstore/api"
)

// Config is what the command line and the environment say.
type Config struct {
	Answers  Answers
	Warnings []string // shown before anything runs, e.g. deprecated keys

	Command     string   // "" for the wizard, "secrets" or "doctor"
	CommandArgs []string // what follows the command

	APIURL, AuthURL string
	From            string

	Demo, Accessible, ShowVersion bool
	NoInput                       bool
	SaveSecrets                   bool
	DryRun, JSON, Debug           bool
	TestConnection                bool
	AllowDuplicateName, Publish   bool

	SalesforceLoginURL string // --salesforce-login-url
	CallbackPort       int    // --callback-port
	SalesforceLogin    bool   // --salesforce-login
}

// Options turns the configuration into the wizard's options, for the given
// streams. main adds what depends on the process: terminal width, whether
// it can prompt, the keyring.
func (c Config) Options(in io.Reader, out, errOut io.Writer) Options {
	return Options{
		In: in, Out: out, ErrOut: errOut,
		Answers:            c.Answers,
		APIURL:             c.APIURL,
		AuthURL:            c.AuthURL,
		Accessible:         c.Accessible,
		SaveSecrets:        c.SaveSecrets,
		DryRun:             c.DryRun,
		JSON:               c.JSON,
		TestConnection:     c.TestConnection,
		AllowDuplicateName: c.AllowDuplicateName,
		Publish:            c.Publish,
		Salesforce: SalesforceOptions{
			LoginURL:     c.SalesforceLoginURL,
			CallbackPort: c.CallbackPort,
			Login:        c.SalesforceLogin,
		},
	}
}

// secretEnv names the environment variables secrets are read from. Secrets
// are never flags: a flag would leave them in shell history and in ps.
var secretEnv = map[Field]string{
	FieldWorkerClientSecret: "PINGONE_CLIENT_SECRET",
	FieldPingOneToken:       "PINGONE_API_ACCESS_TOKEN",
	FieldClientSecret:       "SALESFORCE_CLIENT_SECRET",
	FieldAccessToken:        "SALESFORCE_ACCESS_TOKEN",
	FieldRefreshToken:       "SALESFORCE_REFRESH_TOKEN",
}

// ParseArgs reads the answers and switches, lowest precedence first: the
// defaults, the --from file, the environment, then the flags. stdin is read
// when --from is "-".
func ParseArgs(args []string, getenv func(string) string, stdin io.Reader) (Config, error) {
	cfg := Config{Answers: DefaultAnswers()}
	// doctor takes the same flags as a run (region, URLs, IDs); secrets has
	// its own, parsed by its subcommands.
	switch {
	case len(args) > 0 && args[0] == "doctor":
		cfg.Command, args = "doctor", args[1:]
	case len(args) > 0 && args[0] == "secrets":
		cfg.Command, cfg.CommandArgs, args = "secrets", args[1:], nil
	}
	fs, fromFlags := newFlagSet(&cfg, getenv)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, err
		}
		return cfg, &InputError{Problems: []string{err.Error() + "; see sfstore --help"}}
	}
	if fs.NArg() > 0 {
		return cfg, &InputError{Problems: []string{fmt.Sprintf("unexpected argument %q; see sfstore --help", fs.Arg(0))}}
	}
	if err := cfg.loadFromFile(stdin); err != nil {
		return cfg, err
	}
	fillFromEnv(&cfg.Answers, getenv)
	var problems []string
	fs.Visit(func(f *flag.Flag) {
		if apply, ok := fromFlags[f.Name]; ok {
			if err := apply(&cfg.Answers); err != nil {
				problems = append(problems, fmt.Sprintf("--%s: %v", f.Name, err))
			}
		}
	})
	if len(problems) > 0 {
		return cfg, &InputError{Problems: problems}
	}
	if cfg.CallbackPort < 0 || cfg.CallbackPort > 65535 {
		return cfg, &InputError{Problems: []string{"--callback-port: expected a port number from 1 to 65535"}}
	}
	cfg.Answers.Region = strings.ToUpper(strings.TrimSpace(cfg.Answers.Region))
	if _, _, err := Endpoints(cfg.Answers.Region, cfg.APIURL, cfg.AuthURL); err != nil {
		return cfg, &InputError{Problems: []string{"--region: " + err.Error()}}
	}
	return cfg, nil
}

func (cfg *Config) loadFromFile(stdin io.Reader) error {
	if cfg.From == "" {
		return nil
	}
	r := stdin
	if cfg.From != "-" {
		f, err := os.Open(cfg.From)
		if err != nil {
			return &InputError{Problems: []string{"--from: " + err.Error()}}
		}
		defer f.Close()
		r = f
	}
	warnings, err := LoadAnswersFile(r, &cfg.Answers)
	for _, w := range warnings {
		cfg.Warnings = append(cfg.Warnings, "--from "+cfg.From+": "+w)
	}
	var ie *InputError
	if errors.As(err, &ie) {
		for i, p := range ie.Problems {
			ie.Problems[i] = "--from " + cfg.From + ": " + p
		}
		return ie
	}
	if err != nil {
		return &InputError{Problems: []string{"--from " + cfg.From + ": " + err.Error()}}
	}
	return nil
}

// fillFromEnv applies the environment: the variables the PingOne Terraform
// provider uses, and the Salesforce secrets.
func fillFromEnv(a *Answers, getenv func(string) string) {
	set := func(dst *string, name string) {
		if v := getenv(name); v != "" {
			*dst = v
		}
	}
	set(&a.Region, "PINGONE_REGION_CODE")
	set(&a.WorkerEnvironmentID, "PINGONE_ENVIRONMENT_ID")
	set(&a.WorkerClientID, "PINGONE_CLIENT_ID")
	set(&a.WorkerClientSecret, secretEnv[FieldWorkerClientSecret])
	set(&a.ClientSecret, secretEnv[FieldClientSecret])
	set(&a.SalesforceAccessToken, secretEnv[FieldAccessToken])
	set(&a.SalesforceRefreshToken, secretEnv[FieldRefreshToken])
	if v := getenv(secretEnv[FieldPingOneToken]); v != "" {
		a.PingOneAccessToken = v
		a.AuthMethod = AuthPastedToken
	}
}

// FillDemoAnswers gives the demo a worker app, so a first try does not
// start with typing two UUIDs; every value can still be changed.
func FillDemoAnswers(a *Answers) {
	if a.WorkerEnvironmentID == "" {
		a.WorkerEnvironmentID = "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6"
	}
	if a.WorkerClientID == "" {
		a.WorkerClientID = "6a4e7e1c-5d0f-4f3e-9a51-2b8f0c7d9e10"
	}
}

// permissionSetsFlag maps --permission-sets words to the API values.
func permissionSetsFlag(v string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "merge":
		return api.PermissionSetsMerge, nil
	case "overwrite":
		return api.PermissionSetsOverwrite, nil
	}
	return "", fmt.Errorf("%q: expected merge or overwrite", v)
}
