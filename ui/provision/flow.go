package provision

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/chain"
	"sfstore/ui/stores"
)

// Run provisions users into a store: it finds the store, reads the chain
// through it, settles the scope and the mappings (asking in a terminal,
// from the flags otherwise), plans the writes, prints them (--dry-run) or
// sends them in order, then watches the sync. It returns nil when the
// first user is synced (or there is nothing to wait for), an *ExitError
// with its code otherwise, once everything is shown.
func Run(ctx context.Context, s *ui.Session, p Prompter, o Options) error {
	f, err := findStore(ctx, s, p, o.Store)
	if err != nil {
		return err
	}
	env := s.Answers.TargetEnvironmentID()
	client, err := s.Client()
	if err != nil {
		return stores.Fail(s, "sfstore could not sign in to PingOne", err)
	}
	var st *state
	err = p.Task(ctx, "Reading what provisions through "+f.Store.Name+": directory store, plan, rules, mappings, revision, populations", func(ctx context.Context) error {
		st, err = readState(ctx, client, env, f.Store)
		return err
	})
	if err != nil {
		return stores.Fail(s, "sfstore could not read what provisions through the store", err)
	}
	ref := stores.Ref(f.Store, f.All)
	sayFound(s, st)
	for _, r := range st.OtherRules {
		s.Notice(s.ErrStyles.Warn, fmt.Sprintf("! Another rule targets this store too: %s (%s). It is left as it is; provision changes %s.", r.Name, r.ID, st.Rule.ID))
	}
	d, err := decide(ctx, s, p, st, o)
	if err != nil {
		return err
	}
	writes := plan(st, d)
	ids := &IDs{Env: env, Store: st.Store.ID}
	if st.Directory != nil {
		ids.Directory = st.Directory.ID
	}
	if st.Plan != nil {
		ids.Plan = st.Plan.ID
	}
	if st.Rule != nil {
		ids.Rule = st.Rule.ID
	}
	for _, m := range st.Mappings {
		if ids.mapping(m.TargetAttribute) == "" {
			ids.setMapping(m.TargetAttribute, m.ID)
		}
	}
	views, err := describe(writes, ids, s.Secrets.Redact)
	if err != nil {
		return err
	}
	if o.DryRun {
		return dryRun(s, st, d, views, ids)
	}
	if len(writes) > 0 {
		ok, err := p.ConfirmWrites(ctx, views)
		switch {
		case err != nil:
			return err
		case !ok:
			s.Notice(s.ErrStyles.Muted, "Nothing was sent.")
			return ui.ErrCancelled
		}
	}
	x := &executor{s: s, p: p, client: client, ids: ids, sleep: o.Watch.sleep()}
	if o.RetrySleep != nil {
		x.sleep = o.RetrySleep
	}
	statuses, runErr := x.run(ctx, writes)
	final, derr := describe(writes, ids, s.Secrets.Redact)
	if derr != nil {
		final = views
	}
	for i := range final {
		final[i].Status, final[i].ID = statuses[i], x.idOf(writes[i])
	}
	res := result(st, d, final, ids)
	res.Rerun = rerun(s, ref, o)
	if runErr != nil {
		return stoppedReport(s, res, writes, runErr)
	}
	published := false
	for _, w := range writes {
		published = published || w.Step == stepRevision
	}
	return watch(ctx, s, p, client, st, res, o, published, ref)
}

// sayFound says what exists already and will be reused: an existing rule
// is shown, then updated, never duplicated.
func sayFound(s *ui.Session, st *state) {
	if d := st.Directory; d != nil {
		s.Notice(s.ErrStyles.Muted, fmt.Sprintf("Reusing the directory store %s (%s).", d.Name, d.ID))
	}
	if p := st.Plan; p != nil {
		s.Notice(s.ErrStyles.Muted, fmt.Sprintf("Reusing the plan %s (%s, %s).", p.Name, p.ID, orNone(p.Status)))
	}
	if r := st.Rule; r != nil {
		state := "inactive"
		if r.Active {
			state = "active"
		}
		s.Notice(s.ErrStyles.Muted, fmt.Sprintf("Reusing the rule %s (%s, %s, scope %s) and its %d mappings.",
			r.Name, r.ID, state, orNone(r.PopulationExpression), len(st.Mappings)))
	}
}

// findStore is the store named ref, or, with none named, the one the
// person picks (a script must name it).
func findStore(ctx context.Context, s *ui.Session, p Prompter, ref string) (*stores.Found, error) {
	if strings.TrimSpace(ref) == "" {
		if s.Opts.NoInput {
			return nil, errNameTheStore
		}
		if err := stores.Ready(ctx, s, p); err != nil {
			return nil, err
		}
		all, err := stores.ListSalesforce(ctx, s, p, "Listing the Salesforce stores of environment "+s.Answers.TargetEnvironmentID())
		if err != nil {
			return nil, stores.Fail(s, "sfstore could not list the stores", err)
		}
		if len(all) == 0 {
			return nil, stores.Fail(s, "No Salesforce store", errors.New("the environment has no Salesforce store: create one first (sfstore create)"))
		}
		picked, err := p.PickStore(ctx, all)
		if err != nil {
			return nil, err
		}
		ref = picked.ID
	}
	return stores.Find(ctx, s, p, ref)
}

// decide settles the scope, the mappings and the store's secrets.
func decide(ctx context.Context, s *ui.Session, p Prompter, st *state, o Options) (decisions, error) {
	d := decisions{NoActivate: o.NoActivate, NoPublish: o.NoPublish || o.NoActivate}
	var err error
	if d.Expression, err = scope(ctx, s, p, st, o); err != nil {
		return d, err
	}
	overrides := make([]chain.Mapping, 0, len(o.Overrides))
	for _, ov := range o.Overrides {
		overrides = append(overrides, chain.Mapping{Target: ov.Target, Source: ov.Source, Expression: ov.Expression})
	}
	cfg := st.Store.Configuration
	rv := &Review{Rows: wantedRows(st, overrides), Targets: st.Targets.Names, Note: targetsNote(st.Targets),
		Check: func(rows []Row) []string {
			fails, _ := rowsProblems(rows, cfg, st.Targets, s.Opts.NoInput)
			return fails
		}}
	if !st.Targets.FromMetadata {
		s.Notice(s.ErrStyles.Muted, rv.Note)
	}
	if err := p.ReviewMappings(ctx, rv); err != nil {
		return d, err
	}
	d.Rows = rv.Rows
	required := chain.Required(cfg)
	for i := range d.Rows {
		d.Rows[i].Required = containsFold(required, d.Rows[i].Target)
	}
	_, warns := rowsProblems(d.Rows, cfg, st.Targets, s.Opts.NoInput)
	for _, w := range warns {
		s.Notice(s.ErrStyles.Warn, "! "+w)
	}
	if !d.NoActivate && !strings.EqualFold(st.Store.Status, api.StatusActive) {
		body, err := stores.StoreWithSecrets(ctx, s, p, st.Store)
		if err != nil {
			return d, err
		}
		d.StoreBody = &body
	}
	return d, nil
}

func containsFold(list []string, v string) bool {
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}

// rerun is the command that runs provision again with the same choices.
func rerun(s *ui.Session, ref string, o Options) string {
	args := []string{"provision", ref}
	if o.Filter != "" {
		args = append(args, "--filter", shellQuote(o.Filter))
	}
	if o.Population != "" {
		args = append(args, "--population", shellQuote(o.Population))
	}
	for _, ov := range o.Overrides {
		if ov.Expression != "" {
			args = append(args, "--map-expr", shellQuote(ov.Target+"="+ov.Expression))
		} else {
			args = append(args, "--map", shellQuote(ov.Target+"="+ov.Source))
		}
	}
	if o.NoActivate {
		args = append(args, "--no-activate")
	} else if o.NoPublish {
		args = append(args, "--no-publish")
	}
	if s.Opts.NoInput {
		args = append(args, "--no-input")
	}
	return s.Command(strings.Join(args, " "))
}

func shellQuote(v string) string {
	if v != "" && strings.IndexFunc(v, func(r rune) bool {
		return !(r == '-' || r == '_' || r == '.' || r == '=' || r == '/' || r == ':' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0 {
		return v
	}
	return "'" + strings.ReplaceAll(v, "'", `'\''`) + "'"
}
