package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sfstore/api/redact"
	"sort"
	"strings"
)

// AttributeInfo is one user attribute a store offers as a mapping target.
// Only Name is sure; the entry's other fields are UNCONFIRMED and read
// from the likely keys (label/displayName, required/isRequired,
// type/dataType).
type AttributeInfo struct {
	Name     string // the targetAttribute string, e.g. "Username"
	Label    string // for people, when given
	Required bool   // when the metadata says so
	Type     string // e.g. "string", when given
}

// StoreMetadata is what Store Metadata says about a store type, as far as
// a rule's mappings need it.
type StoreMetadata struct {
	// UserAttributes are attributeMetadata.userAttributes, in PingOne's
	// order (by name when it answers an object keyed by name).
	UserAttributes []AttributeInfo
	// Known is false when the answer held no user attributes where they
	// were looked for: fall back to the documented Salesforce names then.
	Known bool
	// Raw is the whole answer, every known secret redacted.
	Raw map[string]any
}

// Attribute returns the user attribute named name (compared
// case-insensitively), if the metadata lists it.
func (m *StoreMetadata) Attribute(name string) (AttributeInfo, bool) {
	for _, a := range m.UserAttributes {
		if strings.EqualFold(a.Name, strings.TrimSpace(name)) {
			return a, true
		}
	}
	return AttributeInfo{}, false
}

// SalesforceMetadata asks PingOne what a Salesforce store offers, above
// all the user attributes a mapping may target. With cfg (the current or
// proposed configuration, sent flat as PingOne documents, not wrapped),
// PingOne connects to Salesforce and adds the org's custom fields; with a
// nil cfg it sends {} and gets the static metadata. Nothing is created.
//
// cfg carries secrets: a secret that LooksMasked (not an empty one) is
// refused before sending with an error wrapping ErrMaskedSecret, and no
// error or Raw ever holds one. The answer's shape is UNCONFIRMED, so it is
// read as generic JSON (see StoreMetadata.Known). A non-2xx answer is an
// *Error with Op OpStoreMetadata; a 2xx body that is not JSON (a proxy's
// page) is an error.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-store-metadata/identity-propagation-store-metadata-salesforce.html
func (c *Client) SalesforceMetadata(ctx context.Context, envID string, cfg *SalesforceConfiguration) (*StoreMetadata, error) {
	path, err := propagationPath(envID, "storeMetadata/"+StoreTypeSalesforce)
	if err != nil {
		return nil, opErr(OpStoreMetadata, err)
	}
	k := call{op: OpStoreMetadata, method: http.MethodPost, path: path, body: map[string]any{}}
	if cfg != nil {
		if err := checkSecrets(OpStoreMetadata, &CreateSalesforceStoreRequest{Configuration: *cfg}, false); err != nil {
			return nil, err
		}
		k.body, k.secrets = cfg, cfg.Secrets()
	}
	var raw []byte
	resp, err := c.send(ctx, k, &raw)
	if err != nil {
		return nil, err
	}
	secrets := c.secretsOf(resp, k)
	var v any
	if err := json.Unmarshal(bytes.TrimSpace(raw), &v); err != nil {
		return nil, fmt.Errorf("%s: pingone answered %s with a body that is not JSON (a proxy or gateway answered?): %s",
			OpStoreMetadata, resp.Status, redact.Excerpt(raw, false, secrets...))
	}
	m, _ := redactAny(v, secrets).(map[string]any)
	md := &StoreMetadata{Raw: m, UserAttributes: userAttributes(m)}
	md.Known = len(md.UserAttributes) > 0
	return md, nil
}

// userAttributes walks to attributeMetadata.userAttributes (keys compared
// case-insensitively; a top-level userAttributes is taken too) and reads
// it as an object keyed by name or as an array.
func userAttributes(m map[string]any) []AttributeInfo {
	v, ok := key(m, "userAttributes")
	if am, isMap := lookup(m, "attributeMetadata").(map[string]any); isMap {
		if u, found := key(am, "userAttributes"); found {
			v, ok = u, true
		}
	}
	if !ok {
		return nil
	}
	var out []AttributeInfo
	switch t := v.(type) {
	case map[string]any:
		for name, e := range t {
			if a, ok := attribute(name, e); ok {
				out = append(out, a)
			}
		}
		sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	case []any:
		for _, e := range t {
			if a, ok := attribute("", e); ok {
				out = append(out, a)
			}
		}
	}
	return out
}

// attribute reads one entry; name is its key in an object, or "".
func attribute(name string, e any) (AttributeInfo, bool) {
	a := AttributeInfo{Name: name}
	switch t := e.(type) {
	case string:
		if a.Name == "" {
			a.Name = t
		} else {
			a.Label = t
		}
	case map[string]any:
		if a.Name == "" {
			a.Name = firstString(t, "name", "attributeName", "id", "key")
		}
		a.Label = firstString(t, "label", "displayName", "title")
		a.Type = firstString(t, "type", "dataType")
		for _, k := range []string{"required", "isRequired", "mandatory"} {
			if v, ok := key(t, k); ok {
				b, isBool := v.(bool)
				a.Required = (isBool && b) || strings.EqualFold(fmt.Sprint(v), "true")
				break
			}
		}
	}
	a.Name = strings.TrimSpace(a.Name)
	return a, a.Name != ""
}

// key is m[k], the key compared case-insensitively.
func key(m map[string]any, k string) (any, bool) {
	if v, ok := m[k]; ok {
		return v, true
	}
	for mk, v := range m {
		if strings.EqualFold(mk, k) {
			return v, true
		}
	}
	return nil, false
}

func lookup(m map[string]any, k string) any {
	v, _ := key(m, k)
	return v
}

// firstString is the first of keys whose value is a non-empty string.
func firstString(m map[string]any, keys ...string) string {
	for _, k := range keys {
		if s, ok := lookup(m, k).(string); ok && strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
