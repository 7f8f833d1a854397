package stores

import (
	"context"
	"fmt"
	"time"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/cards"
	"sfstore/ui/chain"
)

// showJSON is `sfstore show --json`: the store, secrets masked, what its
// sync status means, and what provisions through it.
type showJSON struct {
	api.Store
	Diagnosis    Diagnosis           `json:"diagnosis"`
	Provisioning *cards.Provisioning `json:"provisioning"`
}

// Show prints one store: its settings with secrets masked, its sync status
// with PingOne's details in plain words, what provisions through it, and
// what to do next.
func Show(ctx context.Context, s *ui.Session, p Prompter, ref string) error {
	f, err := find(ctx, s, p, ref)
	if err != nil {
		return err
	}
	name := Ref(f.Store, f.All)
	var c *chain.Chain
	err = p.Task(ctx, "Reading what provisions through the store", func(ctx context.Context) error {
		client, err := s.Client()
		if err != nil {
			return err
		}
		c, err = chain.ReadFor(ctx, client, s.Answers.TargetEnvironmentID(), f.Store)
		return err
	})
	if isCancelled(err) {
		return err
	}
	if c != nil && c.Store != nil {
		noteSecrets(s, []api.Store{*c.Store})
	}
	prov := provisioning(c, err, name, s.Command)
	d := Diagnose(f.Store, name)
	if s.Opts.Demo {
		d = d.inDemo()
	}
	if s.Opts.JSON {
		return s.WriteJSON(showJSON{Store: f.Store.Masked(), Diagnosis: d, Provisioning: inert(prov, s.OutStyles.Clean)})
	}
	advice := d.Advice()
	advice.Provisioning = prov
	_, err = fmt.Fprintln(s.Out, cards.RenderStoreDetail(s.OutStyles, &f.Store, advice, s.OutWidth, time.Now(), s.Opts.Demo))
	return err
}
