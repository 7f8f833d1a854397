package ui

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"sfstore/secrets"
)

const secretsUsage = `Usage:
  sfstore secrets list [--json]
      what sfstore saved in the keyring: which secret, for which Salesforce
      domain and client ID or PingOne environment, and when; never a value
  sfstore secrets forget --salesforce-domain HOST --client-id KEY
      remove the three Salesforce secrets saved for that app
  sfstore secrets forget --worker-environment-id ID --worker-client-id ID
      remove the PingOne worker app secret
  sfstore secrets forget --all
      remove everything sfstore saved
`

// RunSecretsCommand runs "sfstore secrets list|forget".
func RunSecretsCommand(ctx context.Context, args []string, opts Options) error {
	if len(args) == 0 {
		fmt.Fprint(opts.ErrOut, secretsUsage)
		return &InputError{Problems: []string{"sfstore secrets needs list or forget"}}
	}
	switch args[0] {
	case "list":
		return listSecrets(ctx, args[1:], opts)
	case "forget":
		return forgetSecrets(ctx, args[1:], opts)
	case "-h", "--help", "help":
		fmt.Fprint(opts.Out, secretsUsage)
		return nil
	}
	fmt.Fprint(opts.ErrOut, secretsUsage)
	return &InputError{Problems: []string{fmt.Sprintf("unknown secrets command %q", args[0])}}
}

func secretsFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("sfstore secrets "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, secretsUsage) }
	return fs
}

func listSecrets(ctx context.Context, args []string, opts Options) error {
	fs := secretsFlags("list", opts.ErrOut)
	asJSON := fs.Bool("json", opts.JSON, "")
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	if err := keyringReady(opts.Keyring); err != nil {
		return err
	}
	entries, err := opts.Keyring.List(ctx)
	if err != nil {
		return fmt.Errorf("list saved secrets: %w", err)
	}
	if *asJSON {
		if entries == nil {
			entries = []secrets.Entry{}
		}
		return writeJSON(opts.Out, entries)
	}
	if len(entries) == 0 {
		fmt.Fprintln(opts.Out, "sfstore has saved no secrets in this keyring.")
		return nil
	}
	st := NewStyles(lipgloss.NewRenderer(opts.Out))
	for _, e := range entries {
		fmt.Fprintln(opts.Out, describeEntry(st, e))
	}
	return nil
}

func describeEntry(st Styles, e secrets.Entry) string {
	where := e.Account
	switch e.Kind {
	case secrets.KindSalesforce:
		where = fmt.Sprintf("Salesforce %s, client ID %s", e.Domain, e.ClientID)
	case secrets.KindPingOne:
		where = fmt.Sprintf("PingOne worker app %s in environment %s", e.ClientID, e.EnvID)
	}
	saved := ""
	if !e.SavedAt.IsZero() {
		saved = st.Muted.Render("  saved " + e.SavedAt.Local().Format("2006-01-02 15:04"))
	}
	return fmt.Sprintf("%-20s %s%s", e.Secret, where, saved)
}

func forgetSecrets(ctx context.Context, args []string, opts Options) error {
	fs := secretsFlags("forget", opts.ErrOut)
	domain := fs.String("salesforce-domain", "", "")
	clientID := fs.String("client-id", "", "")
	workerEnv := fs.String("worker-environment-id", "", "")
	workerClient := fs.String("worker-client-id", "", "")
	all := fs.Bool("all", false, "")
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	if !*all && (*domain == "" || *clientID == "") && (*workerEnv == "" || *workerClient == "") {
		return errForgetWhat
	}
	if err := keyringReady(opts.Keyring); err != nil {
		return err
	}
	accounts, err := accountsToForget(ctx, opts.Keyring, *all, *domain, *clientID, *workerEnv, *workerClient)
	if err != nil {
		return err
	}
	removed := 0
	for _, account := range accounts {
		err := opts.Keyring.Delete(ctx, account)
		switch {
		case err == nil:
			removed++
			fmt.Fprintln(opts.ErrOut, "removed", account)
		case errors.Is(err, secrets.ErrNotFound):
		default:
			return fmt.Errorf("remove %s: %w", account, err)
		}
	}
	fmt.Fprintf(opts.ErrOut, "Removed %d saved secrets.\n", removed)
	return nil
}

func accountsToForget(ctx context.Context, k *secrets.Keyring, all bool, domain, clientID, workerEnv, workerClient string) ([]string, error) {
	switch {
	case all:
		entries, err := k.List(ctx)
		if err != nil {
			return nil, fmt.Errorf("list saved secrets: %w", err)
		}
		accounts := make([]string, 0, len(entries))
		for _, e := range entries {
			accounts = append(accounts, e.Account)
		}
		return accounts, nil
	case domain != "" && clientID != "":
		d := normalizeDomain(domain)
		return []string{
			secrets.SalesforceAccount(d, clientID, secrets.ClientSecret),
			secrets.SalesforceAccount(d, clientID, secrets.AccessToken),
			secrets.SalesforceAccount(d, clientID, secrets.RefreshToken),
		}, nil
	case workerEnv != "" && workerClient != "":
		return []string{secrets.PingOneAccount(strings.ToLower(workerEnv), workerClient)}, nil
	}
	return nil, errForgetWhat
}

var errForgetWhat = &InputError{Problems: []string{"say what to forget: --salesforce-domain with --client-id, --worker-environment-id with --worker-client-id, or --all"}}

func usageErr(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	return &InputError{Problems: []string{err.Error()}}
}

// keyringReady says why the keyring cannot be used, if it cannot.
func keyringReady(k *secrets.Keyring) error {
	if k == nil {
		return errors.New("no keyring configured")
	}
	return k.Available() // already says "keyring unavailable: …"
}
