package ui

import (
	"flag"
	"io"
)

// answerFlag is a flag that fills one answer. Flags are parsed into their
// own variables and applied after the file and the environment, so that a
// flag wins only when it was given.
type answerFlag func(*Answers) error

// flagFor names the flag that supplies each non-secret field, for messages
// about missing values.
var flagFor = map[Field]string{
	FieldRegion:            "--region",
	FieldWorkerEnvironment: "PINGONE_ENVIRONMENT_ID",
	FieldWorkerClientID:    "PINGONE_CLIENT_ID",
	FieldEnvironmentID:     "--environment-id",
	FieldName:              "--name",
	FieldDescription:       "--description",
	FieldImageURL:          "--image-url",
	FieldSalesforceDomain:  "--salesforce-domain",
	FieldClientID:          "--client-id",
	FieldPermissionSets:    "--permission-sets",
	FieldAccountID:         "--account-id",
	FieldProfileID:         "--profile-id",
}

func newFlagSet(cfg *Config, getenv func(string) string) (*flag.FlagSet, map[string]answerFlag) {
	fs := flag.NewFlagSet("sfstore", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	// main prints Usage on stdout for --help; a bad flag gets flag's own
	// message on stderr and a pointer to --help.
	fs.Usage = func() {}

	fs.BoolVar(&cfg.Demo, "demo", false, "")
	fs.BoolVar(&cfg.Accessible, "accessible", getenv("ACCESSIBLE") != "", "")
	fs.BoolVar(&cfg.ShowVersion, "version", false, "")
	fs.StringVar(&cfg.APIURL, "api-url", getenv("PINGONE_API_URL"), "")
	fs.StringVar(&cfg.AuthURL, "auth-url", getenv("PINGONE_AUTH_URL"), "")
	fs.StringVar(&cfg.From, "from", "", "")
	fs.BoolVar(&cfg.NoInput, "no-input", false, "")
	fs.BoolVar(&cfg.SaveSecrets, "save-secrets", false, "")
	fs.BoolVar(&cfg.DryRun, "dry-run", false, "")
	fs.BoolVar(&cfg.JSON, "json", false, "")
	fs.BoolVar(&cfg.Debug, "debug", false, "")
	fs.BoolVar(&cfg.TestConnection, "test-connection", false, "")
	fs.BoolVar(&cfg.AllowDuplicateName, "allow-duplicate-name", false, "")
	fs.BoolVar(&cfg.Publish, "publish", false, "")
	fs.StringVar(&cfg.SalesforceLoginURL, "salesforce-login-url", "", "")
	fs.IntVar(&cfg.CallbackPort, "callback-port", 0, "")
	fs.BoolVar(&cfg.SalesforceLogin, "salesforce-login", false, "")

	apply := map[string]answerFlag{}
	str := func(name string, set func(*Answers, string) error) {
		v := fs.String(name, "", "")
		apply[name] = func(a *Answers) error { return set(a, *v) }
	}
	boolean := func(name string, dst func(*Answers) *bool) {
		v := fs.Bool(name, false, "")
		apply[name] = func(a *Answers) error { *dst(a) = *v; return nil }
	}
	plain := func(dst func(*Answers) *string) func(*Answers, string) error {
		return func(a *Answers, v string) error { *dst(a) = v; return nil }
	}
	str("region", plain(func(a *Answers) *string { return &a.Region }))
	str("environment-id", plain(func(a *Answers) *string { return &a.EnvironmentID }))
	str("name", plain(func(a *Answers) *string { return &a.Name }))
	str("description", plain(func(a *Answers) *string { return &a.Description }))
	str("image-url", plain(func(a *Answers) *string { return &a.ImageURL }))
	str("salesforce-domain", plain(func(a *Answers) *string { return &a.SalesforceDomain }))
	str("client-id", plain(func(a *Answers) *string { return &a.ClientID }))
	str("account-id", plain(func(a *Answers) *string { return &a.AccountID }))
	str("profile-id", plain(func(a *Answers) *string { return &a.ProfileID }))
	str("permission-sets", func(a *Answers, v string) error {
		p, err := permissionSetsFlag(v)
		a.PermissionSets = p
		return err
	})
	boolean("active", func(a *Answers) *bool { return &a.Active })
	boolean("managed", func(a *Answers) *bool { return &a.Managed })
	boolean("create-users", func(a *Answers) *bool { return &a.CreateUsers })
	boolean("update-users", func(a *Answers) *bool { return &a.UpdateUsers })
	boolean("disable-users", func(a *Answers) *bool { return &a.DisableUsers })
	boolean("provision-disabled-users", func(a *Answers) *bool { return &a.ProvisionDisabledUsers })
	boolean("freeze-users", func(a *Answers) *bool { return &a.FreezeUsers })
	boolean("communities", func(a *Answers) *bool { return &a.EnableCommunities })
	return fs, apply
}

// supplier says how to supply a field without the form.
func supplier(f Field) string {
	if env, ok := secretEnv[f]; ok {
		return "env " + env
	}
	if fl, ok := flagFor[f]; ok {
		if fl[0] != '-' {
			return "env " + fl
		}
		return fl
	}
	return "--from FILE"
}
