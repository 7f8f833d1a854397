package simulator

import (
	"fmt"
	"regexp"
	"strings"
)

// The PingOne Expression Language as PingOne's documentation writes it
// (https://docs.pingidentity.com/pingone/pingone_expression_language/p1_expressionlang_expressions_concatenation.html,
// p1_pel_samples.html), and as sfstore's mapping defaults use it: string
// literals in single quotes (a quote doubled inside one), user.<attribute>,
// #string.substring(user.<attribute>, a, b), joined with "+". The
// simulator evaluates this form next to its ${user.…} subset, so a client
// writing either is judged by what its users get.

// pelSubstringRE is one #string.substring(user.attr, a, b) term.
var pelSubstringRE = regexp.MustCompile(`^#string\.substring\(\s*user\.([A-Za-z][A-Za-z0-9.]*)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$`)

// pelAttrRE is one user.attr term.
var pelAttrRE = regexp.MustCompile(`^user\.([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)$`)

// isPEL says whether expr is in the documented form rather than the
// ${…} subset: a quoted literal, a #function or a user.attribute term.
func isPEL(expr string) bool {
	t := strings.TrimSpace(expr)
	return !strings.Contains(t, "${") && (strings.HasPrefix(t, "'") || strings.HasPrefix(t, "#") || strings.HasPrefix(t, "user."))
}

// pelTerms splits expr at the "+" outside quotes and parentheses.
func pelTerms(expr string) []string {
	var terms []string
	depth, quoted, start := 0, false, 0
	for i := 0; i < len(expr); i++ {
		switch c := expr[i]; {
		case c == '\'':
			quoted = !quoted
		case quoted:
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '+' && depth == 0:
			terms = append(terms, strings.TrimSpace(expr[start:i]))
			start = i + 1
		}
	}
	return append(terms, strings.TrimSpace(expr[start:]))
}

// checkPEL refuses a documented-form expression the simulator cannot
// evaluate, or one that reads an attribute the source store lacks.
func checkPEL(expr string) error {
	for _, t := range pelTerms(expr) {
		attr := ""
		switch {
		case len(t) >= 2 && strings.HasPrefix(t, "'") && strings.HasSuffix(t, "'"):
			continue
		case pelSubstringRE.MatchString(t):
			attr = pelSubstringRE.FindStringSubmatch(t)[1]
		case pelAttrRE.MatchString(t):
			attr = pelAttrRE.FindStringSubmatch(t)[1]
		default:
			return fmt.Errorf("%q is not an expression the simulator evaluates: join 'literals', user.<attribute> and #string.substring(user.<attribute>, a, b) with +", t)
		}
		if !sourceAttributes[attr] {
			return fmt.Errorf("user.%s is not a user attribute of the source store", attr)
		}
	}
	return nil
}

// evaluatePEL is the value of a checked documented-form expression for u.
func evaluatePEL(expr string, u DemoUser) string {
	var b strings.Builder
	for _, t := range pelTerms(expr) {
		switch {
		case len(t) >= 2 && strings.HasPrefix(t, "'") && strings.HasSuffix(t, "'"):
			b.WriteString(strings.ReplaceAll(t[1:len(t)-1], "''", "'"))
		case pelSubstringRE.MatchString(t):
			m := pelSubstringRE.FindStringSubmatch(t)
			b.WriteString(substring(u.Attributes[m[1]], m[2], m[3]))
		case pelAttrRE.MatchString(t):
			b.WriteString(u.Attributes[pelAttrRE.FindStringSubmatch(t)[1]])
		}
	}
	return b.String()
}
