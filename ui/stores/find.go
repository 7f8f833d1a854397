package stores

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/settings"
)

// found is a store found by name or ID and read afresh, with the
// environment's Salesforce stores: names that are taken, apps that are
// shared.
type found struct {
	Store api.Store   // as GET returned it, secrets as PingOne gives them
	All   []api.Store // every Salesforce store of the environment, as api.EachStoreSummary reads them
}

// find gets the session ready (ready), lists the environment's stores,
// picks the Salesforce store ref names (asking which one when several share
// the name), then reads it: the list can be older than the store, and an
// update must start from the store as PingOne holds it now.
func find(ctx context.Context, s *ui.Session, p Prompter, ref string) (*found, error) {
	if err := ready(ctx, s, p); err != nil {
		return nil, err
	}
	sf, other, err := candidates(ctx, s, p, ref)
	if err != nil {
		return nil, fail(s, "sfstore could not list the stores", err)
	}
	target, err := pick(ctx, s, p, ref, sf, other)
	if err != nil {
		return nil, err
	}
	var st *api.Store
	err = p.Task(ctx, "Reading the store "+target.ID, func(ctx context.Context) error {
		client, err := s.Client()
		if err != nil {
			return err
		}
		st, err = client.GetStore(ctx, s.Answers.TargetEnvironmentID(), target.ID)
		return err
	})
	if err != nil {
		return nil, fail(s, "sfstore could not read the store", err)
	}
	noteSecrets(s, []api.Store{*st})
	return &found{Store: *st, All: sf}, nil
}

// candidates lists the target environment's stores as summaries and keeps
// what naming a store needs: the Salesforce ones, and the first store of
// another type whose ID is ref (to say it is not a Salesforce store).
func candidates(ctx context.Context, s *ui.Session, p Prompter, ref string) (sf []api.Store, other *api.Store, err error) {
	env := s.Answers.TargetEnvironmentID()
	err = listStores(ctx, s, p, "Looking for the store in environment "+env, func(st api.Store) error {
		switch {
		case st.Type == api.StoreTypeSalesforce:
			sf = append(sf, st)
		case other == nil && isID(st, ref):
			other = &st
		}
		return nil
	})
	return sf, other, err
}

// pick is the Salesforce store of sf that ref names, asking which one when
// several share the name; one that is not found, or other (a store of
// another type with that ID), is reported.
func pick(ctx context.Context, s *ui.Session, p Prompter, ref string, sf []api.Store, other *api.Store) (api.Store, error) {
	if other != nil {
		return api.Store{}, fail(s, "Not a Salesforce store", &notSalesforceError{other.ID, other.Type})
	}
	switch matches := Match(sf, ref); len(matches) {
	case 0:
		env := s.Answers.TargetEnvironmentID()
		return api.Store{}, fail(s, "No such store", &notFoundError{ref: ref, env: env, list: s.Command("list")})
	case 1:
		return matches[0], nil
	default:
		return p.ChooseStore(ctx, ref, matches)
	}
}

// listStores calls keep with every store of the target environment, every
// page, as they arrive, under p's progress; a wait PingOne asks for shows
// there too. Each store is as api.EachStoreSummary reads it (what Slim
// keeps). keep holds on to what its command needs and no more: an
// environment can have 100,000 stores.
func listStores(ctx context.Context, s *ui.Session, p ui.Prompter, title string, keep func(api.Store) error) error {
	return p.Task(ctx, title, func(ctx context.Context) error {
		client, err := s.Client()
		if err != nil {
			return err
		}
		return client.EachStoreSummary(ctx, s.Answers.TargetEnvironmentID(), keep)
	})
}

// noteSecrets has every output mask the secrets PingOne returned in
// clear, though they are only ever shown masked.
func noteSecrets(s *ui.Session, stores []api.Store) {
	for _, st := range stores {
		for _, v := range st.Configuration.Secrets() {
			if !api.LooksMasked(v) {
				s.Secrets.Add(v)
			}
		}
	}
}

// Salesforce returns the stores of type Salesforce.
func Salesforce(stores []api.Store) []api.Store {
	var out []api.Store
	for _, st := range stores {
		if st.Type == api.StoreTypeSalesforce {
			out = append(out, st)
		}
	}
	return out
}

// isID reports whether ref is st's ID, in any letter case.
func isID(st api.Store, ref string) bool {
	return strings.EqualFold(st.ID, strings.TrimSpace(ref))
}

// Match returns the stores ref names: the one whose ID is ref (in any
// letter case), else those whose name is ref, ignoring case and
// surrounding space, as a person reading a list would.
func Match(stores []api.Store, ref string) []api.Store {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil
	}
	for _, st := range stores {
		if strings.EqualFold(st.ID, ref) {
			return []api.Store{st}
		}
	}
	var out []api.Store
	for _, st := range stores {
		if strings.EqualFold(strings.TrimSpace(st.Name), ref) {
			out = append(out, st)
		}
	}
	return out
}

// plainName is a name that can be typed as it reads in a shell, in double
// quotes when it has spaces.
var plainName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9 ._-]*$`)

// Ref is how a command line names st: its name when no other Salesforce
// store of all has it and it is plain to type (quoted when it has spaces),
// else its ID.
func Ref(st api.Store, all []api.Store) string {
	name := strings.TrimSpace(st.Name)
	if !plainName.MatchString(name) || len(Match(all, name)) != 1 {
		return st.ID
	}
	if strings.Contains(name, " ") {
		return `"` + name + `"`
	}
	return name
}

// notFoundError is a name or ID that names no Salesforce store.
type notFoundError struct{ ref, env, list string }

func (e *notFoundError) Error() string {
	return fmt.Sprintf("no Salesforce store is named %q or has that ID in environment %s", e.ref, e.env)
}

func (e *notFoundError) Hint() string {
	return "`" + e.list + "` shows the environment's Salesforce stores; check the name, the environment (--environment-id) and the region."
}

// notSalesforceError is an ID of a store of another type.
type notSalesforceError struct{ id, kind string }

func (e *notSalesforceError) Error() string {
	return fmt.Sprintf("store %s is of type %s; sfstore looks after Salesforce stores only", e.id, e.kind)
}

// fail reports a failure as create does (card or plain rows on stderr,
// JSON on stdout with --json) and returns it as shown. Cancelling, and a
// problem with what was supplied, are left to the caller.
func fail(s *ui.Session, heading string, err error) error {
	if stop(err) {
		return err
	}
	s.ReportFailure(heading, err)
	s.ReportFinalFailure(err)
	return &ui.ShownError{Err: err}
}

// stop reports whether err ends the command without a report of its own:
// Ctrl-C, an InputError (main prints it and exits 2), or one already
// shown.
func stop(err error) bool {
	var input *settings.InputError
	var shown *ui.ShownError
	return isCancelled(err) || errors.As(err, &input) || errors.As(err, &shown)
}

// isCancelled reports Ctrl-C, or a context ended by it.
func isCancelled(err error) bool {
	return errors.Is(err, ui.ErrCancelled) || errors.Is(err, context.Canceled)
}
