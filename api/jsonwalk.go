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
		end, err := scanString(b, i)
		if err != nil {
			return i, err
		}
		name := b[i+1 : end-1]
		if bytes.IndexByte(name, '\\') >= 0 {
			var n string
			if err := json.Unmarshal(b[i:end], &n); err != nil {
				return i, err
			}
			name = []byte(n)
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

// skipValue returns where the value at b[j] ends.
func skipValue(b []byte, j int) (int, error) {
	return scanValue(b, j, 1)
}

// Classes of a byte inside a JSON string, for stringSpan's one pass.
const (
	textPlain   = iota
	textQuote   // the end
	textEscape  // a backslash: the value is not the bytes
	textControl // rejected raw by encoding/json
	textHTML    // escaped by json.Marshal
	textHigh    // part of a multi-byte character, to be checked as UTF-8
)

var textClass = func() (t [256]uint8) {
	for c := range 0x20 {
		t[c] = textControl
	}
	for c := 0x80; c < 0x100; c++ {
		t[c] = textHigh
	}
	t['"'], t['\\'] = textQuote, textEscape
	t['<'], t['>'], t['&'] = textHTML, textHTML, textHTML
	return t
}()

// stringSpan returns where the string whose quote is at b[j] ends and
// what its bytes are to its value and to json.Marshal, in one pass; a
// string encoding/json would reject is not plain.
func stringSpan(b []byte, j int) (end int, kind uint8, err error) {
	html, high := false, false
	for i := j + 1; i < len(b); i++ {
		switch textClass[b[i]] {
		case textQuote:
			return i + 1, spanKind(b[j+1:i], html, high), nil
		case textEscape:
			// Rare: checked, and its end found, by the strict reading.
			end, ok := strictString(b, j)
			if !ok {
				return end, 0, errNotPlain
			}
			return end, spanEscaped, nil
		case textControl:
			return i, 0, errNotPlain
		case textHTML:
			html = true
		case textHigh:
			high = true
		}
	}
	return len(b), 0, errMore
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
