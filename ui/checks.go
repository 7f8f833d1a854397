package ui

import (
	"context"
	"errors"
	"fmt"

	"github.com/charmbracelet/huh"

	"sfstore/api"
	"sfstore/api/redact"
)

// cmpErr returns err, or fallback when err is nil.
func cmpErr(err, fallback error) error {
	if err != nil {
		return err
	}
	return fallback
}

// testConnection asks PingOne to connect to Salesforce with the answers,
// creating nothing, and shows pass or fail with PingOne's reason.
func (w *wizard) testConnection(ctx context.Context) error {
	req := w.a.Request()
	var result *api.ConnectionResult
	err := w.runTask(ctx, "Asking PingOne to connect to Salesforce", func(ctx context.Context) error {
		client, err := w.newClient(ctx)
		if err != nil {
			return err
		}
		result, err = client.TestConnection(ctx, w.a.TargetEnvironmentID(), &req)
		return err
	})
	switch {
	case errors.Is(err, ErrCancelled):
		return err
	case err != nil:
		w.problems = fieldProblems(err)
		fmt.Fprintln(w.opts.ErrOut, renderErrorTitled(w.st, "The connection test failed", err, w.opts.Width, w.a.secretValues()...))
		return w.recover(ctx, err, "Connection test failed", "Nothing was created. What now?")
	default:
		msg := "✓ PingOne connected to Salesforce with these settings."
		if result != nil && result.Message != "" {
			msg += " PingOne: " + redact.Redact(result.Message, w.a.secretValues()...)
		}
		w.notice(w.st.OK, msg)
	}
	return errEditAgain
}

// confirmUniqueName warns when a Salesforce store of the same name exists
// in the target environment and asks whether to create another. A failure
// to list is not fatal: the create call reports any real problem.
func (w *wizard) confirmUniqueName(ctx context.Context) (bool, error) {
	var dup *api.Store
	err := w.runTask(ctx, "Checking for a store with the same name", func(ctx context.Context) error {
		client, err := w.newClient(ctx)
		if err != nil {
			return err
		}
		dup, err = findDuplicate(ctx, client, w.a.TargetEnvironmentID(), w.a.Name)
		return err
	})
	if errors.Is(err, ErrCancelled) {
		return false, err
	}
	if err != nil || dup == nil {
		return true, nil
	}
	proceed := false
	f := w.form(huh.NewGroup(w.yesNo(
		fmt.Sprintf("A Salesforce store named %q already exists", dup.Name),
		fmt.Sprintf("ID %s, status %s. Two stores with one name are easy to confuse.\nCreate another one anyway?", dup.ID, dup.Status),
		&proceed)).Title(w.titleText("Same name")))
	if err := w.run(ctx, f); err != nil {
		return false, err
	}
	return proceed, nil
}

// offerPublish offers to create a propagation revision so the store shows
// in the admin console.
func (w *wizard) offerPublish(ctx context.Context) error {
	publish := false
	f := w.form(huh.NewGroup(w.yesNo("Create a propagation revision now?",
		"The store then shows in the admin console. This starts a resync of the environment's stores.",
		&publish)).Title(w.titleText("Publish")))
	if err := w.run(ctx, f); err != nil {
		return err
	}
	if !publish {
		return nil
	}
	err := w.runTask(ctx, "Creating a propagation revision", func(ctx context.Context) error {
		client, err := w.newClient(ctx)
		if err != nil {
			return err
		}
		_, err = client.CreateRevision(ctx, w.a.TargetEnvironmentID())
		return err
	})
	switch {
	case errors.Is(err, ErrCancelled):
		return err
	case err != nil:
		w.notice(w.st.Warn, "! The store was created, but the revision failed: "+redact.Redact(err.Error(), w.a.secretValues()...))
	default:
		w.notice(w.st.OK, "✓ Revision created: the store shows in the admin console.")
	}
	return nil
}
