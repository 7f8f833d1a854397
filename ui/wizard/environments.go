package wizard

import (
	"context"
	"errors"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/settings"
)

const typeAnotherID = "\x00other"

// askTargetEnvironment offers the environments the credentials may list.
// Listing them also proves the sign-in works: credentials PingOne refuses
// are shown at once and asked again, rather than after the whole wizard.
// When listing is not allowed (a 403) or fails, the ID is typed instead.
func (w *Wizard) askTargetEnvironment(ctx context.Context) error {
	switch {
	case w.s.Editing != nil:
		return errSkip // the store stays where it is
	case w.fromProfile():
		return errSkip // the profile's, or else its worker app's
	case w.s.Opts.DryRun:
		// A dry run signs in nowhere, so there is no list to pick from.
		return w.run(ctx, w.targetEnvironmentForm())
	}
	var envs []api.Environment
	err := w.Task(ctx, "Signing in to PingOne and listing your environments", func(ctx context.Context) error {
		client, err := w.s.Client()
		if err != nil {
			return err
		}
		envs, err = client.ListEnvironments(ctx)
		return err
	})
	switch {
	case errors.Is(err, ui.ErrCancelled):
		return err
	case signInRefused(err):
		w.s.ReportFailure("PingOne refused the sign-in", err)
		w.s.Notice(w.st.Warn, "Check the PingOne sign-in and try again; every answer is kept.")
		return errAskAgain
	case err != nil:
		w.s.Notice(w.st.Muted, "The environments cannot be listed ("+hintOrError(err)+"); type the ID instead.")
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

// hintOrError is the hint of a PingOne or token error, else its message.
func hintOrError(err error) string {
	var apiErr *api.Error
	var tokenErr *api.TokenError
	switch {
	case errors.As(err, &apiErr) && apiErr.Hint() != "":
		return apiErr.Hint()
	case errors.As(err, &tokenErr) && tokenErr.Hint() != "":
		return tokenErr.Hint()
	}
	return err.Error()
}

func (w *Wizard) pickEnvironment(ctx context.Context, envs []api.Environment) error {
	chosen := w.a.TargetEnvironmentID()
	opts := make([]pickOption, 0, len(envs)+1)
	known := false
	for _, e := range envs {
		known = known || e.ID == chosen
		opts = append(opts, pickOption{label: e.Name + " · " + e.Type + " · " + e.ID, value: e.ID})
	}
	if !known {
		chosen = typeAnotherID
	}
	opts = append(opts, pickOption{label: "Another environment: type its ID", value: typeAnotherID, pinned: true})
	chosen, err := w.pick(ctx, w.title(settings.StepPingOne), settings.FieldEnvironmentID.Label,
		"Where the store is created; the Environment Admin role must cover it.", "", opts, chosen)
	if err != nil {
		return err
	}
	if chosen == typeAnotherID {
		return w.run(ctx, w.targetEnvironmentForm())
	}
	w.a.EnvironmentID = chosen
	return nil
}
