// Package secretscmd is "sfstore secrets": what sfstore saved in the OS
// keyring, by name and never by value, and how to forget it.
package secretscmd

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/settings"
	"sfstore/ui/term"
)

// List prints the names of the saved secrets: which secret, for which app,
// and when; as JSON with --json.
func List(ctx context.Context, s *ui.Session) error {
	k, err := keyring(s)
	if err != nil {
		return err
	}
	entries, err := k.List(ctx)
	if err != nil {
		return fmt.Errorf("list saved secrets: %w", err)
	}
	if s.Opts.JSON {
		if entries == nil {
			entries = []secrets.Entry{}
		}
		return s.WriteJSON(entries)
	}
	if s.Opts.Demo {
		if err := s.Say(s.OutStyles.Muted, "The demo's keyring, in memory and empty at each start; the OS keyring is not read."); err != nil {
			return err
		}
	}
	if len(entries) == 0 {
		fmt.Fprintln(s.Out, "sfstore has saved no secrets in this keyring.")
		return nil
	}
	for _, e := range entries {
		fmt.Fprintln(s.Out, describe(s, e))
	}
	return nil
}

func describe(s *ui.Session, e secrets.Entry) string {
	where := e.Account
	switch e.Kind {
	case secrets.KindSalesforce:
		where = fmt.Sprintf("Salesforce %s, client ID %s", e.Domain, e.ClientID)
	case secrets.KindPingOne:
		where = fmt.Sprintf("PingOne worker app %s in environment %s", e.ClientID, e.EnvID)
	}
	saved := ""
	if !e.SavedAt.IsZero() {
		saved = s.OutStyles.Muted.Render("  saved " + e.SavedAt.Local().Format("2006-01-02 15:04"))
	}
	// Names come from the keyring, which other programs can write.
	return fmt.Sprintf("%-20s %s%s", term.Line(e.Secret), term.Line(where), saved)
}

// Target says what to forget: one Salesforce app's secrets, one worker
// app's, or all.
type Target struct {
	SalesforceDomain, ClientID          string
	WorkerEnvironmentID, WorkerClientID string
	All                                 bool
}

// ErrForgetWhat asks for a target.
var ErrForgetWhat = &settings.InputError{Problems: []string{"say what to forget: --salesforce-domain with --client-id, --worker-environment-id with --worker-client-id, or --all"}}

// Forget removes the saved secrets of t and says what it removed. --all
// goes through the keyring's own search where it has one, so items the
// index missed go too.
func Forget(ctx context.Context, s *ui.Session, t Target) error {
	k, err := keyring(s)
	if err != nil {
		return err
	}
	if t.All {
		report, err := k.ForgetAll(ctx)
		printReport(s, report)
		if err != nil {
			return fmt.Errorf("forget all: %w", err)
		}
		if len(report.Failed) > 0 {
			return &ui.ShownError{Err: fmt.Errorf("%d saved secrets could not be removed", len(report.Failed))}
		}
		return nil
	}
	accounts, err := accountsToForget(t)
	if err != nil {
		return err
	}
	removed := 0
	for _, account := range accounts {
		err := k.Delete(ctx, account)
		var ie *secrets.IndexError
		switch {
		case err == nil:
		case errors.As(err, &ie):
			fmt.Fprintln(s.Err, "warning:", s.ErrStyles.Clean(ie.Error()))
		case errors.Is(err, secrets.ErrNotFound):
			continue
		default:
			return fmt.Errorf("remove %s: %w", term.Line(account), err)
		}
		removed++
		fmt.Fprintln(s.Err, "removed", term.Line(account))
	}
	fmt.Fprintf(s.Err, "Removed %d saved secrets.\n", removed)
	return nil
}

// printReport says what ForgetAll removed, what it could not, and what it
// could not check.
func printReport(s *ui.Session, r secrets.ForgetReport) {
	for _, a := range r.Removed {
		fmt.Fprintln(s.Err, "removed", term.Line(a))
	}
	for _, f := range r.Failed {
		name := f.Account
		if name == "" {
			name = "an item with no account name"
		}
		fmt.Fprintf(s.Err, "could not remove %s: %s\n", term.Line(name), s.ErrStyles.Clean(f.Err.Error()))
	}
	fmt.Fprintf(s.Err, "Removed %d saved secrets", len(r.Removed))
	if len(r.Gone) > 0 {
		fmt.Fprintf(s.Err, " (%d listed were already gone)", len(r.Gone))
	}
	fmt.Fprintln(s.Err, ".")
	if !r.Searched && r.NotSearched != "" {
		fmt.Fprintln(s.Err, "Not checked:", term.Line(r.NotSearched))
	}
}

// accountsToForget names the accounts of one app, as the create flow
// saves them.
func accountsToForget(t Target) ([]string, error) {
	var saved []ui.SavedSecret
	switch {
	case t.SalesforceDomain != "" && t.ClientID != "":
		saved = ui.SalesforceSecrets(settings.Answers{SalesforceDomain: t.SalesforceDomain, ClientID: t.ClientID})
	case t.WorkerEnvironmentID != "" && t.WorkerClientID != "":
		saved = ui.WorkerSecrets(settings.Answers{WorkerEnvironmentID: strings.ToLower(t.WorkerEnvironmentID), WorkerClientID: t.WorkerClientID})
	default:
		return nil, ErrForgetWhat
	}
	accounts := make([]string, len(saved))
	for i, w := range saved {
		accounts[i] = w.Account
	}
	return accounts, nil
}

// keyring returns the session's keyring, or why it cannot be used.
func keyring(s *ui.Session) (*secrets.Keyring, error) {
	k := s.Opts.Keyring
	if k == nil {
		return nil, errors.New("no keyring configured")
	}
	if err := k.Available(); err != nil {
		return nil, err // already says "keyring unavailable: …"
	}
	return k, nil
}
