package chain

import (
	"strconv"
	"strings"
)

// The PingOne Expression Language (PEL) as sfstore writes and reads it.
// This file is the one place that knows its syntax.
//
// What PingOne documents (https://docs.pingidentity.com/pingone/pingone_expression_language/p1_expressionlang_expressions_concatenation.html,
// p1_pel_samples.html): string literals between single quotes, a quote
// doubled inside one; "+" concatenates; user attributes read as
// user.name.given; and "#string.substring(user.name.family, 0, 4)", whose
// sample gives "Doe" for a three-letter name.
//
// UNCONFIRMED, and read so here: that a mapping's expression is evaluated
// with that same "user" root, and that #string.substring clamps an end past
// the value's length (the sample suggests it, Java's substring would
// throw), so a substring of 0..n is at most n characters and never fails.

// Literal is the PEL string literal of s.
func Literal(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// Substring is the PEL expression of at most to-from characters of the
// PingOne user attribute attr (such as "name.family").
func Substring(attr string, from, to int) string {
	return "#string.substring(user." + attr + ", " + strconv.Itoa(from) + ", " + strconv.Itoa(to) + ")"
}

// Concat joins PEL expressions with "+".
func Concat(parts ...string) string { return strings.Join(parts, " + ") }

// maxLength is the most characters expr can give, and whether that is
// known: only a concatenation of string literals and substrings with
// literal bounds has a known bound.
func maxLength(expr string) (int, bool) {
	total := 0
	for _, term := range splitTop(expr, '+') {
		n, ok := termLength(strings.TrimSpace(term))
		if !ok {
			return 0, false
		}
		total += n
	}
	return total, true
}

// termLength is the most characters one term of a concatenation gives.
func termLength(term string) (int, bool) {
	if s, ok := unquote(term); ok {
		return len([]rune(s)), true
	}
	const prefix = "#string.substring("
	if !strings.HasPrefix(term, prefix) || !strings.HasSuffix(term, ")") {
		return 0, false
	}
	args := splitTop(term[len(prefix):len(term)-1], ',')
	if len(args) != 3 {
		return 0, false
	}
	from, err1 := strconv.Atoi(strings.TrimSpace(args[1]))
	to, err2 := strconv.Atoi(strings.TrimSpace(args[2]))
	if err1 != nil || err2 != nil || from < 0 || to < from {
		return 0, false
	}
	return to - from, true
}

// unquote reads a PEL string literal (single or double quotes).
func unquote(term string) (string, bool) {
	if len(term) < 2 {
		return "", false
	}
	q := term[0]
	if (q != '\'' && q != '"') || term[len(term)-1] != q {
		return "", false
	}
	body := term[1 : len(term)-1]
	doubled := string([]byte{q, q})
	if strings.Contains(strings.ReplaceAll(body, doubled, ""), string(q)) {
		return "", false // two literals, such as 'a' + 'b' split wrongly
	}
	return strings.ReplaceAll(body, doubled, string(q)), true
}

// splitTop splits expr at sep outside quotes and parentheses.
func splitTop(expr string, sep byte) []string {
	var parts []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(expr); i++ {
		c := expr[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0 // a doubled quote closes and reopens: same result
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == sep && depth == 0:
			parts = append(parts, expr[start:i])
			start = i + 1
		}
	}
	return append(parts, expr[start:])
}

// looksLikePEL reports whether v reads as an expression rather than an
// attribute name: a literal, a function, an operator, or a user.… path.
func looksLikePEL(v string) bool {
	if strings.ContainsAny(v, `'"#()+ `) || strings.HasPrefix(v, "user.") {
		return true
	}
	if v == "true" || v == "false" || v == "null" {
		return true
	}
	_, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSuffix(v, "L"), "l"), 64)
	return err == nil
}

// readsEmail reports whether an expression takes the user's email, or
// builds a value with an "@" in it.
func readsEmail(expr string) bool {
	return strings.Contains(expr, "user.email") || strings.Contains(expr, "@")
}
