package api

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"sfstore/api/redact"
)

// AppendIndentJSON appends s to dst as json.Marshal and then json.Indent
// with prefix and indent would, byte for byte, without reflection or a
// second pass. It writes s as it is: mask it first (Store.Masked). A
// Store is written as a view of its strings (viewOf), by the code that
// writes list --json's stores straight from PingOne's bytes.
func (s Store) AppendIndentJSON(dst []byte, prefix, indent string) []byte {
	v := viewOf(s)
	return v.appendIndent(dst, prefix, indent, false)
}

// appendIndent appends the Store v reads as (see fastStore), masked when
// mask is set, as Store.AppendIndentJSON writes it.
func (v *storeView) appendIndent(dst []byte, prefix, indent string, mask bool) []byte {
	w := indentWriter{b: dst, prefix: prefix, indent: indent, spaces: onlySpaces(prefix) && onlySpaces(indent)}
	w.open()
	v.field(&w, "id", v.str[0], false)
	if v.has(1) {
		w.name("environment")
		w.open()
		v.field(&w, "id", v.envID, false)
		w.close()
	}
	v.field(&w, "type", v.str[2], false)
	v.field(&w, "name", v.str[3], false)
	v.field(&w, "description", v.str[4], true)
	if v.has(5) {
		w.name("image")
		w.open()
		v.field(&w, "id", v.image[0], true)
		v.field(&w, "href", v.image[1], true)
		w.close()
	}
	v.field(&w, "status", v.str[6], true)
	if v.has(7) {
		w.boolean("managed", v.managed)
	}
	v.field(&w, "createdAt", v.str[8], true)
	v.field(&w, "updatedAt", v.str[9], true)
	w.name("configuration")
	v.appendConfig(&w, mask)
	if v.has(11) {
		w.name("syncStatus")
		v.appendSync(&w)
	}
	if len(v.links) > 0 {
		w.name("_links")
		v.appendLinks(&w)
	}
	w.close()
	return w.b
}

// appendConfig writes the configuration's keys in SalesforceConfiguration's
// order, which is configNames'.
func (v *storeView) appendConfig(w *indentWriter, mask bool) {
	w.open()
	for k, name := range configNames {
		switch {
		case k >= 6 && k < 12:
			w.boolean(name, v.flags&(1<<k) != 0)
		case mask && k >= 2 && k <= 4: // CLIENT_SECRET, OAUTH_ACCESS_TOKEN, OAUTH_REFRESH_TOKEN
			w.name(name)
			v.appendMasked(w, v.config[k])
		default:
			v.field(w, name, v.config[k], k >= 12) // ACCOUNT_ID and PROFILE_ID are omitempty
		}
	}
	w.close()
}

// appendSync writes the sync status's members in SyncStatus's order, which
// is syncNames'.
func (v *storeView) appendSync(w *indentWriter) {
	w.open()
	for k, name := range syncNames {
		switch name {
		case "details", "lastSyncAt", "syncState":
			v.field(w, name, v.sync[k], true)
		default:
			w.integer(name, v.counts[k])
		}
	}
	w.close()
}

// appendLinks writes _links as encoding/json writes a map: keys in byte
// order.
func (v *storeView) appendLinks(w *indentWriter) {
	slices.SortFunc(v.links, func(a, b viewLink) int { return bytes.Compare(v.bytes(a.key), v.bytes(b.key)) })
	w.open()
	for _, l := range v.links {
		w.member()
		v.appendText(w, l.key)
		w.b = append(w.b, ": "...)
		w.open()
		w.name("href")
		v.appendText(w, l.href)
		w.close()
	}
	w.close()
}

// field writes a string member; an empty one is left out when omitEmpty.
func (v *storeView) field(w *indentWriter, k string, s span, omitEmpty bool) {
	if omitEmpty && s.i == s.j { // a string to unescape is never empty
		return
	}
	w.name(k)
	v.appendText(w, s)
}

// appendMasked writes a secret masked (redact.Mask), quoted as
// json.Marshal quotes the mask.
func (v *storeView) appendMasked(w *indentWriter, s span) {
	if s.kind != spanAsIs {
		w.b = appendJSONString(w.b, redact.Mask(v.value(s, "")))
		return
	}
	// The mask of a secret json.Marshal writes as it is is written as it
	// is too: "••••" and the secret's tail.
	w.b = append(w.b, '"')
	w.b = redact.AppendMask(w.b, v.bytes(s))
	w.b = append(w.b, '"')
}

// appendText writes a string quoted as json.Marshal quotes its value: its
// bytes as they are, when that is what json.Marshal would write.
func (v *storeView) appendText(w *indentWriter, s span) {
	if s.kind != spanAsIs {
		w.b = appendJSONString(w.b, v.value(s, ""))
		return
	}
	w.b = append(w.b, '"')
	w.b = append(w.b, v.bytes(s)...)
	w.b = append(w.b, '"')
}

// indentWriter writes JSON indented as json.Indent lays it out: each
// member on a line of its own, prefix and one indent a level deep; an
// empty object as "{}".
type indentWriter struct {
	b              []byte
	prefix, indent string
	depth          int
	empty          bool // the object just opened has no member yet
	spaces         bool // prefix and indent are spaces alone
}

func (w *indentWriter) open() {
	w.b = append(w.b, '{')
	w.depth++
	w.empty = true
}

func (w *indentWriter) close() {
	w.depth--
	if !w.empty {
		w.newline()
	}
	w.b = append(w.b, '}')
	w.empty = false
}

func (w *indentWriter) newline() {
	// Indents of spaces alone, as list --json's are, come in one append.
	if n := 1 + len(w.prefix) + w.depth*len(w.indent); n <= len(newlineSpaces) && w.spaces {
		w.b = append(w.b, newlineSpaces[:n]...)
		return
	}
	w.b = append(w.b, '\n')
	w.b = append(w.b, w.prefix...)
	for range w.depth {
		w.b = append(w.b, w.indent...)
	}
}

// newlineSpaces is a newline and the spaces of an indent up to 16 deep.
const newlineSpaces = "\n                                "

func onlySpaces(s string) bool { return strings.Trim(s, " ") == "" }

// member starts a member: after a comma unless it is the first, on a line
// of its own.
func (w *indentWriter) member() {
	if !w.empty {
		w.b = append(w.b, ',')
	}
	w.empty = false
	w.newline()
}

// name starts a member named k, a name of Store's own, which needs no
// escape.
func (w *indentWriter) name(k string) {
	w.member()
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, "\": "...)
}

func (w *indentWriter) boolean(k string, v bool) {
	w.name(k)
	w.b = strconv.AppendBool(w.b, v)
}

// integer writes an int field tagged omitempty.
func (w *indentWriter) integer(k string, v int) {
	if v == 0 {
		return
	}
	w.name(k)
	w.b = strconv.AppendInt(w.b, int64(v), 10)
}

// appendJSONString appends s quoted as json.Marshal quotes it: as it is
// when nothing in it needs an escape, else by json.Marshal itself (HTML
// characters, U+2028 and U+2029, invalid UTF-8 and control characters
// are what it escapes or replaces).
func appendJSONString(b []byte, s string) []byte {
	if plainJSON(s) {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	q, _ := json.Marshal(s) // a string always marshals
	return append(b, q...)
}

// plainJSON reports whether json.Marshal writes s between quotes as it is.
func plainJSON(s string) bool {
	high := false
	for i := 0; i < len(s); i++ {
		switch marshalClass[s[i]] {
		case marshalEscaped:
			return false
		case marshalHigh:
			high = true
		}
	}
	// U+2028 and U+2029 are E2 80 A8 and E2 80 A9: searched for as bytes,
	// which is quicker than by rune.
	return !high || (utf8.ValidString(s) && !strings.Contains(s, "\u2028") && !strings.Contains(s, "\u2029"))
}

// What json.Marshal does with a byte of a string: writes it as it is,
// escapes it, or reads it as part of a multi-byte character.
const (
	marshalAsIs = iota
	marshalEscaped
	marshalHigh
)

var marshalClass = func() (t [256]uint8) {
	for c := range 0x20 {
		t[c] = marshalEscaped
	}
	for _, c := range `"\<>&` {
		t[c] = marshalEscaped
	}
	for c := 0x80; c < 0x100; c++ {
		t[c] = marshalHigh
	}
	return t
}()
