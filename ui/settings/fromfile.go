package settings

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"sfstore/api"
)

// maxFileSize bounds a --from document; a real one is under 2 KiB.
const maxFileSize = 1 << 20

// LoadFile reads a JSON document shaped like the Create Store (Salesforce)
// body into a: the documented example body works as it is. Every problem
// is reported, each naming its key and never its value (it may be a
// secret); warnings (deprecated keys) are returned for the caller to show.
func LoadFile(r io.Reader, a *Answers) (warnings []string, err error) {
	body, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if len(body) > maxFileSize {
		return nil, fmt.Errorf("larger than %d KiB; expected a store body", maxFileSize>>10)
	}
	top, err := readObject(body, "")
	if err != nil {
		return nil, err
	}
	l := &fileLoader{a: a}
	l.load(top)
	if len(l.problems) > 0 {
		return l.warnings, &InputError{Problems: l.problems}
	}
	return l.warnings, nil
}

// member is one key of a JSON object and its raw value.
type member struct {
	key string
	raw json.RawMessage
}

// readObject reads one JSON object member by member, so that a duplicate
// key (which encoding/json would silently let win) is refused by name, as
// is anything after the object. path names the object in messages.
func readObject(raw []byte, path string) ([]member, error) {
	where := "the document"
	if path != "" {
		where = path
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, fmt.Errorf("%s: expected a JSON object", where)
	}
	var out []member
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("%s: not valid JSON: %w", where, err)
		}
		key, _ := tok.(string)
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return nil, fmt.Errorf("%s: not valid JSON after %q: %w", where, join(path, key), err)
		}
		if seen[key] {
			return nil, fmt.Errorf("duplicate key %q: give each key once", join(path, key))
		}
		seen[key] = true
		out = append(out, member{key, value})
	}
	if _, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("%s: not valid JSON: %w", where, err)
	}
	if path == "" {
		if _, err := dec.Token(); !errors.Is(err, io.EOF) {
			return nil, errors.New("unexpected data after the JSON object: expected one store body")
		}
	}
	return out, nil
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

type fileLoader struct {
	a        *Answers
	problems []string
	warnings []string
	given    map[*Field]string // the path each field was read from
	present  map[string]bool   // every path the document holds
}

func (l *fileLoader) problem(format string, args ...any) {
	l.problems = append(l.problems, fmt.Sprintf(format, args...))
}

func (l *fileLoader) load(top []member) {
	l.given = map[*Field]string{}
	l.present = map[string]bool{}
	for _, m := range top {
		l.present[m.key] = true
		if m.key == "configuration" || m.key == "image" {
			if inner, err := readObject(m.raw, m.key); err == nil {
				for _, in := range inner {
					l.present[m.key+"."+in.key] = true
				}
			}
		}
	}
	for _, m := range top {
		switch m.key {
		case "type":
			var typ string
			if json.Unmarshal(m.raw, &typ) != nil {
				l.problem("type: expected a string")
			} else if typ != api.StoreTypeSalesforce {
				l.problem("type: %q is not supported; sfstore creates stores of type %q", typ, api.StoreTypeSalesforce)
			}
		case "image", "configuration":
			l.nested(m)
		default:
			l.value(m.key, m.raw)
		}
	}
}

func (l *fileLoader) nested(m member) {
	members, err := readObject(m.raw, m.key)
	if err != nil {
		l.problems = append(l.problems, err.Error())
		return
	}
	for _, inner := range members {
		l.value(m.key+"."+inner.key, inner.raw)
	}
}

// value reads the value at path into the field the table gives for it.
func (l *fileLoader) value(path string, raw json.RawMessage) {
	f, deprecated := fieldAtPath(path)
	if f == nil {
		l.problem("unknown key %q (expected one of %s)", path, strings.Join(bodyPaths(), ", "))
		return
	}
	switch {
	case deprecated && l.present[f.Path]:
		// The current key wins wherever it stands in the document.
		l.warnings = append(l.warnings, fmt.Sprintf("%s is deprecated and ignored: %s is also given", path, f.Path))
		return
	case deprecated:
		l.warnings = append(l.warnings, fmt.Sprintf("%s is deprecated: read as %s", path, f.Path))
	}
	l.given[f] = path
	text, err := jsonText(f, raw)
	if err != nil {
		// The JSON type is wrong: the message quotes nothing.
		l.problem("%s: %s", path, err)
		return
	}
	switch err := f.Set(l.a, text); {
	case err == nil:
	case f.Kind == OneOf && text != "":
		// A file holds the API's values, not the flag's words.
		l.problem("%s: %q: expected %s", path, text, orList(f.values()))
	default:
		l.problem("%s: %s", path, describe(f, err))
	}
}

// jsonText turns a JSON value into the text Field.Set parses, checking its
// JSON type against the field's kind.
func jsonText(f *Field, raw json.RawMessage) (string, error) {
	if f.Kind == Bool || f.Kind == OptionalBool {
		var b bool
		if json.Unmarshal(raw, &b) != nil {
			return "", errors.New("expected true or false")
		}
		return strconv.FormatBool(b), nil
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", errors.New("expected a string")
	}
	return s, nil
}

// describe keeps a secret out of a problem: Set's message may quote the
// value it refused.
func describe(f *Field, err error) string {
	if f.Kind == Secret && !strings.Contains(err.Error(), "masked value") {
		return "not a valid secret"
	}
	return err.Error()
}

// fieldAtPath finds the field stored at a body path, and whether the path
// is a deprecated alias.
func fieldAtPath(path string) (*Field, bool) {
	for _, f := range Fields {
		if f.Path != "" && f.Path == path {
			return f, false
		}
		for _, alias := range f.Aliases {
			if alias == path {
				return f, true
			}
		}
	}
	return nil, false
}

// bodyPaths lists the keys a --from file may hold.
func bodyPaths() []string {
	out := []string{"type"}
	for _, f := range Fields {
		if f.Path != "" {
			out = append(out, f.Path)
		}
	}
	return out
}
