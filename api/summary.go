package api

import (
	"bytes"
	"encoding/json"
	"strings"
)

// summaryOf reads what EachStoreSummary gives of a store from its JSON,
// which scanValue found whole: one walk over its members that decodes only
// the few it keeps, with encoding/json's rules for them (names matched in
// any case, the last of a name wins, null leaves a field empty, a value of
// another type is an error) but for the configuration's domain and client
// ID, which are kept only when they are strings.
//
// The kept text is copied into one string for the store, cut into its
// fields: a lookup holds the summaries of every store, and the rest of
// the JSON (the secrets among it) is not kept.
func summaryOf(b []byte) (Store, error) {
	var s Store
	var text summaryText
	switch b[0] {
	case 'n':
		return s, nil // null leaves the store empty
	case '{':
	default:
		var notObject struct{}
		return s, json.Unmarshal(b, &notObject) // encoding/json's type error
	}
	_, err := walkObject(b, 0, func(raw []byte, j int) (int, error) {
		name := foldName{raw, isASCII(raw)}
		switch {
		case name.is("syncStatus"):
			end, err := skipValue(b, j)
			if err != nil {
				return end, err
			}
			return end, json.Unmarshal(b[j:end], &s.SyncStatus)
		case name.is("configuration"):
			if b[j] != '{' {
				return skipValue(b, j) // another type's configuration, not read
			}
			return walkObject(b, j, func(raw []byte, k int) (int, error) {
				name := foldName{raw, isASCII(raw)}
				switch {
				case name.is("SALESFORCE_DOMAIN"):
					return text.loose(b, k, sumDomain)
				case name.is("CLIENT_ID"):
					return text.loose(b, k, sumClientID)
				}
				return skipValue(b, k)
			})
		}
		if f := summaryField(name); f >= 0 {
			return text.set(b, j, f)
		}
		return skipValue(b, j)
	})
	if err != nil {
		return Store{}, err
	}
	text.fill(&s)
	return s, nil
}

// The text fields of a summary, in summaryText's order.
const (
	sumID = iota
	sumType
	sumName
	sumStatus
	sumCreatedAt
	sumUpdatedAt
	sumDomain
	sumClientID
	sumFields
)

var summaryNames = [...]string{"id", "type", "name", "status", "createdAt", "updatedAt"}

// summaryField is the summary field a member name fills, or -1.
func summaryField(name foldName) int {
	for f, n := range summaryNames {
		if name.is(n) {
			return f
		}
	}
	return -1
}

// foldName is a member name, to match as encoding/json does: in any
// letter case. Unicode folds two letters of more than one byte to ASCII
// ones (ſ to s, the Kelvin sign to k), so only a name of ASCII alone is
// told apart by its length.
type foldName struct {
	b     []byte
	ascii bool
}

func (n foldName) is(want string) bool {
	if len(n.b) == len(want) || (len(n.b) > len(want) && !n.ascii) {
		return bytes.EqualFold(n.b, []byte(want))
	}
	return false
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// summaryText holds each text field's value, the last one given, as bytes
// of the store's JSON (or, when unescaped, of their own) until fill.
type summaryText [sumFields][]byte

// set reads the string at b[j] into field f; null leaves it, anything but
// a string is encoding/json's type error.
func (t *summaryText) set(b []byte, j, f int) (int, error) {
	switch b[j] {
	case 'n':
		return literalEnd(b, j), nil
	case '"':
	default:
		end, err := skipValue(b, j)
		if err != nil {
			return end, err
		}
		var s string
		return end, json.Unmarshal(b[j:end], &s)
	}
	if end, kind, err := stringSpan(b, j); err == nil && kind != spanEscaped {
		t[f] = b[j+1 : end-1]
		return end, nil
	}
	// Escapes, invalid UTF-8 or a raw control character: encoding/json's.
	end, err := scanString(b, j)
	if err != nil {
		return end, err
	}
	var s string
	if err := json.Unmarshal(b[j:end], &s); err != nil {
		return end, err
	}
	t[f] = []byte(s)
	return end, nil
}

// loose is set for a value that should be a string: anything else, or a
// string encoding/json would refuse, empties the field.
func (t *summaryText) loose(b []byte, j, f int) (int, error) {
	if b[j] != '"' {
		t[f] = nil
		return skipValue(b, j)
	}
	end, err := t.set(b, j, f)
	if err != nil {
		t[f] = nil
		return end, nil
	}
	return end, nil
}

// fill copies the fields into s, in one string.
func (t *summaryText) fill(s *Store) {
	n := 0
	for _, v := range t {
		n += len(v)
	}
	var all strings.Builder
	all.Grow(n)
	for _, v := range t {
		all.Write(v)
	}
	text := all.String()
	dst := [sumFields]*string{&s.ID, &s.Type, &s.Name, &s.Status, &s.CreatedAt, &s.UpdatedAt,
		&s.Configuration.SalesforceDomain, &s.Configuration.ClientID}
	for f, v := range t {
		*dst[f], text = text[:len(v)], text[len(v):]
	}
}
