package api

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// summaryOf reads what EachStoreSummary gives of a store from its JSON,
// which scanValue found whole: a walk over its members that decodes only
// the few it keeps, with encoding/json's rules for them (names matched in
// any case, the last of a name wins, null leaves a field empty, a value of
// another type is an error) but for the configuration's domain and client
// ID, which are kept only when they are strings.
func summaryOf(b []byte) (Store, error) {
	var s Store
	err := members(b, func(name, v []byte) error {
		switch {
		case bytes.EqualFold(name, []byte("syncStatus")):
			return json.Unmarshal(v, &s.SyncStatus)
		case bytes.EqualFold(name, []byte("configuration")):
			if v[0] != '{' {
				return nil // another type's configuration, not read
			}
			return members(v, func(name, v []byte) error {
				switch {
				case bytes.EqualFold(name, []byte("SALESFORCE_DOMAIN")):
					s.Configuration.SalesforceDomain = looseStringOf(v)
				case bytes.EqualFold(name, []byte("CLIENT_ID")):
					s.Configuration.ClientID = looseStringOf(v)
				}
				return nil
			})
		}
		if f := summaryField(&s, name); f != nil {
			return stringOf(v, f)
		}
		return nil
	})
	return s, err
}

// summaryField is the string field of s that a member name fills, or nil.
func summaryField(s *Store, name []byte) *string {
	switch {
	case bytes.EqualFold(name, []byte("id")):
		return &s.ID
	case bytes.EqualFold(name, []byte("type")):
		return &s.Type
	case bytes.EqualFold(name, []byte("name")):
		return &s.Name
	case bytes.EqualFold(name, []byte("status")):
		return &s.Status
	case bytes.EqualFold(name, []byte("createdAt")):
		return &s.CreatedAt
	case bytes.EqualFold(name, []byte("updatedAt")):
		return &s.UpdatedAt
	}
	return nil
}

// members calls f with each member of the object b (whole, as scanValue
// found it): its name, unescaped, and its value.
func members(b []byte, f func(name, v []byte) error) error {
	i := skipSpace(b, 1)
	if i < len(b) && b[i] == '}' {
		return nil
	}
	for i < len(b) {
		end, err := scanString(b, i)
		if err != nil {
			return err
		}
		name := b[i+1 : end-1]
		if bytes.IndexByte(name, '\\') >= 0 {
			var n string
			if err := json.Unmarshal(b[i:end], &n); err != nil {
				return err
			}
			name = []byte(n)
		}
		start := skipSpace(b, skipSpace(b, end)+1) // past the colon, which scanValue saw
		if i, err = scanValue(b, start, 1); err != nil {
			return err
		}
		if err := f(name, b[start:i]); err != nil {
			return err
		}
		i = skipSpace(b, i)
		if i < len(b) && b[i] == '}' {
			return nil
		}
		i = skipSpace(b, i+1) // past the comma
	}
	return fmt.Errorf("json object ends early")
}

// stringOf decodes a JSON string into dst as encoding/json does (null
// leaves it), at once when it is plain ASCII without escapes.
func stringOf(v []byte, dst *string) error {
	if plainString(v) {
		*dst = string(v[1 : len(v)-1])
		return nil
	}
	return json.Unmarshal(v, dst)
}

// looseStringOf is a value that should be a string, or "" when it is not.
func looseStringOf(v []byte) string {
	var s string
	if stringOf(v, &s) != nil {
		return ""
	}
	return s
}

// plainString reports whether v is a JSON string of printable ASCII with
// no escapes, whose bytes are its value.
func plainString(v []byte) bool {
	if len(v) < 2 || v[0] != '"' {
		return false
	}
	for _, c := range v[1 : len(v)-1] {
		if c < 0x20 || c >= 0x7f || c == '\\' {
			return false
		}
	}
	return true
}
