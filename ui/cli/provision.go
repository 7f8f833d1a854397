package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"sfstore/ui"
	"sfstore/ui/chain"
	"sfstore/ui/provision"
	"sfstore/ui/settings"
	"sfstore/ui/wizard"
)

// provisionCmd holds provision's flags.
type provisionCmd struct {
	app               *app
	population        string
	filter            string
	maps, mapExprs    []string
	noActivate        bool
	noPublish, dryRun bool
	wait              time.Duration
}

func newProvisionCmd(a *app) *cobra.Command {
	c := &provisionCmd{app: a}
	cmd := &cobra.Command{
		Use:   "provision [NAME|ID]",
		Short: "Provision users into a store: rule, mappings, publish, watch the first sync",
		Long: `Make PingOne provision users into a Salesforce store, reusing what exists and
creating only what is missing: the directory source store, the environment's
one plan (never a second), the rule that targets this store (an existing one
is updated, not duplicated) and its attribute mappings (a complete default set
for creating a Salesforce user; a re-run changes a mapping in place). Then it
enables the store (its secrets come from the keyring, never the masked values
PingOne returns), activates the rule and the plan, publishes a revision and
watches the store's sync until the first user is synced.

In a terminal, pick the population and review the mappings (change, add or
drop a row; required ones cannot go), then confirm the writes. With
--no-input, --population or --filter scope the rule (else the existing rule's
scope, else the default population), and --map/--map-expr change the
defaults. --dry-run reads what it must and prints every write it would send,
in order, secrets masked. A run stopped halfway says what exists; running it
again continues from there.

` + provision.ExitCodesHelp,
		Example: `  # Try it: the demo ends with a synced user
  sfstore provision --demo "Salesforce production" --no-input

  # Interactive: pick the population, review the mappings, confirm
  sfstore provision "Salesforce production"

  # Scripted, scoped by a SCIM filter, one mapping changed, what would be sent
  sfstore provision "Salesforce production" --no-input --filter 'email ew "@acme.com"' \
      --map FederationIdentifier=username --map-expr 'Alias=#string.substring(user.username, 0, 8)' --dry-run

  # Everything but the publish, as JSON
  sfstore provision 3f6c2a1e-8b4d-4e7a-9c15-6d2e8f0a4b71 --no-input --population Employees --no-publish --json`,
		Args:              maxOneStore,
		ValidArgsFunction: a.completeStores,
		RunE:              c.run,
	}
	fs := cmd.Flags()
	fs.StringVar(&c.population, "population", "", "scope the rule to a population, by name or ID (default: the rule's scope, else the default population)")
	fs.StringVar(&c.filter, "filter", "", "scope the rule by a SCIM filter instead, e.g. 'email ew \"@acme.com\"'")
	fs.StringArrayVar(&c.maps, "map", nil, "map a Salesforce attribute from a PingOne one, TARGET=SOURCE (repeatable)")
	fs.StringArrayVar(&c.mapExprs, "map-expr", nil, "map a Salesforce attribute from a PingOne expression, TARGET=EXPRESSION (repeatable)")
	fs.BoolVar(&c.noActivate, "no-activate", false, "stop before enabling the store and activating the rule and plan (nothing is published)")
	fs.BoolVar(&c.noPublish, "no-publish", false, "stop before publishing a revision (nothing syncs until one)")
	fs.DurationVar(&c.wait, "wait", 2*time.Minute, "how long to watch the sync for the first user; 0 does not watch")
	fs.BoolVar(&c.dryRun, "dry-run", false, "read, then print every write in order, secrets masked; send nothing")
	inGroup(fs, groupRun, "population", "filter", "map", "map-expr", "no-activate", "no-publish", "wait", "dry-run")
	return cmd
}

// retrySleep is provision's wait before a write is sent again after a
// 429; nil waits for real. Tests set it so as not to wait out Retry-After.
var retrySleep func(ctx context.Context, d time.Duration) error

// options checks the flags and turns them into provision's options; a
// mistake is an InputError (exit 2) before anything is read.
func (c *provisionCmd) options(args []string) (provision.Options, error) {
	o := provision.Options{Population: strings.TrimSpace(c.population), Filter: strings.TrimSpace(c.filter),
		NoActivate: c.noActivate, NoPublish: c.noPublish || c.noActivate, DryRun: c.dryRun,
		Watch: provision.Watch{Wait: c.wait}, RetrySleep: retrySleep}
	if len(args) == 1 {
		o.Store = args[0]
	}
	var problems []string
	if o.Population != "" && o.Filter != "" {
		problems = append(problems, "--population and --filter both scope the rule: give one")
	}
	if c.wait < 0 {
		problems = append(problems, fmt.Sprintf("--wait: expected a duration of 0 or more (2m, 90s), got %s", c.wait))
	}
	for _, v := range c.maps {
		// chain's reading: a PingOne attribute name, else an expression.
		m, err := chain.ParseOverride(v)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		o.Overrides = append(o.Overrides, provision.Override{Target: m.Target, Source: m.Source, Expression: m.Expression})
	}
	for _, v := range c.mapExprs {
		ov, err := provision.ParseOverride(v, true)
		if err != nil {
			problems = append(problems, "--map-expr: "+err.Error())
			continue
		}
		o.Overrides = append(o.Overrides, ov)
	}
	if len(problems) > 0 {
		return o, &settings.InputError{Problems: problems}
	}
	return o, nil
}

func (c *provisionCmd) run(cmd *cobra.Command, args []string) error {
	o, err := c.options(args)
	if err != nil {
		return usageError(cmd, err)
	}
	a := c.app
	ans, _, opts, err := a.setup("", nil)
	if err != nil {
		return err
	}
	opts.DryRun = o.DryRun
	o.Watch = c.app.watchFor(opts.Demo, o.Watch)
	s, stop, err := a.newSession(cmd, ans, opts)
	if err != nil {
		return err
	}
	defer stop()
	return provision.Run(cmd.Context(), s, provisionPrompter(s), o)
}

// provisionPrompter is the wizard in a terminal, a script otherwise.
func provisionPrompter(s *ui.Session) provision.Prompter {
	if s.Opts.NoInput {
		return provision.NewScript(s)
	}
	return wizard.New(s)
}

// provisionAfterCreate runs provision for a store the wizard just created.
func (a *app) provisionAfterCreate(s *ui.Session) func(ctx context.Context, storeID string) error {
	return func(ctx context.Context, storeID string) error {
		return provision.Run(ctx, s, provisionPrompter(s), provision.Options{Store: storeID, Watch: a.watchFor(s.Opts.Demo, provision.Watch{Wait: 2 * time.Minute})})
	}
}

// watchFor is w, polling every second in the demo (or at its sync pace,
// when that is quicker): it syncs a user every 1.5 s, so the first one
// shows as it comes, after a create too.
func (a *app) watchFor(demo bool, w provision.Watch) provision.Watch {
	if demo {
		w.Interval = time.Second
		if p := a.deps.DemoSyncPace; p > 0 {
			w.Interval = min(w.Interval, p)
		}
	}
	return w
}
