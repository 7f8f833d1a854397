package stores

import (
	"context"

	"sfstore/api"
	"sfstore/ui"
)

// Publish creates a propagation revision in the target environment, so the
// admin console shows the API's changes; it starts a resync.
func Publish(ctx context.Context, s *ui.Session, p Prompter) error {
	if err := ready(ctx, s, p); err != nil {
		return err
	}
	rev, err := publish(ctx, s, p)
	if err != nil {
		return fail(s, "PingOne did not create the revision", err)
	}
	if s.Opts.JSON {
		return s.WriteJSON(revisionJSON(rev))
	}
	err = s.Say(s.OutStyles.OK, "✓ Revision created (id "+rev.ID+"): the admin console shows the stores as the API left them, and PingOne resyncs them.")
	return err
}

// publish creates the revision under p's progress.
func publish(ctx context.Context, s *ui.Session, p ui.Prompter) (*api.Revision, error) {
	var rev *api.Revision
	err := p.Task(ctx, "Creating a propagation revision (this starts a resync)", func(ctx context.Context) error {
		client, err := s.Client()
		if err != nil {
			return err
		}
		rev, err = client.CreateRevision(ctx, s.Answers.TargetEnvironmentID())
		return err
	})
	return rev, err
}

// revisionJSON is the --json form of a revision: what PingOne answered,
// secrets redacted by the client.
func revisionJSON(rev *api.Revision) any {
	if rev.Raw != nil {
		return rev.Raw
	}
	return map[string]string{"id": rev.ID, "createdAt": rev.CreatedAt}
}
