package stores

import (
	"context"
	"fmt"
	"time"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/cards"
)

// showJSON is `sfstore show --json`: the store, secrets masked, and what
// its sync status means.
type showJSON struct {
	api.Store
	Diagnosis Diagnosis `json:"diagnosis"`
}

// Show prints one store: its settings with secrets masked, its sync status
// with PingOne's details in plain words, and what to do next.
func Show(ctx context.Context, s *ui.Session, p Prompter, ref string) error {
	f, err := find(ctx, s, p, ref)
	if err != nil {
		return err
	}
	d := Diagnose(f.Store, Ref(f.Store, f.All))
	if s.Opts.Demo {
		d = d.inDemo()
	}
	if s.Opts.JSON {
		return s.WriteJSON(showJSON{Store: f.Store.Masked(), Diagnosis: d})
	}
	_, err = fmt.Fprintln(s.Out, cards.RenderStoreDetail(s.OutStyles, &f.Store, d.Advice(), s.OutWidth, time.Now(), s.Opts.Demo))
	return err
}
