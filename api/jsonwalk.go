package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// A one-pass walk over a value scanValue has already found whole (so its
// brackets, colons, commas and string ends are sound): summaryOf and
// storeView read each byte of a store once, the members they keep as they
// go and the others skipped, rather than scanning each object again at
// every level they descend.

// walkObject reads the object whose '{' is at b[i]: field gets each
// member's name, unescaped, and where its value starts (space skipped),
// reads the value and returns where it ends (skipValue, for a value it
// does not want). walkObject returns where the object ends.
func walkObject(b []byte, i int, field func(name []byte, j int) (int, error)) (int, error) {
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return i + 1, nil
	}
	for i < len(b) {
		if b[i] != '"' {
			return i, &scanError{b[i], i}
		}
		name, end, err := memberName(b, i)
		if err != nil {
			return i, err
		}
		j := skipSpace(b, skipSpace(b, end)+1) // past the colon, which scanValue saw
		if i, err = field(name, j); err != nil {
			return i, err
		}
		i = skipSpace(b, i)
		if i < len(b) && b[i] == '}' {
			return i + 1, nil
		}
		i = skipSpace(b, i+1) // past the comma
	}
	return i, fmt.Errorf("json object ends early")
}

// memberName returns the name whose quote is at b[i], unescaped, and
// where it ends. Names are short: a loop over their bytes costs less than
// searching them.
func memberName(b []byte, i int) (name []byte, end int, err error) {
	for k := i + 1; k < len(b); k++ {
		switch b[k] {
		case '"':
			return b[i+1 : k], k + 1, nil
		case '\\':
			if end, err = scanString(b, i); err != nil {
				return nil, end, err
			}
			var n string
			if err := json.Unmarshal(b[i:end], &n); err != nil {
				return nil, end, err
			}
			return []byte(n), end, nil
		}
	}
	return nil, len(b), errMore
}

// skipValue returns where the value at b[j] ends.
func skipValue(b []byte, j int) (int, error) {
	return scanValue(b, j, 1)
}

// What a byte inside a JSON string is to stringSpan, as bits to OR
// together: a string's bytes are looked up without a branch for each.
const (
	textEscape  = 1 << iota // a backslash: the value is not the bytes
	textControl             // rejected raw by encoding/json
	textHTML                // escaped by json.Marshal
	textHigh                // part of a multi-byte character, to be checked as UTF-8
)

var textClass = func() (t [256]uint8) {
	for c := range 0x20 {
		t[c] = textControl
	}
	for c := 0x80; c < 0x100; c++ {
		t[c] = textHigh
	}
	t['\\'] = textEscape
	t['<'], t['>'], t['&'] = textHTML, textHTML, textHTML
	return t
}()

// stringSpan returns where the string whose quote is at b[j] ends and
// what its bytes are to its value and to json.Marshal; a string
// encoding/json would reject is not plain. The first quote after b[j]
// ends the string unless a backslash comes before it, which is rare.
func stringSpan(b []byte, j int) (end int, kind uint8, err error) {
	q := bytes.IndexByte(b[j+1:], '"')
	if q < 0 {
		return len(b), 0, errMore
	}
	s := b[j+1 : j+1+q]
	var seen uint8
	for _, c := range s {
		seen |= textClass[c]
	}
	switch {
	case seen&textEscape != 0:
		// Checked, and its end found, by the strict reading.
		end, ok := strictString(b, j)
		if !ok {
			return end, 0, errNotPlain
		}
		return end, spanEscaped, nil
	case seen&textControl != 0:
		return j + 1 + q, 0, errNotPlain
	}
	return j + 2 + q, spanKind(s, seen&textHTML != 0, seen&textHigh != 0), nil
}

// spanKind is what a string's bytes are, from what stringSpan saw in them.
func spanKind(s []byte, html, high bool) uint8 {
	switch {
	case high && !utf8.Valid(s):
		return spanEscaped
	case html || (high && (bytes.Contains(s, []byte("\u2028")) || bytes.Contains(s, []byte("\u2029")))):
		return spanEscape
	}
	return spanAsIs
}

// literalEnd returns where the literal (true, false or null) at b[j]
// ends, which scanValue has checked.
func literalEnd(b []byte, j int) int {
	if b[j] == 'f' {
		return j + 5
	}
	return j + 4
}
