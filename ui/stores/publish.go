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
	rev, err := s.CreateRevision(ctx, p)
	if err != nil {
		return fail(s, "PingOne did not create the revision", err)
	}
	if s.Opts.JSON {
		return s.WriteJSON(revisionJSON(rev))
	}
	return s.Say(s.OutStyles.OK, "✓ Revision created (id "+rev.ID+"): the admin console shows the stores as the API left them, and PingOne resyncs them.")
}

// revisionJSON is the --json form of a revision: what PingOne answered,
// secrets redacted by the client.
func revisionJSON(rev *api.Revision) any {
	if rev.Raw != nil {
		return rev.Raw
	}
	return map[string]string{"id": rev.ID, "createdAt": rev.CreatedAt}
}
