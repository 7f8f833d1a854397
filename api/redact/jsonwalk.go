package redact

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// WalkJSON re-encodes the JSON document b compactly, in its own key order,
// passing every string value through fn: key is the nearest enclosing object
// key (inherited by array elements), sensitive whether that key or any
// enclosing one is sensitive. Object keys are passed through redact, when
// not nil. It fails on anything that is not JSON, e.g. a truncated body.
func WalkJSON(b []byte, fn func(key string, sensitive bool, s string) string, redact func(string) string) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var out bytes.Buffer
	var stack []jsonFrame
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if len(stack) > 0 {
				return nil, io.ErrUnexpectedEOF
			}
			break
		}
		if err != nil {
			return nil, err
		}
		var top *jsonFrame
		if len(stack) > 0 {
			top = &stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			out.WriteByte(byte(d))
			stack = stack[:len(stack)-1]
			if len(stack) > 0 {
				stack[len(stack)-1].valueDone()
			}
			continue
		}
		// A separator before the token.
		switch {
		case top == nil:
		case top.obj && top.wantKey && top.n > 0, !top.obj && top.n > 0:
			out.WriteByte(',')
		case top.obj && !top.wantKey:
			out.WriteByte(':')
		}
		key, sensitive := "", false
		if top != nil {
			key, sensitive = top.key, top.sensitive || (top.obj && SensitiveKey(top.key))
		}
		switch t := tok.(type) {
		case json.Delim: // '{' or '['
			out.WriteByte(byte(t))
			stack = append(stack, jsonFrame{obj: t == '{', key: key, sensitive: sensitive, wantKey: t == '{'})
		case string:
			if top != nil && top.obj && top.wantKey {
				top.key, top.wantKey = t, false
				if redact != nil {
					t = redact(t)
				}
				writeJSONString(&out, t)
				continue
			}
			writeJSONString(&out, fn(key, sensitive, t))
			top.valueDone()
		default: // json.Number, bool, nil
			b, _ := json.Marshal(t)
			out.Write(b)
			top.valueDone()
		}
	}
	return out.Bytes(), nil
}

// jsonFrame is an open object or array of WalkJSON.
type jsonFrame struct {
	obj       bool   // an object, else an array
	key       string // object: the current key; array: the parent's
	sensitive bool   // an enclosing key is sensitive
	wantKey   bool   // object: the next string is a key
	n         int    // values written so far
}

// valueDone records a complete value in f, if f is not nil (top level).
func (f *jsonFrame) valueDone() {
	if f == nil {
		return
	}
	f.n++
	f.wantKey = f.obj
}

// writeJSONString appends s as a JSON string, without HTML escaping, as
// EncodeJSON writes request bodies.
func writeJSONString(buf *bytes.Buffer, s string) {
	b, _ := EncodeJSON(s)
	buf.Write(b)
}

// jsonSecrets returns the string values under sensitive keys of a JSON
// document, or nil when it is not JSON.
func jsonSecrets(b []byte) []string {
	var out []string
	_, _ = WalkJSON(b, func(_ string, sensitive bool, s string) string {
		if sensitive {
			out = append(out, s)
		}
		return s
	}, nil)
	return out
}

// maskJSON masks the values under sensitive keys with Mask and redacts the
// secrets from every other string and key.
func maskJSON(b []byte, secrets []string) ([]byte, error) {
	return WalkJSON(b, func(_ string, sensitive bool, s string) string {
		if sensitive {
			return Mask(s)
		}
		return Redact(s, secrets...)
	}, func(k string) string { return Redact(k, secrets...) })
}

// EncodeJSON is json.Marshal without HTML escaping, so that "&", "<" and
// ">" in a name or URL are sent as typed (both forms are valid JSON). The API
// client writes every request body with it, and redaction looks for a secret
// in the same form, so the two cannot drift apart.
func EncodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
