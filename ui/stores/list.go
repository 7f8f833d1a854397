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
