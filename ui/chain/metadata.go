package chain

import (
	"sort"
	"strings"
)

// TargetsFromMetadata reads the Salesforce attribute names out of a store
// metadata answer (POST …/storeMetadata/Salesforce), decoded as generic
// JSON. PingOne documents only that the names are "under userAttributes"
// (in attributeMetadata); the shape of its entries is UNCONFIRMED, so this
// takes what it finds: an object keyed by name, a list of names, or a list
// of objects naming themselves in "name" (or "attributeName", "id", "key").
// ok is false when no userAttributes with a name was found: check against
// DocumentedTargets then, and say so.
func TargetsFromMetadata(answer any) (Targets, bool) {
	ua, found := findKey(answer, "userAttributes", 6)
	if !found {
		return DocumentedOnly(), false
	}
	var names []string
	switch v := ua.(type) {
	case map[string]any:
		for k, e := range v {
			if n := nameOf(e); n != "" {
				names = append(names, n)
			} else if strings.TrimSpace(k) != "" {
				names = append(names, k)
			}
		}
		sort.Strings(names)
	case []any:
		for _, e := range v {
			if n := nameOf(e); n != "" {
				names = append(names, n)
			}
		}
	}
	if len(names) == 0 {
		return DocumentedOnly(), false
	}
	return Targets{Names: names, FromMetadata: true}, true
}

// nameOf is the attribute name an entry of userAttributes gives itself.
func nameOf(e any) string {
	switch v := e.(type) {
	case string:
		return strings.TrimSpace(v)
	case map[string]any:
		for _, k := range []string{"name", "attributeName", "id", "key"} {
			if s, ok := v[k].(string); ok && strings.TrimSpace(s) != "" {
				return strings.TrimSpace(s)
			}
		}
	}
	return ""
}

// findKey finds key in nested objects and lists, the shallowest first
// (attributeMetadata.userAttributes before anything deeper), at most depth
// levels down.
func findKey(v any, key string, depth int) (any, bool) {
	level := []any{v}
	for d := 0; d <= depth && len(level) > 0; d++ {
		var next []any
		for _, n := range level {
			switch t := n.(type) {
			case map[string]any:
				if found, ok := t[key]; ok {
					return found, true
				}
				keys := make([]string, 0, len(t))
				for k := range t {
					keys = append(keys, k)
				}
				sort.Strings(keys) // the same answer finds the same list
				for _, k := range keys {
					next = append(next, t[k])
				}
			case []any:
				next = append(next, t...)
			}
		}
		level = next
	}
	return nil, false
}
