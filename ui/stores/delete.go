package stores

import (
	"context"
	"fmt"

	"sfstore/api"
	"sfstore/ui"
)

// DeleteOptions are a delete's flags.
type DeleteOptions struct {
	Yes           bool // delete without typing the name (scripts must)
	ForgetSecrets bool // scripts: forget the store's saved secrets afterwards
	Publish       bool // scripts: create a revision afterwards
}

// Delete deletes a store. In a terminal the person types its name (or ID)
// first; a script must say --yes, or nothing is sent (exit 2). Afterwards
// it offers to forget the store's saved secrets and to publish.
func Delete(ctx context.Context, s *ui.Session, p Prompter, ref string, o DeleteOptions) error {
	if s.Opts.NoInput && !o.Yes {
		return ErrDeleteNeedsYes // before any request: nothing is read or deleted
	}
	f, err := find(ctx, s, p, ref)
	if err != nil {
		return err
	}
	st := f.Store
	if err := p.ConfirmDelete(ctx, st, deleteWarning(st)); err != nil {
		return err
	}
	err = p.Task(ctx, "Deleting the store "+st.ID, func(ctx context.Context) error {
		client, err := s.Client()
		if err != nil {
			return err
		}
		return client.DeleteStore(ctx, s.Answers.TargetEnvironmentID(), st.ID)
	})
	if err != nil {
		if isCancelled(err) {
			s.Notice(s.ErrStyles.Warn, "! Cancelled while PingOne was answering: the store may be deleted; check with `"+s.Command("list")+"`.")
		}
		return fail(s, "PingOne did not delete the store", err)
	}
	if s.Opts.JSON {
		err = s.WriteJSON(map[string]any{"deleted": true, "id": st.ID, "name": st.Name})
	} else {
		err = s.Say(s.OutStyles.OK, fmt.Sprintf("✓ Deleted the store %s (%s).", st.Name, st.ID))
	}
	if err != nil {
		return err
	}
	// The store is gone whatever happens now: what follows is reported,
	// and does not change the outcome.
	if err := forgetSaved(ctx, s, p, st, f.All, o.ForgetSecrets); err != nil {
		return nil // Ctrl-C at the question: nothing more is offered
	}
	afterDelete(ctx, s, p, st, o.Publish)
	return nil
}

// deleteWarning says what deleting st does.
func deleteWarning(st api.Store) string {
	w := "PingOne stops provisioning to this Salesforce org through this store. A store a propagation rule uses cannot be deleted: remove it from the rule first."
	if st.Managed != nil && *st.Managed {
		w += " Deprovisioning is on: PingOne deprovisions the store's users from Salesforce at the next revision."
	}
	return w
}

// afterDelete offers a revision, so the admin console stops showing the
// store (and, when it was managed, its users are deprovisioned).
func afterDelete(ctx context.Context, s *ui.Session, p Prompter, st api.Store, flag bool) {
	desc := "The admin console then stops showing the store. This starts a resync of the environment's stores."
	if st.Managed != nil && *st.Managed {
		desc += " Its users are deprovisioned from Salesforce."
	}
	ok, err := p.Confirm(ctx, Question{Title: "Create a propagation revision now?", Description: desc, Script: flag})
	if err != nil || !ok {
		return
	}
	rev, err := s.CreateRevision(ctx, p)
	switch {
	case isCancelled(err):
	case err != nil:
		s.Notice(s.ErrStyles.Warn, "! The store was deleted, but the revision failed: "+err.Error())
	default:
		s.Notice(s.ErrStyles.OK, "✓ Revision created (id "+rev.ID+").")
	}
}
