package provision

import (
	"context"
	"errors"
	"strings"
	"time"
)

// Options are provision's flags.
type Options struct {
	Store      string // a name or ID; "" asks (the wizard) or is refused (a script)
	Population string // --population, a name or ID
	Filter     string // --filter, a SCIM populationExpression
	Overrides  []Override
	NoActivate bool // stop before enabling and activating
	NoPublish  bool // stop before the revision
	DryRun     bool
	Watch      Watch
	// RetrySleep is the wait before a write is sent again after a 429;
	// nil is the watch's sleep. Tests set it so as not to wait.
	RetrySleep func(ctx context.Context, d time.Duration) error
}

// Override is one --map or --map-expr: a Salesforce target attribute
// mapped from a PingOne attribute or from an expression.
type Override struct {
	Target     string
	Source     string
	Expression string
}

// ParseOverride reads TARGET=SOURCE (expr false) or TARGET=EXPRESSION.
// Only the first = separates: an expression may hold more.
func ParseOverride(v string, expr bool) (Override, error) {
	target, value, ok := strings.Cut(v, "=")
	target, value = strings.TrimSpace(target), strings.TrimSpace(value)
	what := "SOURCE"
	if expr {
		what = "EXPRESSION"
	}
	switch {
	case !ok:
		return Override{}, errors.New("expected TARGET=" + what + ", e.g. Username=email; got " + quote(v))
	case target == "":
		return Override{}, errors.New("the Salesforce attribute before = is empty in " + quote(v))
	case value == "":
		return Override{}, errors.New("the " + strings.ToLower(what) + " after = is empty in " + quote(v) + " (to drop a mapping, leave it out in the wizard's review)")
	}
	if expr {
		return Override{Target: target, Expression: value}, nil
	}
	return Override{Target: target, Source: value}, nil
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }
