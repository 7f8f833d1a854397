package ui

import (
	"context"
	"errors"
	"fmt"

	"github.com/charmbracelet/huh"

	"sfstore/api"
	"sfstore/api/redact"
)

const typeAnotherID = "other"

// askTargetEnvironment offers the environments the credentials may list.
// Listing them also proves the sign-in works: credentials PingOne refuses
// are shown at once and asked again, rather than after the whole wizard.
// When listing is not allowed (a 403) or fails, the ID is typed instead.
func (w *wizard) askTargetEnvironment(ctx context.Context) error {
	var envs []api.Environment
	err := w.runTask(ctx, "Signing in to PingOne and listing your environments", func(ctx context.Context) error {
		client, err := w.newClient(ctx)
		if err != nil {
			return err
		}
		envs, err = client.ListEnvironments(ctx)
		return err
	})
	switch {
	case errors.Is(err, ErrCancelled):
		return err
	case signInRefused(err):
		fmt.Fprintln(w.opts.ErrOut, RenderError(w.st, err, w.opts.Width, w.a.secretValues()...))
		w.notice(w.st.Warn, "Check the PingOne sign-in and try again; every answer is kept.")
		return errAskAgain
	case err != nil:
		w.notice(w.st.Muted, "The environments cannot be listed ("+redact.Redact(hintOrError(err), w.a.secretValues()...)+"); type the ID instead.")
		return w.run(ctx, w.targetEnvironmentForm())
	case len(envs) == 0:
		return w.run(ctx, w.targetEnvironmentForm())
	}
	return w.pickEnvironment(ctx, envs)
}

// signInRefused says whether PingOne refused the credentials themselves, as
// opposed to a missing permission to list environments.
func signInRefused(err error) bool {
	var tokenErr *api.TokenError
	var apiErr *api.Error
	return errors.As(err, &tokenErr) || errors.As(err, &apiErr) && apiErr.StatusCode == 401
}

func hintOrError(err error) string {
	if h := hintOf(err); h != "" {
		return h
	}
	return err.Error()
}

func (w *wizard) pickEnvironment(ctx context.Context, envs []api.Environment) error {
	choice := w.a.TargetEnvironmentID()
	opts := make([]huh.Option[string], 0, len(envs)+1)
	known := false
	for _, e := range envs {
		known = known || e.ID == choice
		opts = append(opts, huh.NewOption(fmt.Sprintf("%s · %s · %s", e.Name, e.Type, e.ID), e.ID))
	}
	if !known {
		choice = typeAnotherID
	}
	opts = append(opts, huh.NewOption("Another environment: type its ID", typeAnotherID))
	f := w.form(huh.NewGroup(
		huh.NewSelect[string]().Title(FieldEnvironmentID.Label).
			Description("Where the store is created. The worker app's role must cover it.").
			Options(opts...).Value(&choice),
	).Title(w.title(StepPingOne)))
	if err := w.run(ctx, f); err != nil {
		return err
	}
	if choice == typeAnotherID {
		return w.run(ctx, w.targetEnvironmentForm())
	}
	w.a.EnvironmentID = choice
	return nil
}
