package stores

import (
	"context"
	"fmt"
	"time"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/cards"
)

// List prints the target environment's Salesforce stores, every page of
// them: name, ID, status, sync state, last sync and failed count; with
// --json, the stores themselves, secrets masked.
func List(ctx context.Context, s *ui.Session, p Prompter) error {
	if err := ready(ctx, s, p); err != nil {
		return err
	}
	env := s.Answers.TargetEnvironmentID()
	all, err := listStores(ctx, s, p, "Listing the stores of environment "+env)
	if err != nil {
		return fail(s, "sfstore could not list the stores", err)
	}
	sf := Salesforce(all)
	if s.Opts.JSON {
		masked := make([]api.Store, 0, len(sf))
		for _, st := range sf {
			masked = append(masked, st.Masked())
		}
		return s.WriteJSON(masked)
	}
	_, err = fmt.Fprintln(s.Out, cards.RenderStoreList(s.OutStyles, env, sf, s.OutWidth, time.Now()))
	return err
}

// showJSON is `sfstore show --json`: the store, secrets masked, and what
// its sync status means.
type showJSON struct {
	api.Store
	Diagnosis Diagnosis `json:"diagnosis"`
}

// Show prints one store: its settings with secrets masked, its sync status
// with PingOne's details in plain words, and what to do next.
func Show(ctx context.Context, s *ui.Session, p Prompter, ref string) error {
	if err := ready(ctx, s, p); err != nil {
		return err
	}
	f, err := find(ctx, s, p, ref)
	if err != nil {
		return err
	}
	d := Diagnose(f.Store, Ref(f.Store, f.All))
	if s.Opts.JSON {
		return s.WriteJSON(showJSON{Store: f.Store.Masked(), Diagnosis: d})
	}
	_, err = fmt.Fprintln(s.Out, cards.RenderStoreDetail(s.OutStyles, &f.Store, d.Advice(), s.OutWidth, time.Now(), s.Opts.Demo))
	return err
}

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
	_, err = fmt.Fprintln(s.Out, s.OutStyles.OK.Render("✓ Revision created")+s.OutStyles.Clean(" (id "+rev.ID+"): the admin console shows the stores as the API left them, and PingOne resyncs them."))
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
