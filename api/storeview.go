package api

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// A storeView is one store as PingOne sent it, read in one walk (see
// walkObject) into where each field's value lies in its bytes, nothing
// copied. fastStore builds a Store from it; list --json writes the store
// from it straight to the output, masked and indented, with no Store
// between: at 10,000 stores, building each Store only to write it again
// was most of what a list cost.
//
// read takes only the plain case, as encoding/json would read the store
// into a Store: anything else (a value of another type, a duplicate or
// case-folded member name, a number that is not an int, anything
// encoding/json would reject) is errNotPlain, and encoding/json then reads
// the store as it always has.
type storeView struct {
	b       []byte
	given   uint32   // bit k: storeNames[k] was given and not null
	str     [10]span // the string members, by their index in storeNames
	envID   span
	image   [2]span // id, href
	managed bool
	config  [14]span // the string keys, by their index in configNames
	flags   uint16   // bit k: configNames[k] is true
	sync    [7]span  // the string members, by their index in syncNames
	counts  [7]int   // the int members, by their index in syncNames
	links   []viewLink
}

// viewLink is one member of _links: its name and its href.
type viewLink struct{ key, href span }

// A span is where a string lies in a store's bytes, between its quotes.
type span struct {
	i, j int32
	kind uint8
}

// What a span's bytes are to the string's value and to json.Marshal.
const (
	spanAsIs    = iota // the value, which json.Marshal writes as it is
	spanEscape         // the value, in which json.Marshal escapes something
	spanEscaped        // not the value: escapes or invalid UTF-8 to decode
)

// has reports whether member storeNames[k] was given and not null.
func (v *storeView) has(k int) bool { return v.given&(1<<k) != 0 }

// read reads b, a store scanValue found whole, into v, reusing v's room
// for links.
func (v *storeView) read(b []byte) error {
	*v = storeView{b: b, links: v.links[:0]}
	_, err := v.object(0, storeNames, v.storeField)
	return err
}

// object calls f with the index in names of each member of the object at
// b[j] that names one, and where its value starts; f returns where the
// value ends. A null object is no member at all, as encoding/json leaves
// the field as it is, and so is a null member. A name that matches only
// in another letter case, or twice, is not plain: encoding/json's rules
// for those are left to it.
func (v *storeView) object(j int, names []string, f func(k, j int) (int, error)) (int, error) {
	switch v.b[j] {
	case 'n':
		return literalEnd(v.b, j), nil
	case '{':
	default:
		return j, errNotPlain
	}
	var seen uint64
	return walkObject(v.b, j, func(name []byte, j int) (int, error) {
		if !plainName(name) {
			return j, errNotPlain
		}
		k := nameIndex(names, name)
		if k < 0 {
			return v.unknown(names, name, j)
		}
		if seen&(1<<k) != 0 {
			return j, errNotPlain
		}
		seen |= 1 << k
		if v.b[j] == 'n' {
			return literalEnd(v.b, j), nil
		}
		return f(k, j)
	})
}

// unknown skips the value at b[j] of a member no field takes: plain when
// its name is not a field's in another letter case, and when encoding/json
// would take the value as JSON, which scanValue does not fully check.
func (v *storeView) unknown(names []string, name []byte, j int) (int, error) {
	for _, n := range names {
		if bytes.EqualFold(name, []byte(n)) {
			return j, errNotPlain
		}
	}
	end, err := skipValue(v.b, j)
	if err != nil || !strictJSON(v.b[j:end]) {
		return j, errNotPlain
	}
	return end, nil
}

func (v *storeView) storeField(k, j int) (int, error) {
	v.given |= 1 << k
	switch storeNames[k] {
	case "environment":
		return v.object(j, imageNames[:1], func(_, j int) (int, error) { return v.text(j, &v.envID) })
	case "image":
		return v.object(j, imageNames, func(k, j int) (int, error) { return v.text(j, &v.image[k]) })
	case "managed":
		return v.boolean(j, &v.managed)
	case "configuration":
		return v.object(j, configNames, v.configField)
	case "syncStatus":
		return v.object(j, syncNames, v.syncField)
	case "_links":
		return v.readLinks(j)
	}
	return v.text(j, &v.str[k])
}

func (v *storeView) configField(k, j int) (int, error) {
	if k < 6 || k >= 12 {
		return v.text(j, &v.config[k])
	}
	var on bool
	end, err := v.boolean(j, &on)
	if on {
		v.flags |= 1 << k
	}
	return end, err
}

func (v *storeView) syncField(k, j int) (int, error) {
	switch syncNames[k] {
	case "details", "lastSyncAt", "syncState":
		return v.text(j, &v.sync[k])
	}
	return v.integer(j, &v.counts[k])
}

// maxViewLinks bounds the links a view takes: each is checked against
// those before it, which for the thousands a hostile store of 1 MiB could
// hold would be millions of comparisons. PingOne's stores have three;
// more than this go to encoding/json.
const maxViewLinks = 32

// readLinks reads _links, a map whose every value is a link object. A null
// link, a name given twice or one with escapes is not plain.
func (v *storeView) readLinks(j int) (int, error) {
	if v.b[j] != '{' {
		return j, errNotPlain
	}
	return walkObject(v.b, j, func(name []byte, j int) (int, error) {
		key, ok := v.spanOf(name)
		if !ok || v.b[j] != '{' || !plainName(name) || key.kind == spanEscaped || len(v.links) == maxViewLinks {
			return j, errNotPlain
		}
		for _, l := range v.links {
			if bytes.Equal(v.bytes(l.key), name) {
				return j, errNotPlain
			}
		}
		l := viewLink{key: key}
		end, err := v.object(j, hrefNames, func(_, j int) (int, error) { return v.text(j, &l.href) })
		v.links = append(v.links, l)
		return end, err
	})
}

// spanOf returns the span of a member name walkObject cut from b, as it
// cuts names with no escape; a name it unescaped is a copy, not in b, and
// has no span. Where a name starts in b is told by how much of b's
// capacity is left, and checked to be that very memory: a copy's capacity
// says nothing, and taking it at its word would make some other string of
// the store, a secret even, the name.
func (v *storeView) spanOf(name []byte) (span, bool) {
	off := cap(v.b) - cap(name)
	if off < 1 || off+len(name) >= len(v.b) || v.b[off-1] != '"' || v.b[off+len(name)] != '"' {
		return span{}, false
	}
	// An empty name is never a copy: no escape unescapes to nothing.
	if len(name) > 0 && &v.b[off] != &name[0] {
		return span{}, false
	}
	_, kind, err := stringSpan(v.b, off-1)
	return span{int32(off), int32(off + len(name)), kind}, err == nil
}

// text reads the JSON string at b[j] into dst.
func (v *storeView) text(j int, dst *span) (int, error) {
	if v.b[j] != '"' {
		return j, errNotPlain
	}
	end, kind, err := stringSpan(v.b, j)
	if err != nil {
		return end, err
	}
	*dst = span{int32(j + 1), int32(end - 1), kind}
	return end, nil
}

func (v *storeView) boolean(j int, dst *bool) (int, error) {
	switch v.b[j] {
	case 't':
		*dst = true
	case 'f':
		*dst = false
	default:
		return j, errNotPlain
	}
	return literalEnd(v.b, j), nil
}

// integer decodes the JSON number at b[j] into an int as encoding/json
// does: an integer that fits, else not plain (a fraction or an exponent is
// a type error there).
func (v *storeView) integer(j int, dst *int) (int, error) {
	end, ok := strictNumber(v.b, j)
	if !ok {
		return j, errNotPlain
	}
	n, err := strconv.ParseInt(string(v.b[j:end]), 10, 0)
	if err != nil {
		return j, errNotPlain
	}
	*dst = int(n)
	return end, nil
}

// bytes returns a span's bytes.
func (v *storeView) bytes(s span) []byte { return v.b[s.i:s.j] }

// value returns a span's string as encoding/json decodes it; in, when
// given, is b as a string to cut it from without a copy.
func (v *storeView) value(s span, in string) string {
	switch {
	case s.kind == spanEscaped:
		var out string
		_ = json.Unmarshal(v.b[s.i-1:s.j+1], &out) // stringSpan checked it
		return out
	case in != "":
		return in[s.i:s.j]
	}
	return string(v.bytes(s))
}
