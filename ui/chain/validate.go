package chain

import (
	"fmt"
	"slices"
	"strings"

	"sfstore/api"
)

// Severity is how bad a problem is: FAIL stops users from being
// provisioned, WARN may.
type Severity string

// The severities, as doctor prints them.
const (
	Fail Severity = "FAIL"
	Warn Severity = "WARN"
)

// ProblemKind says what is wrong with a mapping set.
type ProblemKind string

// The kinds of problem Validate finds.
const (
	ProblemMissing   ProblemKind = "missing"   // a required target has no mapping
	ProblemUnknown   ProblemKind = "unknown"   // the target is not a known Salesforce attribute
	ProblemDuplicate ProblemKind = "duplicate" // two mappings set one target
	ProblemAlias     ProblemKind = "alias"     // Alias can be longer than AliasMax
	ProblemUsername  ProblemKind = "username"  // Username may not be email-shaped
	ProblemShape     ProblemKind = "shape"     // neither or both of source and expression
)

// Problem is one thing wrong with a mapping set, with the override that
// fixes it when one does (Fix, as --map takes it).
type Problem struct {
	Kind     ProblemKind `json:"kind"`
	Severity Severity    `json:"severity"`
	Target   string      `json:"target"`
	Text     string      `json:"text"`
	Fix      *Mapping    `json:"fix,omitempty"`
}

// Targets are the Salesforce attribute names a store takes: the store
// metadata's userAttributes when PingOne returned them, else
// DocumentedTargets.
type Targets struct {
	Names        []string `json:"names"`
	FromMetadata bool     `json:"fromMetadata"`
}

// DocumentedOnly is Targets when the metadata could not be read.
func DocumentedOnly() Targets { return Targets{Names: DocumentedTargets} }

// Has reports whether name is one of the targets, ignoring case.
func (t Targets) Has(name string) bool {
	return slices.ContainsFunc(t.Names, func(n string) bool { return strings.EqualFold(n, name) })
}

// placeholders are the fixes for required targets sfstore has no value
// for: the person puts the org's ID in.
var placeholders = map[string]Mapping{
	TargetProfileID: {Target: TargetProfileID, Expression: Literal("00e…")},
	TargetAccountID: {Target: TargetAccountID, Expression: Literal("001…")},
}

// Validate finds what would stop Salesforce creating users from ms on a
// store configured as cfg: a required target missing, a target unknown to
// the store (a FAIL only when the names came from the metadata), a target
// mapped twice, an Alias that can exceed AliasMax characters, a Username
// that may not be email-shaped. Problems come in the order of Required,
// then of ms.
func Validate(ms []Mapping, cfg api.SalesforceConfiguration, known Targets) []Problem {
	var out []Problem
	defaults := Defaults(cfg)
	for _, t := range Required(cfg) {
		if indexOf(ms, t) >= 0 {
			continue
		}
		p := Problem{Kind: ProblemMissing, Severity: Fail, Target: t,
			Text: "no mapping sets " + t + ", which Salesforce needs to create a user"}
		if i := indexOf(defaults, t); i >= 0 {
			p.Fix = &defaults[i]
		} else if ph, ok := placeholders[t]; ok {
			p.Fix = &ph
		}
		out = append(out, p)
	}
	seen := map[string]bool{}
	for _, m := range ms {
		key := strings.ToLower(m.Target)
		if seen[key] {
			out = append(out, Problem{Kind: ProblemDuplicate, Severity: Fail, Target: m.Target,
				Text: m.Target + " is mapped more than once: which value wins is PingOne's choice"})
			continue
		}
		seen[key] = true
		out = append(out, check(m, known, defaults)...)
	}
	return out
}

// check finds the problems of one mapping.
func check(m Mapping, known Targets, defaults []Mapping) []Problem {
	var out []Problem
	if (m.Source == "") == (m.Expression == "") {
		out = append(out, Problem{Kind: ProblemShape, Severity: Fail, Target: m.Target,
			Text: m.Target + " has " + map[bool]string{true: "neither", false: "both"}[m.Source == ""] + " a source attribute and an expression; PingOne takes exactly one"})
	}
	if !known.Has(m.Target) {
		p := Problem{Kind: ProblemUnknown, Severity: Fail, Target: m.Target, Fix: &Mapping{Target: m.Target},
			Text: m.Target + " is not among the store's user attributes in PingOne's metadata"}
		if !known.FromMetadata {
			p.Severity = Warn
			p.Text = m.Target + " is not among the documented Salesforce attributes (the store metadata was not read, so PingOne may still know it)"
		}
		out = append(out, p)
	}
	fix := func(t string) *Mapping { i := indexOf(defaults, t); return &defaults[i] }
	switch {
	case strings.EqualFold(m.Target, TargetAlias):
		if n, ok := maxLength(m.Expression); m.Expression == "" || !ok || n > AliasMax {
			out = append(out, Problem{Kind: ProblemAlias, Severity: Warn, Target: m.Target, Fix: fix(TargetAlias),
				Text: aliasText(m, n, ok)})
		}
	case strings.EqualFold(m.Target, TargetUsername):
		if !emailShaped(m) {
			out = append(out, Problem{Kind: ProblemUsername, Severity: Warn, Target: m.Target, Fix: fix(TargetUsername),
				Text: fmt.Sprintf("Username comes from %s, which may not be email-shaped; Salesforce refuses a username that is not", m.From())})
		}
	}
	return out
}

func aliasText(m Mapping, n int, ok bool) string {
	if ok && m.Expression != "" {
		return fmt.Sprintf("Alias can be %d characters; Salesforce takes %d at most", n, AliasMax)
	}
	return fmt.Sprintf("Alias comes from %s, which can exceed the %d characters Salesforce takes", m.From(), AliasMax)
}

// emailShaped reports whether a Username mapping gives an email address:
// the email attribute, or an expression that reads it or adds an "@".
func emailShaped(m Mapping) bool {
	if m.Source != "" {
		return strings.EqualFold(m.Source, "email")
	}
	return readsEmail(m.Expression)
}
