package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"unicode/utf8"
)

// fastStore decodes a store, which scanValue found whole, as
// json.Unmarshal into Store would, in one walk over its members and
// without reflection: a list of 10,000 stores spends most of its time
// decoding them. It takes only the plain case: ok is false for anything
// whose reading by encoding/json is not plainly the same (a value of
// another type, a duplicate or case-folded member name, a number that is
// not an int, anything encoding/json would reject), and decodeStore then
// reads the store as it always has.
func fastStore(b []byte) (s Store, ok bool) {
	d := fastDecoder{b: b, src: string(b)}
	err := d.object(b, storeNames, func(k int, v []byte) error { return d.storeField(&s, k, v) })
	return s, err == nil
}

// errNotPlain stops fastStore: decodeStore has the last word.
var errNotPlain = errors.New("not a plain store")

// The member names of each object fastStore reads, as Store's JSON tags
// spell them.
var (
	storeNames = []string{"id", "environment", "type", "name", "description", "image", "status",
		"managed", "createdAt", "updatedAt", "configuration", "syncStatus", "_links"}
	configNames = []string{"SALESFORCE_DOMAIN", "CLIENT_ID", "CLIENT_SECRET", "OAUTH_ACCESS_TOKEN",
		"OAUTH_REFRESH_TOKEN", "PERMISSION_SET_MANAGEMENT", "ENABLE_COMMUNITIES", "FREEZE_USER_FLAG",
		"CREATE_USERS", "UPDATE_USERS", "DISABLE_USERS", "PROVISION_DISABLED_USERS", "ACCOUNT_ID", "PROFILE_ID"}
	syncNames = []string{"details", "failedCount", "failedDeprovisionCount", "lastSyncAt",
		"successCount", "syncState", "userTotal"}
	imageNames = []string{"id", "href"}
	hrefNames  = []string{"href"}
)

// fastDecoder reads one store, b. Its string values are cut from src, a
// copy of b: one allocation for the store rather than one for each string.
type fastDecoder struct {
	b   []byte
	src string
}

// object calls f with the index in names of each member of object v that
// names one, and its value. A null object is no member at all, as
// encoding/json leaves the field as it is. A name that matches only in
// another letter case, or twice, is not plain: encoding/json's rules for
// those are left to it.
func (d *fastDecoder) object(v []byte, names []string, f func(k int, v []byte) error) error {
	if v[0] == 'n' {
		return nil
	}
	if v[0] != '{' {
		return errNotPlain
	}
	var seen uint64
	return members(v, func(name, v []byte) error {
		if !plainName(name) {
			return errNotPlain
		}
		k := slices.Index(names, string(name))
		if k < 0 {
			for _, n := range names {
				if bytes.EqualFold(name, []byte(n)) {
					return errNotPlain
				}
			}
			// Skipped, but encoding/json would still reject it if it
			// were not JSON, which scanValue does not fully check.
			if !strictJSON(v) {
				return errNotPlain
			}
			return nil
		}
		if seen&(1<<k) != 0 {
			return errNotPlain
		}
		seen |= 1 << k
		if v[0] == 'n' {
			return nil // null leaves a field as it is
		}
		return f(k, v)
	})
}

func (d *fastDecoder) storeField(s *Store, k int, v []byte) error {
	switch storeNames[k] {
	case "environment":
		s.Environment = &ObjectRef{}
		return d.object(v, imageNames[:1], func(_ int, v []byte) error { return d.str(v, &s.Environment.ID) })
	case "image":
		s.Image = &Image{}
		return d.object(v, imageNames, func(k int, v []byte) error {
			return d.str(v, []*string{&s.Image.ID, &s.Image.Href}[k])
		})
	case "managed":
		s.Managed = new(bool)
		return d.boolean(v, s.Managed)
	case "configuration":
		return d.object(v, configNames, func(k int, v []byte) error { return d.configField(&s.Configuration, k, v) })
	case "syncStatus":
		s.SyncStatus = &SyncStatus{}
		return d.object(v, syncNames, func(k int, v []byte) error { return d.syncField(s.SyncStatus, k, v) })
	case "_links":
		return d.links(v, &s.Links)
	}
	return d.str(v, []*string{&s.ID, nil, &s.Type, &s.Name, &s.Description, nil, &s.Status,
		nil, &s.CreatedAt, &s.UpdatedAt}[k])
}

func (d *fastDecoder) configField(c *SalesforceConfiguration, k int, v []byte) error {
	if k >= 6 && k < 12 {
		return d.boolean(v, []*bool{&c.EnableCommunities, &c.FreezeUserFlag, &c.CreateUsers,
			&c.UpdateUsers, &c.DisableUsers, &c.ProvisionDisabledUsers}[k-6])
	}
	return d.str(v, []*string{&c.SalesforceDomain, &c.ClientID, &c.ClientSecret, &c.OAuthAccessToken,
		&c.OAuthRefreshToken, &c.PermissionSetManagement, nil, nil, nil, nil, nil, nil,
		&c.AccountID, &c.ProfileID}[k])
}

func (d *fastDecoder) syncField(s *SyncStatus, k int, v []byte) error {
	switch k {
	case 0:
		return d.str(v, &s.Details)
	case 3:
		return d.str(v, &s.LastSyncAt)
	case 5:
		return d.str(v, &s.SyncState)
	case 1:
		return d.integer(v, &s.FailedCount)
	case 2:
		return d.integer(v, &s.FailedDeprovisionCount)
	case 4:
		return d.integer(v, &s.SuccessCount)
	}
	return d.integer(v, &s.UserTotal)
}

// links decodes _links, a map whose every value is a link object; a null
// link, or a name given twice, is not plain.
func (d *fastDecoder) links(v []byte, dst *map[string]Link) error {
	if v[0] != '{' {
		return errNotPlain
	}
	m := map[string]Link{}
	err := members(v, func(name, v []byte) error {
		if _, dup := m[string(name)]; dup || v[0] != '{' || !utf8.Valid(name) || !plainName(name) {
			return errNotPlain
		}
		var l Link
		if err := d.object(v, hrefNames, func(_ int, v []byte) error { return d.str(v, &l.Href) }); err != nil {
			return err
		}
		m[d.cut(name)] = l
		return nil
	})
	*dst = m
	return err
}

// str decodes a JSON string: its own bytes when they need no unescaping
// (valid UTF-8, no escape), else as encoding/json unescapes it.
func (d *fastDecoder) str(v []byte, dst *string) error {
	if v[0] != '"' {
		return errNotPlain
	}
	in := v[1 : len(v)-1]
	if plainValue(in) {
		*dst = d.cut(in)
		return nil
	}
	if json.Unmarshal(v, dst) != nil {
		return errNotPlain
	}
	return nil
}

// plainValue reports whether a JSON string's bytes, between its quotes,
// are its value: valid UTF-8 with no escape and no control character
// (which encoding/json rejects).
func plainValue(in []byte) bool {
	high := false
	for _, c := range in {
		switch {
		case c < 0x20, c == '\\':
			return false
		case c >= 0x80:
			high = true
		}
	}
	return !high || utf8.Valid(in)
}

// plainName reports whether a member name, as members gives it, has no
// control character: raw in a name, encoding/json rejects one.
func plainName(name []byte) bool {
	for _, c := range name {
		if c < 0x20 {
			return false
		}
	}
	return true
}

// cut returns v as a string: cut from src when v is a slice of b, as
// members cuts values and unescaped names (where v would start in b is
// told by how much of b's capacity is left, and checked), else a copy.
func (d *fastDecoder) cut(v []byte) string {
	if off := cap(d.b) - cap(v); off >= 0 && off+len(v) <= len(d.b) && d.src[off:off+len(v)] == string(v) {
		return d.src[off : off+len(v)]
	}
	return string(v)
}

func (d *fastDecoder) boolean(v []byte, dst *bool) error {
	switch string(v) {
	case "true":
		*dst = true
	case "false":
		*dst = false
	default:
		return errNotPlain
	}
	return nil
}

// integer decodes a JSON number into an int as encoding/json does: an
// integer that fits, else not plain (a fraction or an exponent is a type
// error there).
func (d *fastDecoder) integer(v []byte, dst *int) error {
	if end, ok := strictNumber(v, 0); !ok || end != len(v) {
		return errNotPlain
	}
	n, err := strconv.ParseInt(string(v), 10, 0)
	if err != nil {
		return errNotPlain
	}
	*dst = int(n)
	return nil
}
