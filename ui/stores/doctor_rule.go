package stores

import (
	"fmt"
	"slices"
	"strings"

	"sfstore/api"
	"sfstore/ui/cards"
	"sfstore/ui/chain"
)

func (j *judge) ruleLine() cards.CheckLine {
	c, r := j.c, j.rule
	switch {
	case c.RulesErr != nil:
		return j.unread(linkRule, "the rules", c.RulesErr, cards.Fail, "provision "+j.ref)
	case r == nil:
		return j.bad(cards.Fail, linkRule, "no propagation rule targets this store: a store alone provisions nothing", "provision "+j.ref)
	case c.StoresErr == nil && !slices.ContainsFunc(c.Directories, func(d api.Store) bool { return strings.EqualFold(d.ID, r.SourceStoreID) }):
		return j.bad(cards.Fail, linkRule, fmt.Sprintf("rule %s (%s) reads its users from store %q, which is not a directory store", r.Name, r.ID, r.SourceStoreID), "provision "+j.ref)
	case len(c.Rules) > 1:
		names := make([]string, 0, len(c.Rules))
		for _, o := range c.Rules {
			names = append(names, fmt.Sprintf("%s (%s)", o.Name, o.ID))
		}
		return advice(cards.Warn, linkRule, fmt.Sprintf("%d rules target this store: %s; the checks below judge %s", len(c.Rules), strings.Join(names, ", "), r.Name),
			"keep one rule per store in the admin console (Integrations › Provisioning › Rules), so one set of mappings applies")
	}
	return pass(linkRule, fmt.Sprintf("%s (%s), from the directory store", r.Name, r.ID))
}

func (j *judge) scope() cards.CheckLine {
	r := j.rule
	if r == nil {
		return skip(linkScope, "no rule")
	}
	if !r.Active {
		return j.bad(cards.Fail, linkScope, fmt.Sprintf("rule %s is inactive: PingOne runs only active rules, and one made through the API is inactive unless told", r.Name), "provision "+j.ref)
	}
	var found, missing []string
	for _, p := range r.Populations {
		switch {
		case p.Found != nil:
			found = append(found, fmt.Sprintf("%s (%s, %s)", p.Found.Name, p.ID, plural(p.Found.UserCount, "user")))
		case j.c.PopulationsErr == nil:
			missing = append(missing, p.ID)
		}
	}
	expr := strings.TrimSpace(r.PopulationExpression)
	switch {
	case len(missing) > 0:
		return j.bad(cards.Fail, linkScope, fmt.Sprintf("the rule is scoped to population %s, which the environment does not have", strings.Join(missing, ", ")), "provision "+j.ref)
	case expr == "" && len(r.Populations) == 0:
		return j.bad(cards.Warn, linkScope, "active, but without a populationExpression: which users PingOne then sends is not documented", "provision "+j.ref)
	case j.c.PopulationsErr != nil:
		return j.bad(cards.Warn, linkScope, fmt.Sprintf("active, scoped by %s; the populations could not be read to check it: %v", expr, j.c.PopulationsErr), "provision "+j.ref)
	case len(found) > 0 && (expr == "" || chain.OnlyPopulations(expr)):
		return pass(linkScope, "active; the users of population "+strings.Join(found, ", "))
	case len(found) > 0:
		return pass(linkScope, "active; the users of population "+strings.Join(found, ", ")+" matching "+expr)
	}
	return pass(linkScope, "active; the users matching "+expr)
}

func (j *judge) mappings() cards.CheckLine {
	r := j.rule
	switch {
	case r == nil:
		return skip(linkMappings, "no rule")
	case r.MappingsErr != nil:
		return j.unread(linkMappings, "the mappings of rule "+r.Name, r.MappingsErr, cards.Fail, "provision "+j.ref)
	case len(r.Mappings) == 0:
		return j.bad(cards.Fail, linkMappings, fmt.Sprintf("rule %s has no attribute mappings, and PingOne adds no defaults to a rule made through the API: Salesforce gets no user", r.Name), "provision "+j.ref)
	}
	problems := j.c.Problems(*r)
	note := j.targetsNote()
	if len(problems) == 0 {
		return pass(linkMappings, fmt.Sprintf("%s, every target Salesforce needs is set; %s", plural(len(r.Mappings), "mapping"), note))
	}
	status, _ := mappingFix(problems)
	texts := make([]string, 0, len(problems))
	for _, p := range problems {
		texts = append(texts, p.Text)
	}
	if len(texts) > 3 {
		texts = append(texts[:3], fmt.Sprintf("and %d more", len(texts)-3))
	}
	ev := fmt.Sprintf("%s: %s; %s", plural(len(r.Mappings), "mapping"), strings.Join(texts, "; "), note)
	return j.bad(status, linkMappings, ev, j.mappingsFix())
}

// mappingFix is the worst severity of problems and the override that
// fixes the first problem of that severity which one fixes, if any.
func mappingFix(problems []chain.Problem) (string, *chain.Problem) {
	worst := chain.Warn
	for _, p := range problems {
		if p.Severity == chain.Fail {
			worst = chain.Fail
		}
	}
	for i, p := range problems {
		if p.Severity == worst && p.Fix != nil {
			return string(worst), &problems[i]
		}
	}
	return string(worst), nil
}

// targetsNote says what the target names were checked against.
func (j *judge) targetsNote() string {
	c := j.c
	switch {
	case c.Targets().FromMetadata:
		return fmt.Sprintf("names checked against the %d user attributes of the store metadata", len(c.Targets().Names))
	case c.MetadataErr != nil:
		return fmt.Sprintf("names checked against the documented ones: the store metadata could not be read (%v)", c.MetadataErr)
	case c.Metadata != nil:
		return "names checked against the documented ones: PingOne's store metadata listed no user attributes"
	}
	if j.conn.ran {
		return "names checked against the documented ones: the store metadata was not read, as the connection test failed"
	}
	return "names checked against the documented ones: the store metadata was not read, as the connection test did not run"
}

func (j *judge) published() cards.CheckLine {
	c := j.c
	if j.rule == nil {
		return skip(linkPublished, "no rule")
	}
	p := c.Publication()
	switch {
	case c.Revision == nil:
		return j.unread(linkPublished, "the latest revision", c.RevisionErr, cards.Warn, "publish")
	case c.Revision.None:
		return j.bad(cards.Fail, linkPublished, "nothing was ever published: the environment has no revision, so PingOne runs none of the API's changes", "publish")
	case p.State == chain.Unpublished:
		return j.bad(cards.Fail, linkPublished, fmt.Sprintf("changed after the latest revision (%s): %s", p.RevisionAt, stamps(p.Newer, true)), "publish")
	case p.State == chain.CannotTell:
		return j.bad(cards.Warn, linkPublished, fmt.Sprintf("cannot tell: PingOne gave no updatedAt for %s; the latest revision is of %s", stamps(p.Undated, false), p.RevisionAt), "publish")
	}
	return pass(linkPublished, fmt.Sprintf("the latest revision (%s) is newer than %s", p.RevisionAt, stamps(c.Stamps(), false)))
}

// stamps names the changed parts: "the store, rule R, 3 mappings", with
// their dates when dated.
func stamps(ss []chain.Stamp, dated bool) string {
	var parts []string
	mappings := 0
	for _, s := range ss {
		if s.What == "mapping" {
			mappings++
			continue
		}
		part := "the " + s.What
		if s.What != "store" && s.Name != "" {
			part += " " + s.Name
		}
		if dated && s.UpdatedAt != "" {
			part += " (" + s.UpdatedAt + ")"
		}
		parts = append(parts, part)
	}
	if mappings > 0 {
		parts = append(parts, plural(mappings, "mapping"))
	}
	return strings.Join(parts, ", ")
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " '\"#()+$`\\|&;<>*?!{}[]~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
