package stores

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"sfstore/api"
	"sfstore/ui/cards"
	"sfstore/ui/chain"
)

// The links of the chain doctor checks, in order, as its lines name them.
const (
	linkRole        = "Worker role"
	linkStore       = "Store enabled"
	linkConnection  = "Connection test"
	linkDirectory   = "Directory store"
	linkPlan        = "Plan"
	linkRule        = "Rule"
	linkScope       = "Rule active and scoped"
	linkMappings    = "Mappings"
	linkPublished   = "Published"
	linkSync        = "Sync"
	linkToggles     = "Create and update"
	linkCommunities = "Communities"
)

// connOutcome is how the connection test went: run with a result or an
// error, or not run, and why.
type connOutcome struct {
	ran    bool
	result *api.ConnectionResult
	err    error
	notRun string
}

// judge is the diagnosis: one line per link of c, for the store that
// commands call ref; cmd turns sfstore arguments into a command to copy
// (ui.Session.Command). It reads nothing.
type judge struct {
	c    *chain.Chain
	conn connOutcome
	ref  string
	cmd  func(args string) string
	// rule is the rule the checks judge: the first active one, else the
	// first; nil when no rule targets the store.
	rule *chain.Rule
}

// lines judges every link.
func (j *judge) lines() []cards.CheckLine {
	j.rule = focus(j.c.Rules)
	return []cards.CheckLine{j.role(), j.store(), j.connection(), j.directory(), j.plan(),
		j.ruleLine(), j.scope(), j.mappings(), j.published(), j.sync(), j.toggles(), j.communities()}
}

// focus is the rule the checks judge.
func focus(rules []chain.Rule) *chain.Rule {
	for i := range rules {
		if rules[i].Active {
			return &rules[i]
		}
	}
	if len(rules) > 0 {
		return &rules[0]
	}
	return nil
}

func pass(check, evidence string) cards.CheckLine {
	return cards.CheckLine{Check: check, Status: cards.Pass, Evidence: evidence}
}

func skip(check, why string) cards.CheckLine {
	return cards.CheckLine{Check: check, Status: cards.Skip, Evidence: why}
}

// bad is a FAIL or WARN line whose fix is an sfstore command.
func (j *judge) bad(status, check, evidence, args string) cards.CheckLine {
	return cards.CheckLine{Check: check, Status: status, Evidence: evidence, Fix: j.cmd(args), FixIsCommand: true}
}

// advice is a FAIL or WARN line whose fix is not a command.
func advice(status, check, evidence, fix string) cards.CheckLine {
	return cards.CheckLine{Check: check, Status: status, Evidence: evidence, Fix: fix}
}

// unread is the line of a link whose read failed: skipped when PingOne
// refused it (the role line says so and how to fix it), else a FAIL whose
// fix is args.
func (j *judge) unread(check, what string, err error, status, args string) cards.CheckLine {
	if refused(err) {
		return skip(check, "PingOne refused to show "+what+": see "+linkRole)
	}
	return j.bad(status, check, fmt.Sprintf("could not read %s: %v", what, err), args)
}

// refused reports an answer that says the worker app may not read it.
func refused(err error) bool {
	var apiErr *api.Error
	return errors.As(err, &apiErr) && (apiErr.StatusCode == http.StatusForbidden || apiErr.StatusCode == http.StatusUnauthorized)
}

// readError is a read of the chain and how it went.
type readError struct {
	what string
	err  error
}

// readErrors are the chain's reads, by what was read.
func (j *judge) readErrors() []readError {
	c := j.c
	out := []readError{{"the store", c.StoreErr}, {"the stores", c.StoresErr}, {"the plans", c.PlansErr},
		{"the rules", c.RulesErr}, {"the latest revision", c.RevisionErr}, {"the populations", c.PopulationsErr}}
	for _, r := range c.Rules {
		out = append(out, readError{"the mappings of rule " + r.Name, r.MappingsErr})
	}
	return out
}

func (j *judge) role() cards.CheckLine {
	var denied []string
	var first error
	for _, e := range j.readErrors() {
		if refused(e.err) {
			denied = append(denied, e.what)
			if first == nil {
				first = e.err
			}
		}
	}
	if len(denied) > 0 {
		return advice(cards.Fail, linkRole, fmt.Sprintf("PingOne refused to show %s: %v", strings.Join(denied, ", "), first),
			"give the worker app the Environment Admin role on environment "+j.c.EnvID+": Applications › the worker app › Roles")
	}
	if j.c.Store == nil {
		return skip(linkRole, "the store could not be read, so nothing tells whether the role is enough")
	}
	return pass(linkRole, "PingOne refused none of the reads: the worker app has the role the chain needs (Environment Admin)")
}

func (j *judge) store() cards.CheckLine {
	st := j.c.Store
	switch {
	case st == nil:
		return j.unread(linkStore, "the store", j.c.StoreErr, cards.Fail, "list")
	case st.Status != api.StatusActive:
		status := st.Status
		if status == "" {
			status = "not given (INACTIVE)"
		}
		return j.bad(cards.Fail, linkStore, "the store's status is "+status+": PingOne provisions nothing to an inactive store, nor lets a rule on it be active", "edit "+j.ref+" --active")
	}
	return pass(linkStore, "status ACTIVE")
}

func (j *judge) connection() cards.CheckLine {
	o := j.conn
	switch {
	case j.c.Store == nil:
		return skip(linkConnection, "the store could not be read")
	case !o.ran:
		return j.bad(cards.Warn, linkConnection, "not run: "+o.notRun, "reconnect "+j.ref)
	case o.err == nil && o.result != nil && o.result.OK:
		ev := "PingOne connected to Salesforce with the stored settings"
		if o.result.Message != "" {
			ev += "; PingOne: " + o.result.Message
		}
		return pass(linkConnection, ev)
	}
	msg := ""
	if o.err != nil {
		msg = o.err.Error()
	} else if o.result != nil {
		msg = "PingOne answered that the connection failed: " + o.result.Message
	}
	args := "reconnect " + j.ref
	if CauseOf(msg) == CauseProfile {
		args = "edit " + j.ref
	}
	return j.bad(cards.Fail, linkConnection, msg+". If Salesforce refused the session, the connected app's refresh token policy must be \"valid until revoked\"", args)
}

func (j *judge) directory() cards.CheckLine {
	c := j.c
	switch {
	case c.StoresErr != nil:
		return j.unread(linkDirectory, "the stores", c.StoresErr, cards.Fail, "provision "+j.ref)
	case len(c.Directories) == 0:
		return j.bad(cards.Fail, linkDirectory, "the environment has no store of type directory: an outbound rule sends PingOne's users from one", "provision "+j.ref)
	}
	d := c.Directories[0]
	ev := fmt.Sprintf("%s (%s)", d.Name, d.ID)
	if n := len(c.Directories); n > 1 {
		ev = fmt.Sprintf("%d directory stores, the first %s", n, ev)
	}
	return pass(linkDirectory, ev)
}

func (j *judge) plan() cards.CheckLine {
	c := j.c
	p := c.Plan()
	switch {
	case c.PlansErr != nil:
		return j.unread(linkPlan, "the plans", c.PlansErr, cards.Fail, "provision "+j.ref)
	case p == nil:
		return j.bad(cards.Fail, linkPlan, "the environment has no propagation plan: rules belong to one", "provision "+j.ref)
	case !chain.PlanActive(p):
		status := p.Status
		if status == "" {
			status = "not given (INACTIVE)"
		}
		return j.bad(cards.Fail, linkPlan, fmt.Sprintf("plan %s (%s) is %s: PingOne runs only an active plan", p.Name, p.ID, status), "provision "+j.ref)
	}
	return pass(linkPlan, fmt.Sprintf("%s (%s) is %s", p.Name, p.ID, strings.ToUpper(p.Status)))
}

// plural is n things, in words.
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
