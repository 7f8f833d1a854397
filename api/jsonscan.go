package api

import (
	"bytes"
	"errors"
	"fmt"
)

// A small JSON scanner for list pages. encoding/json reads each byte of a
// page two or three times to hand out one item; this one finds where each
// value ends in one pass (strings are skipped with bytes.IndexByte), so a
// page of 10,000 stores costs little more than reading it. It checks the
// structure (brackets, commas, colons, string ends, literals); what it
// hands on is decoded, and so fully checked, by encoding/json, except what
// summaryOf and fastStore read themselves (fastStore checks what it reads
// as encoding/json would, see strictJSON).

// errMore says that the buffer ends before the value does.
var errMore = errors.New("json value continues past the buffer")

// maxDepth bounds nesting, as encoding/json does, against a stack
// overflow on "[[[[…".
const maxDepth = 10000

// scanError is a syntax error at an offset of the value scanned.
type scanError struct {
	c   byte
	off int
}

func (e *scanError) Error() string {
	return fmt.Sprintf("invalid character %q at byte %d", e.c, e.off)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// skipSpace returns the index of the first non-space byte from i.
func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

// scanValue returns the end of the JSON value at b[i:] (after any space).
func scanValue(b []byte, i, depth int) (int, error) {
	i = skipSpace(b, i)
	if i >= len(b) {
		return i, errMore
	}
	switch c := b[i]; {
	case c == '"':
		return scanString(b, i)
	case c == '{' || c == '[':
		if depth >= maxDepth {
			return i, fmt.Errorf("json nested more than %d deep", maxDepth)
		}
		return scanComposite(b, i, depth)
	case c == 't':
		return scanLiteral(b, i, "true")
	case c == 'f':
		return scanLiteral(b, i, "false")
	case c == 'n':
		return scanLiteral(b, i, "null")
	case c == '-' || (c >= '0' && c <= '9'):
		return scanNumber(b, i)
	default:
		return i, &scanError{c, i}
	}
}

// scanComposite scans an object or an array from its opening bracket.
func scanComposite(b []byte, i, depth int) (int, error) {
	obj := b[i] == '{'
	closer := byte(']')
	if obj {
		closer = '}'
	}
	i = skipSpace(b, i+1)
	if i >= len(b) {
		return i, errMore
	}
	if b[i] == closer {
		return i + 1, nil
	}
	for {
		var err error
		if obj {
			if i, err = scanKey(b, i); err != nil {
				return i, err
			}
		}
		if i, err = scanValue(b, i, depth+1); err != nil {
			return i, err
		}
		i = skipSpace(b, i)
		if i >= len(b) {
			return i, errMore
		}
		switch b[i] {
		case ',':
			i++
		case closer:
			return i + 1, nil
		default:
			return i, &scanError{b[i], i}
		}
	}
}

// scanKey scans an object's member name and its colon.
func scanKey(b []byte, i int) (int, error) {
	i = skipSpace(b, i)
	if i >= len(b) {
		return i, errMore
	}
	if b[i] != '"' {
		return i, &scanError{b[i], i}
	}
	i, err := scanString(b, i)
	if err != nil {
		return i, err
	}
	i = skipSpace(b, i)
	if i >= len(b) {
		return i, errMore
	}
	if b[i] != ':' {
		return i, &scanError{b[i], i}
	}
	return i + 1, nil
}

// scanString returns the end of the string whose quote is at b[i].
func scanString(b []byte, i int) (int, error) {
	i++
	for {
		q := bytes.IndexByte(b[i:], '"')
		if q < 0 {
			return len(b), errMore
		}
		e := bytes.IndexByte(b[i:i+q], '\\')
		if e < 0 {
			return i + q + 1, nil
		}
		// An escape: the byte after the backslash is never the end.
		i += e + 2
		if i > len(b) {
			return len(b), errMore
		}
	}
}

func scanLiteral(b []byte, i int, lit string) (int, error) {
	n := min(len(lit), len(b)-i)
	if string(b[i:i+n]) != lit[:n] {
		for k := range n {
			if b[i+k] != lit[k] {
				return i + k, &scanError{b[i+k], i + k}
			}
		}
	}
	if n < len(lit) {
		return len(b), errMore
	}
	return i + n, nil
}

// scanNumber scans a number's characters; encoding/json checks its form
// wherever the number is decoded.
func scanNumber(b []byte, i int) (int, error) {
	start := i
	for i < len(b) {
		switch c := b[i]; {
		case c >= '0' && c <= '9', c == '-', c == '+', c == '.', c == 'e', c == 'E':
			i++
		default:
			if i == start+1 && b[start] == '-' {
				return i, &scanError{c, i}
			}
			return i, nil
		}
	}
	return i, errMore
}
