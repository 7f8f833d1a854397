package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// A one-pass walk over a value scanValue has already found whole (so its
// brackets, colons, commas and string ends are sound): summaryOf and
// fastStore read each byte of a store once, the members they keep as they
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

// Classes of a byte inside a JSON string, for stringValue's one pass.
const (
	strPlain   = iota
	strQuote   // the end
	strEscape  // a backslash: the value is not the bytes
	strControl // rejected raw by encoding/json
	strHigh    // part of a multi-byte character, to be checked as UTF-8
)

var strClass = func() (t [256]uint8) {
	for c := range 0x20 {
		t[c] = strControl
	}
	for c := 0x80; c < 0x100; c++ {
		t[c] = strHigh
	}
	t['"'], t['\\'] = strQuote, strEscape
	return t
}()

// stringValue returns where the string whose quote is at b[j] ends, and
// whether its bytes between the quotes are its value: valid UTF-8 with no
// escape and no control character, read as encoding/json reads them.
func stringValue(b []byte, j int) (end int, plain bool, err error) {
	plain, high := true, false
	for i := j + 1; i < len(b); i++ {
		switch strClass[b[i]] {
		case strQuote:
			if high && plain {
				plain = utf8.Valid(b[j+1 : i])
			}
			return i + 1, plain, nil
		case strEscape:
			plain = false
			i++ // the byte after a backslash is never the end
		case strControl:
			plain = false
		case strHigh:
			high = true
		}
	}
	return len(b), false, errMore
}

// literalEnd returns where the literal (true, false or null) at b[j]
// ends, which scanValue has checked.
func literalEnd(b []byte, j int) int {
	if b[j] == 'f' {
		return j + 5
	}
	return j + 4
}
