package stores

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/cards"
	"sfstore/ui/chain"
	"sfstore/ui/settings"
)

// ErrChainFails is returned, shown, when a link of a store's chain fails:
// main exits 1. Warnings alone end with 0.
var ErrChainFails = errors.New("a link of the store's provisioning chain fails")

// doctorJSON is `sfstore doctor STORE --json`.
type doctorJSON struct {
	Store         storeRef          `json:"store"`
	EnvironmentID string            `json:"environmentId"`
	OK            bool              `json:"ok"` // no line FAILs
	Checks        []cards.CheckLine `json:"checks"`
	Summary       string            `json:"summary"`
}

type storeRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Doctor checks each link of the chain that provisions users through the
// store ref names, one line each with PASS, WARN or FAIL, the evidence and
// the command that fixes it. It reads only, but for the connection test
// (and the store metadata after a test that passed), which change
// nothing; the test needs the store's secrets, from PingOne, the keyring
// or a prompt, as `sfstore test` does, and is not run without them.
func Doctor(ctx context.Context, s *ui.Session, p Prompter, ref string) error {
	if err := ready(ctx, s, p); err != nil {
		return err
	}
	env := s.Answers.TargetEnvironmentID()
	sf, other, err := candidates(ctx, s, p, ref)
	if refused(err) {
		j := &judge{c: &chain.Chain{EnvID: env, StoresErr: err}, cmd: s.Command}
		return report(s, storeRef{Name: ref}, env, []cards.CheckLine{j.role()})
	}
	if err != nil {
		return fail(s, "sfstore could not list the stores", err)
	}
	target, err := pick(ctx, s, p, ref, sf, other)
	if err != nil {
		return err
	}
	var c *chain.Chain
	err = p.Task(ctx, "Reading what provisions through the store "+target.ID, func(ctx context.Context) error {
		client, err := s.Client()
		if err != nil {
			return err
		}
		c, err = chain.Read(ctx, client, env, target.ID)
		return err
	})
	if err != nil {
		return fail(s, "sfstore could not read the store's provisioning", err)
	}
	st := target
	if c.Store != nil {
		st = *c.Store
		noteSecrets(s, []api.Store{st})
	}
	j := &judge{c: c, ref: Ref(st, sf), cmd: s.Command}
	if c.Store != nil {
		if j.conn, err = testChain(ctx, s, p, c); err != nil {
			return err
		}
	}
	return report(s, storeRef{ID: st.ID, Name: st.Name}, env, j.lines())
}

// testChain runs the connection test with the store's secrets and, when
// it passes, reads the store metadata (which connects the same way). Only
// Ctrl-C is an error; a test that could not run says why.
func testChain(ctx context.Context, s *ui.Session, p Prompter, c *chain.Chain) (connOutcome, error) {
	given := adopt(s, *c.Store)
	if err := fillSecrets(ctx, s, p, given, secretFields); err != nil {
		var input *settings.InputError
		if errors.As(err, &input) {
			return connOutcome{notRun: strings.Join(input.Problems, "; ")}, nil
		}
		if stop(err) {
			return connOutcome{}, err
		}
		return connOutcome{notRun: err.Error()}, nil
	}
	a := s.Answers
	req := c.Store.Request()
	req.Configuration.ClientSecret = a.ClientSecret
	req.Configuration.OAuthAccessToken, req.Configuration.OAuthRefreshToken = a.SalesforceAccessToken, a.SalesforceRefreshToken
	o := connOutcome{ran: true}
	err := p.Task(ctx, "Asking PingOne to connect to Salesforce with the stored settings", func(ctx context.Context) error {
		client, err := s.Client()
		if err != nil {
			o.err = err
			return nil
		}
		o.result, o.err = client.TestConnection(ctx, c.EnvID, &req)
		if o.err == nil && o.result.OK {
			c.ReadMetadata(ctx, client, &req.Configuration)
		}
		return ctx.Err()
	})
	if isCancelled(err) || isCancelled(o.err) {
		return o, ui.ErrCancelled
	}
	return o, err
}

// report prints the lines, or them as one JSON document, and fails the
// run when one fails.
func report(s *ui.Session, st storeRef, env string, lines []cards.CheckLine) error {
	st.ID, st.Name = s.OutStyles.Clean(st.ID), s.OutStyles.Clean(st.Name)
	for i := range lines { // what PingOne said, made inert for every output
		lines[i].Evidence = s.OutStyles.Clean(lines[i].Evidence)
		lines[i].Fix = s.OutStyles.Clean(lines[i].Fix)
	}
	ok := true
	for _, l := range lines {
		ok = ok && l.Status != cards.Fail
	}
	var err error
	if s.Opts.JSON {
		err = s.WriteJSON(doctorJSON{Store: st, EnvironmentID: env, OK: ok, Checks: lines, Summary: cards.CheckSummary(lines)})
	} else {
		if s.Opts.Demo {
			// As the environment's doctor says: a demo's PASS proves nothing real.
			if err := s.Say(s.OutStyles.Muted, "These checks ran against the demo's simulators and keyring, on this machine: they say nothing about a real setup."); err != nil {
				return err
			}
		}
		heading := fmt.Sprintf("What provisions through %s (%s)", st.Name, st.ID)
		if st.ID == "" {
			heading = "What provisions through " + st.Name
		}
		_, err = fmt.Fprintln(s.Out, cards.RenderChecks(s.OutStyles, heading, lines, s.OutWidth))
	}
	if err != nil {
		return err
	}
	if !ok {
		return &ui.ShownError{Err: ErrChainFails}
	}
	return nil
}
