package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"sfstore/api"
	"sfstore/api/redact"
	"sfstore/secrets"
)

// runScript is the run without prompts: every answer comes from flags, the
// environment, the --from file or the keyring. Anything missing or invalid
// ends it with an InputError listing each value and how to supply it.
func (w *wizard) runScript(ctx context.Context) (*api.Store, error) {
	w.fillSecretsFromKeyring(ctx)
	if w.opts.Salesforce.Login && !w.opts.DryRun {
		w.a.Normalize()
		if err := w.signInScripted(ctx); err != nil {
			return nil, err
		}
	}
	w.a.Normalize()
	if problems := w.problemsFor(w.opts.DryRun); len(problems) > 0 {
		return nil, missingValues(problems)
	}
	if w.opts.DryRun {
		return nil, w.printDryRun()
	}
	return w.createWithChecks(ctx)
}

// problemsFor checks every answer. A dry run signs in nowhere, so it needs
// no PingOne secret.
func (w *wizard) problemsFor(dryRun bool) []FieldError {
	problems := w.a.CheckAll()
	if !dryRun {
		return problems
	}
	kept := problems[:0]
	for _, p := range problems {
		if p.Field != FieldWorkerClientSecret && p.Field != FieldPingOneToken {
			kept = append(kept, p)
		}
	}
	return kept
}

// missingValues turns field problems into an InputError that says, for each,
// which flag or environment variable supplies it.
func missingValues(problems []FieldError) *InputError {
	lines := make([]string, 0, len(problems))
	for _, p := range problems {
		lines = append(lines, fmt.Sprintf("%s: %s (supply it with %s)", p.Field.Label, p.Message, supplier(p.Field)))
	}
	return &InputError{Problems: lines}
}

// fillSecretsFromKeyring reads the secrets nothing else supplied, when the
// names they are saved under are known.
func (w *wizard) fillSecretsFromKeyring(ctx context.Context) {
	w.a.Normalize()
	var wanted []savedSecret
	if w.a.AuthMethod == AuthWorkerApp && w.a.WorkerClientSecret == "" && w.a.WorkerEnvironmentID != "" && w.a.WorkerClientID != "" {
		wanted = append(wanted, w.workerSecrets()...)
	}
	if w.a.SalesforceDomain != "" && w.a.ClientID != "" {
		for _, s := range w.salesforceSecrets() {
			if *s.value == "" {
				wanted = append(wanted, s)
			}
		}
	}
	if len(wanted) == 0 || !w.keyringUsable() {
		return
	}
	for _, s := range wanted {
		v, err := w.opts.Keyring.Get(ctx, s.account)
		switch {
		case err == nil:
			*s.value = v
			w.progress("Using the saved %s from the keyring.", strings.ToLower(s.label))
		case errors.Is(err, secrets.ErrNotFound):
		default:
			w.keyringFailed(err)
			return
		}
	}
}

// createWithChecks runs the optional checks, creates the store, then saves
// secrets and publishes as asked.
func (w *wizard) createWithChecks(ctx context.Context) (*api.Store, error) {
	client, err := w.newClient(ctx)
	if err != nil {
		return nil, err
	}
	env := w.a.TargetEnvironmentID()
	req := w.a.Request()
	if w.opts.TestConnection {
		w.progress("Testing the Salesforce connection through PingOne…")
		if _, err := client.TestConnection(ctx, env, &req); err != nil {
			return nil, err // already says "test connection: …"
		}
		w.progress("✓ PingOne reached Salesforce with these settings.")
	}
	if err := w.refuseDuplicate(ctx, client, env); err != nil {
		return nil, err
	}
	w.progress("Creating the store in environment %s…", env)
	store, err := client.CreateSalesforceStore(ctx, env, &req)
	if err != nil {
		if ctx.Err() != nil {
			w.warnMaybeCreated()
		}
		return nil, err
	}
	if w.opts.SaveSecrets {
		w.saveSecrets(ctx)
	}
	if w.opts.Publish {
		w.publish(ctx, client, env)
	}
	return store, nil
}

// refuseDuplicate stops a scripted run when a Salesforce store with the same
// name exists, unless --allow-duplicate-name.
func (w *wizard) refuseDuplicate(ctx context.Context, client *api.Client, env string) error {
	if w.opts.AllowDuplicateName {
		return nil
	}
	dup, err := findDuplicate(ctx, client, env, w.a.Name)
	if err != nil {
		return fmt.Errorf("check for a store with the same name: %w", err)
	}
	if dup != nil {
		return &DuplicateError{Name: w.a.Name, ID: dup.ID}
	}
	return nil
}

// DuplicateError stops a scripted run that would create a second
// Salesforce store of the same name.
type DuplicateError struct{ Name, ID string }

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("a Salesforce store named %q already exists (id %s); use another --name, or --allow-duplicate-name to create it anyway", e.Name, e.ID)
}

func findDuplicate(ctx context.Context, client *api.Client, env, name string) (*api.Store, error) {
	stores, err := client.ListStores(ctx, env)
	if err != nil {
		return nil, err
	}
	for i, s := range stores {
		if s.Type == api.StoreTypeSalesforce && strings.EqualFold(strings.TrimSpace(s.Name), strings.TrimSpace(name)) {
			return &stores[i], nil
		}
	}
	return nil, nil
}

// publish creates a propagation revision; a failure is reported, and does
// not undo the store.
func (w *wizard) publish(ctx context.Context, client *api.Client, env string) {
	w.progress("Creating a propagation revision (this starts a resync)…")
	if _, err := client.CreateRevision(ctx, env); err != nil {
		w.notice(w.st.Warn, "! The store was created, but the revision failed: "+redact.Redact(err.Error(), w.a.secretValues()...))
		return
	}
	w.progress("✓ Revision created: the store shows in the admin console.")
}

// progress prints a line of progress to stderr.
func (w *wizard) progress(format string, args ...any) {
	fmt.Fprintf(w.opts.ErrOut, format+"\n", args...)
}
