package simulator

import (
	"fmt"
	"strconv"
	"strings"
)

// The documented form of the PingOne Expression Language, as far as a
// Salesforce mapping needs it
// (https://docs.pingidentity.com/pingone/pingone_expression_language/p1_expressionlang_expressions_concatenation.html,
// p1_pel_samples.html): terms joined by " + ", each a string literal in
// single quotes (a quote doubled inside) or double quotes, a user
// attribute user.<attribute>, or #string.substring(user.<attribute>, a, b),
// clamped to the value as Ping's alias sample shows ("Doe" from 0, 4).
// That PingOne evaluates a propagation mapping's expression with this
// "user" root is UNCONFIRMED. The ${user.…} subset (expression.go) stays
// for what this does not read.

// pelValue evaluates expr for u, or only checks it when u is nil.
func pelValue(expr string, u *DemoUser) (string, error) {
	var out strings.Builder
	for _, term := range splitPlus(expr) {
		v, err := pelTerm(strings.TrimSpace(term), u)
		if err != nil {
			return "", err
		}
		out.WriteString(v)
	}
	return out.String(), nil
}

// pelTerm is the value of one term.
func pelTerm(term string, u *DemoUser) (string, error) {
	if len(term) >= 2 && (term[0] == '\'' || term[0] == '"') && term[len(term)-1] == term[0] {
		q := string(term[0])
		body := term[1 : len(term)-1]
		if strings.Contains(strings.ReplaceAll(body, q+q, ""), q) {
			return "", fmt.Errorf("%s: a quote inside a literal must be doubled", term)
		}
		return strings.ReplaceAll(body, q+q, q), nil
	}
	if attr, ok := strings.CutPrefix(term, "user."); ok {
		return attribute(attr, u)
	}
	args, ok := strings.CutPrefix(term, "#string.substring(")
	if !ok || !strings.HasSuffix(args, ")") {
		return "", fmt.Errorf("%s is not a literal, user.<attribute> or #string.substring(…)", term)
	}
	parts := strings.Split(strings.TrimSuffix(args, ")"), ",")
	if len(parts) != 3 {
		return "", fmt.Errorf("%s: #string.substring takes an attribute and two indexes", term)
	}
	attr, ok := strings.CutPrefix(strings.TrimSpace(parts[0]), "user.")
	if !ok {
		return "", fmt.Errorf("%s: the first argument must be user.<attribute>", term)
	}
	v, err := attribute(attr, u)
	if err != nil {
		return "", err
	}
	from, err1 := strconv.Atoi(strings.TrimSpace(parts[1]))
	to, err2 := strconv.Atoi(strings.TrimSpace(parts[2]))
	if err1 != nil || err2 != nil || from < 0 || to < 0 {
		return "", fmt.Errorf("%s: the indexes must be numbers", term)
	}
	return substring(v, strconv.Itoa(from), strconv.Itoa(to)), nil
}

// attribute is u's value of a source attribute, "" when u is nil.
func attribute(attr string, u *DemoUser) (string, error) {
	if !sourceAttributes[attr] {
		return "", fmt.Errorf("user.%s is not a user attribute of the source store", attr)
	}
	if u == nil {
		return "", nil
	}
	return u.Attributes[attr], nil
}

// splitPlus splits expr at the + signs outside quotes and parentheses.
func splitPlus(expr string) []string {
	var parts []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(expr); i++ {
		c := expr[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '+' && depth == 0:
			parts = append(parts, expr[start:i])
			start = i + 1
		}
	}
	return append(parts, expr[start:])
}
