package simulator

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// The simulator's subset of the PingOne Expression Language, for
// mappings: ${user.<attribute>} placeholders, each optionally followed by
// .substring(a[,b]), .toLowerCase() or .toUpperCase(), amid literal text;
// an expression without a placeholder is a literal, its surrounding
// double quotes dropped. Real PEL is richer and its exact syntax for
// literals and substrings is UNCONFIRMED: the subset is what an honest
// client needs for Alias and the locale keys.
var placeholderRE = regexp.MustCompile(`\$\{user\.([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*?)((?:\.(?:substring\(\s*\d+\s*(?:,\s*\d+\s*)?\)|toLowerCase\(\)|toUpperCase\(\)))*)\}`)

// methodRE is one method call after a placeholder's attribute.
var methodRE = regexp.MustCompile(`\.(substring)\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)|\.(toLowerCase|toUpperCase)\(\)`)

// checkExpression refuses what the subset cannot evaluate.
func checkExpression(expr string) error {
	if strings.TrimSpace(expr) == "" {
		return fmt.Errorf("the expression is empty")
	}
	if isPEL(expr) {
		return checkPEL(expr)
	}
	rest := placeholderRE.ReplaceAllString(expr, "")
	if strings.Contains(rest, "${") {
		return fmt.Errorf("%q is not a valid expression: use ${user.<attribute>}, optionally with .substring(a,b), .toLowerCase() or .toUpperCase()", expr)
	}
	for _, m := range placeholderRE.FindAllStringSubmatch(expr, -1) {
		if !sourceAttributes[m[1]] {
			return fmt.Errorf("user.%s is not a user attribute of the source store", m[1])
		}
	}
	return nil
}

// evaluate is the value of a checked expression for u.
func evaluate(expr string, u DemoUser) string {
	if isPEL(expr) {
		return evaluatePEL(expr, u)
	}
	if !strings.Contains(expr, "${") {
		t := strings.TrimSpace(expr)
		if len(t) >= 2 && strings.HasPrefix(t, `"`) && strings.HasSuffix(t, `"`) {
			return t[1 : len(t)-1]
		}
		return expr
	}
	return placeholderRE.ReplaceAllStringFunc(expr, func(m string) string {
		sub := placeholderRE.FindStringSubmatch(m)
		v := u.Attributes[sub[1]]
		for _, c := range methodRE.FindAllStringSubmatch(sub[2], -1) {
			switch {
			case c[1] == "substring":
				v = substring(v, c[2], c[3])
			case c[4] == "toLowerCase":
				v = strings.ToLower(v)
			default:
				v = strings.ToUpper(v)
			}
		}
		return v
	})
}

// substring is v[a:b] in runes, clamped to v, as a lenient PEL would.
func substring(v, a, b string) string {
	r := []rune(v)
	from, _ := strconv.Atoi(a)
	to := len(r)
	if b != "" {
		to, _ = strconv.Atoi(b)
	}
	from, to = min(from, len(r)), min(to, len(r))
	if from > to {
		return ""
	}
	return string(r[from:to])
}
