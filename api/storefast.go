package api

import (
	"bytes"
	"encoding/json"
	"errors"
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
	_, err := d.object(0, storeNames, func(k, j int) (int, error) { return d.storeField(&s, k, j) })
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

// fastDecoder reads one store, b, in one pass (see walkObject). Its
// string values are cut from src, a copy of b: one allocation for the
// store rather than one for each string.
type fastDecoder struct {
	b   []byte
	src string
}

// object calls f with the index in names of each member of the object at
// b[j] that names one, and where its value starts; f returns where the
// value ends. A null object is no member at all, as encoding/json leaves
// the field as it is. A name that matches only in another letter case, or
// twice, is not plain: encoding/json's rules for those are left to it.
func (d *fastDecoder) object(j int, names []string, f func(k, j int) (int, error)) (int, error) {
	switch d.b[j] {
	case 'n':
		return literalEnd(d.b, j), nil
	case '{':
	default:
		return j, errNotPlain
	}
	var seen uint64
	return walkObject(d.b, j, func(name []byte, j int) (int, error) {
		if !plainName(name) {
			return j, errNotPlain
		}
		k := nameIndex(names, name)
		if k < 0 {
			return d.unknown(names, name, j)
		}
		if seen&(1<<k) != 0 {
			return j, errNotPlain
		}
		seen |= 1 << k
		if d.b[j] == 'n' {
			return literalEnd(d.b, j), nil // null leaves a field as it is
		}
		return f(k, j)
	})
}

// nameIndex is the index of name in names, or -1.
func nameIndex(names []string, name []byte) int {
	for k, n := range names {
		if n == string(name) {
			return k
		}
	}
	return -1
}

// unknown skips the value at b[j] of a member no field takes: plain when
// its name is not a field's in another letter case, and when encoding/json
// would take the value as JSON, which scanValue does not fully check.
func (d *fastDecoder) unknown(names []string, name []byte, j int) (int, error) {
	for _, n := range names {
		if bytes.EqualFold(name, []byte(n)) {
			return j, errNotPlain
		}
	}
	end, err := skipValue(d.b, j)
	if err != nil || !strictJSON(d.b[j:end]) {
		return j, errNotPlain
	}
	return end, nil
}

func (d *fastDecoder) storeField(s *Store, k, j int) (int, error) {
	switch storeNames[k] {
	case "environment":
		s.Environment = &ObjectRef{}
		return d.object(j, imageNames[:1], func(_, j int) (int, error) { return d.str(j, &s.Environment.ID) })
	case "image":
		s.Image = &Image{}
		return d.object(j, imageNames, func(k, j int) (int, error) {
			return d.str(j, []*string{&s.Image.ID, &s.Image.Href}[k])
		})
	case "managed":
		s.Managed = new(bool)
		return d.boolean(j, s.Managed)
	case "configuration":
		return d.object(j, configNames, func(k, j int) (int, error) { return d.configField(&s.Configuration, k, j) })
	case "syncStatus":
		s.SyncStatus = &SyncStatus{}
		return d.object(j, syncNames, func(k, j int) (int, error) { return d.syncField(s.SyncStatus, k, j) })
	case "_links":
		return d.links(j, &s.Links)
	}
	return d.str(j, []*string{&s.ID, nil, &s.Type, &s.Name, &s.Description, nil, &s.Status,
		nil, &s.CreatedAt, &s.UpdatedAt}[k])
}

func (d *fastDecoder) configField(c *SalesforceConfiguration, k, j int) (int, error) {
	if k >= 6 && k < 12 {
		return d.boolean(j, []*bool{&c.EnableCommunities, &c.FreezeUserFlag, &c.CreateUsers,
			&c.UpdateUsers, &c.DisableUsers, &c.ProvisionDisabledUsers}[k-6])
	}
	return d.str(j, []*string{&c.SalesforceDomain, &c.ClientID, &c.ClientSecret, &c.OAuthAccessToken,
		&c.OAuthRefreshToken, &c.PermissionSetManagement, nil, nil, nil, nil, nil, nil,
		&c.AccountID, &c.ProfileID}[k])
}

func (d *fastDecoder) syncField(s *SyncStatus, k, j int) (int, error) {
	switch k {
	case 0:
		return d.str(j, &s.Details)
	case 3:
		return d.str(j, &s.LastSyncAt)
	case 5:
		return d.str(j, &s.SyncState)
	case 1:
		return d.integer(j, &s.FailedCount)
	case 2:
		return d.integer(j, &s.FailedDeprovisionCount)
	case 4:
		return d.integer(j, &s.SuccessCount)
	}
	return d.integer(j, &s.UserTotal)
}

// links decodes _links, a map whose every value is a link object; a null
// link, or a name given twice, is not plain.
func (d *fastDecoder) links(j int, dst *map[string]Link) (int, error) {
	if d.b[j] != '{' {
		return j, errNotPlain
	}
	m := make(map[string]Link, 4)
	end, err := walkObject(d.b, j, func(name []byte, j int) (int, error) {
		if _, dup := m[string(name)]; dup || d.b[j] != '{' || !utf8.Valid(name) || !plainName(name) {
			return j, errNotPlain
		}
		var l Link
		end, err := d.object(j, hrefNames, func(_, j int) (int, error) { return d.str(j, &l.Href) })
		if err != nil {
			return end, err
		}
		m[d.name(name)] = l
		return end, nil
	})
	*dst = m
	return end, err
}

// str decodes the JSON string at b[j]: its own bytes when they need no
// unescaping (valid UTF-8, no escape), else as encoding/json unescapes it.
func (d *fastDecoder) str(j int, dst *string) (int, error) {
	if d.b[j] != '"' {
		return j, errNotPlain
	}
	end, plain, err := stringValue(d.b, j)
	switch {
	case err != nil:
		return end, err
	case plain:
		*dst = d.src[j+1 : end-1]
	case json.Unmarshal(d.b[j:end], dst) != nil:
		return end, errNotPlain
	}
	return end, nil
}

// plainName reports whether a member name, as walkObject gives it, has no
// control character: raw in a name, encoding/json rejects one.
func plainName(name []byte) bool {
	for _, c := range name {
		if c < 0x20 {
			return false
		}
	}
	return true
}

// name returns a member name as a string: cut from src when it is a slice
// of b, as walkObject cuts names that need no unescaping (where it would
// start in b is told by how much of b's capacity is left, and checked),
// else a copy.
func (d *fastDecoder) name(v []byte) string {
	if off := cap(d.b) - cap(v); off >= 0 && off+len(v) <= len(d.b) && d.src[off:off+len(v)] == string(v) {
		return d.src[off : off+len(v)]
	}
	return string(v)
}

func (d *fastDecoder) boolean(j int, dst *bool) (int, error) {
	switch d.b[j] {
	case 't':
		*dst = true
	case 'f':
		*dst = false
	default:
		return j, errNotPlain
	}
	return literalEnd(d.b, j), nil
}

// integer decodes the JSON number at b[j] into an int as encoding/json
// does: an integer that fits, else not plain (a fraction or an exponent is
// a type error there).
func (d *fastDecoder) integer(j int, dst *int) (int, error) {
	end, ok := strictNumber(d.b, j)
	if !ok {
		return j, errNotPlain
	}
	n, err := strconv.ParseInt(string(d.b[j:end]), 10, 0)
	if err != nil {
		return j, errNotPlain
	}
	*dst = int(n)
	return end, nil
}
