package api

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// AppendIndentJSON appends s to dst as json.Marshal and then json.Indent
// with prefix and indent would, byte for byte, without reflection or a
// second pass: `sfstore list --json` writes 10,000 stores with it. It
// writes s as it is: mask it first (Store.Masked).
func (s Store) AppendIndentJSON(dst []byte, prefix, indent string) []byte {
	w := indentWriter{b: dst, prefix: prefix, indent: indent, spaces: onlySpaces(prefix) && onlySpaces(indent)}
	w.open()
	w.str("id", s.ID, false)
	if s.Environment != nil {
		w.name("environment")
		w.open()
		w.str("id", s.Environment.ID, false)
		w.close()
	}
	w.str("type", s.Type, false)
	w.str("name", s.Name, false)
	w.str("description", s.Description, true)
	if s.Image != nil {
		w.name("image")
		w.open()
		w.str("id", s.Image.ID, true)
		w.str("href", s.Image.Href, true)
		w.close()
	}
	w.str("status", s.Status, true)
	if s.Managed != nil {
		w.boolean("managed", *s.Managed)
	}
	w.str("createdAt", s.CreatedAt, true)
	w.str("updatedAt", s.UpdatedAt, true)
	w.name("configuration")
	w.config(s.Configuration)
	if s.SyncStatus != nil {
		w.name("syncStatus")
		w.sync(*s.SyncStatus)
	}
	if len(s.Links) > 0 {
		w.name("_links")
		w.links(s.Links)
	}
	w.close()
	return w.b
}

func (w *indentWriter) config(c SalesforceConfiguration) {
	w.open()
	w.str("SALESFORCE_DOMAIN", c.SalesforceDomain, false)
	w.str("CLIENT_ID", c.ClientID, false)
	w.str("CLIENT_SECRET", c.ClientSecret, false)
	w.str("OAUTH_ACCESS_TOKEN", c.OAuthAccessToken, false)
	w.str("OAUTH_REFRESH_TOKEN", c.OAuthRefreshToken, false)
	w.str("PERMISSION_SET_MANAGEMENT", c.PermissionSetManagement, false)
	w.boolean("ENABLE_COMMUNITIES", c.EnableCommunities)
	w.boolean("FREEZE_USER_FLAG", c.FreezeUserFlag)
	w.boolean("CREATE_USERS", c.CreateUsers)
	w.boolean("UPDATE_USERS", c.UpdateUsers)
	w.boolean("DISABLE_USERS", c.DisableUsers)
	w.boolean("PROVISION_DISABLED_USERS", c.ProvisionDisabledUsers)
	w.str("ACCOUNT_ID", c.AccountID, true)
	w.str("PROFILE_ID", c.ProfileID, true)
	w.close()
}

func (w *indentWriter) sync(s SyncStatus) {
	w.open()
	w.str("details", s.Details, true)
	w.integer("failedCount", s.FailedCount)
	w.integer("failedDeprovisionCount", s.FailedDeprovisionCount)
	w.str("lastSyncAt", s.LastSyncAt, true)
	w.integer("successCount", s.SuccessCount)
	w.str("syncState", s.SyncState, true)
	w.integer("userTotal", s.UserTotal)
	w.close()
}

// links writes a map as encoding/json does: keys in byte order.
func (w *indentWriter) links(m map[string]Link) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	w.open()
	for _, k := range keys {
		w.key(k)
		w.open()
		w.str("href", m[k].Href, false)
		w.close()
	}
	w.close()
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

func (w *indentWriter) key(k string) {
	if !w.empty {
		w.b = append(w.b, ',')
	}
	w.empty = false
	w.newline()
	w.b = appendJSONString(w.b, k)
	w.b = append(w.b, ": "...)
}

// name is key for a member name of Store's own, which needs no escape.
func (w *indentWriter) name(k string) {
	if !w.empty {
		w.b = append(w.b, ',')
	}
	w.empty = false
	w.newline()
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, "\": "...)
}

func (w *indentWriter) str(k, v string, omitEmpty bool) {
	if omitEmpty && v == "" {
		return
	}
	w.name(k)
	w.b = appendJSONString(w.b, v)
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
