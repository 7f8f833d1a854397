package ui

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// Config is what the command line and the environment say.
type Config struct {
	Answers     Answers
	APIURL      string
	AuthURL     string
	Demo        bool
	Accessible  bool
	ShowVersion bool
}

// ParseArgs reads flags, then fills the answers from the environment
// variables the PingOne Terraform provider uses. Secrets are read only from
// the environment, never from flags, so they stay out of shell history.
func ParseArgs(args []string, getenv func(string) string, stderr io.Writer) (Config, error) {
	cfg := Config{Answers: DefaultAnswers()}
	a := &cfg.Answers
	fillFromEnv(a, getenv)

	fs := flag.NewFlagSet("sfstore", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, Usage) }
	fs.BoolVar(&cfg.Demo, "demo", false, "")
	fs.BoolVar(&cfg.Accessible, "accessible", getenv("ACCESSIBLE") != "", "")
	fs.BoolVar(&cfg.ShowVersion, "version", false, "")
	fs.StringVar(&a.Region, "region", a.Region, "")
	fs.StringVar(&a.EnvironmentID, "environment-id", a.EnvironmentID, "")
	fs.StringVar(&cfg.APIURL, "api-url", getenv("PINGONE_API_URL"), "")
	fs.StringVar(&cfg.AuthURL, "auth-url", getenv("PINGONE_AUTH_URL"), "")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected argument %q; see sfstore --help", fs.Arg(0))
	}
	a.Region = strings.ToUpper(strings.TrimSpace(a.Region))
	if _, _, err := Endpoints(a.Region, cfg.APIURL, cfg.AuthURL); err != nil {
		return cfg, fmt.Errorf("--region: %w", err)
	}
	return cfg, nil
}

func fillFromEnv(a *Answers, getenv func(string) string) {
	if v := getenv("PINGONE_REGION_CODE"); v != "" {
		a.Region = v
	}
	a.WorkerEnvironmentID = getenv("PINGONE_ENVIRONMENT_ID")
	a.WorkerClientID = getenv("PINGONE_CLIENT_ID")
	a.WorkerClientSecret = getenv("PINGONE_CLIENT_SECRET")
	if v := getenv("PINGONE_API_ACCESS_TOKEN"); v != "" {
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

// Usage is the --help text.
const Usage = `sfstore creates a PingOne identity propagation store of type Salesforce.
It asks for every setting, keeps the Salesforce secrets in the OS keyring,
sends the request and shows what PingOne created.

Usage:
  sfstore [flags]

Flags:
  --demo                 try it against a built-in PingOne simulator; nothing leaves this machine
  --region CODE          PingOne region: NA, CA, EU, AU, SG or AP (env PINGONE_REGION_CODE; default NA)
  --environment-id ID    environment to create the store in (default: the worker app's)
  --api-url URL          PingOne API base, overriding the region's (env PINGONE_API_URL)
  --auth-url URL         PingOne auth base, overriding the region's (env PINGONE_AUTH_URL)
  --accessible           plain prompts for screen readers (env ACCESSIBLE=1)
  --version              print the version
  -h, --help             show this help

Environment (secrets are read from the environment or asked, never taken as flags):
  PINGONE_ENVIRONMENT_ID     the worker app's environment
  PINGONE_CLIENT_ID          the worker app's client ID
  PINGONE_CLIENT_SECRET      the worker app's client secret
  PINGONE_API_ACCESS_TOKEN   a ready access token instead of a worker app
  SFSTORE_KEYRING_TIMEOUT    how long to wait for the keyring, e.g. 30s

Exit codes: 0 created, 1 failed, 2 usage or invalid input, 130 cancelled.
`
