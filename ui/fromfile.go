package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"sfstore/api"
)

// maxFromFileSize bounds a --from document; a real one is under 2 KiB.
const maxFromFileSize = 1 << 20

// fileKeys are the top-level keys of the documented create body.
var fileKeys = []string{"type", "name", "description", "image", "status", "managed", "configuration"}

// deprecatedKeys maps the documented deprecated configuration keys to the
// keys that replace them.
var deprecatedKeys = map[string]string{
	"CREATE_NEW_USERS": "CREATE_USERS",
	"UPDATE_NEW_USERS": "UPDATE_USERS",
}

// fileDoc is a --from document: the documented create body. Values are
// decoded one by one so a wrong type names its key.
type fileDoc map[string]json.RawMessage

// LoadAnswersFile reads a JSON document shaped like the Create Store
// (Salesforce) body into a. Every problem is reported, each naming its key;
// warnings (deprecated keys) are returned for the caller to show.
func LoadAnswersFile(r io.Reader, a *Answers) (warnings []string, err error) {
	body, err := io.ReadAll(io.LimitReader(r, maxFromFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if len(body) > maxFromFileSize {
		return nil, fmt.Errorf("larger than %d KiB; expected a store body", maxFromFileSize>>10)
	}
	var doc fileDoc
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("not a JSON object: %w", err)
	}
	l := &fileLoader{a: a}
	l.top(doc)
	if len(l.problems) > 0 {
		return l.warnings, &InputError{Problems: l.problems}
	}
	return l.warnings, nil
}

type fileLoader struct {
	a        *Answers
	problems []string
	warnings []string
}

func (l *fileLoader) problem(format string, args ...any) {
	l.problems = append(l.problems, fmt.Sprintf(format, args...))
}

func (l *fileLoader) top(doc fileDoc) {
	for _, k := range sortedKeys(doc) {
		if !slices.Contains(fileKeys, k) {
			l.problem("unknown key %q (expected %s)", k, strings.Join(fileKeys, ", "))
		}
	}
	var typ string
	if l.str(doc, "type", "type", &typ) && typ != api.StoreTypeSalesforce {
		l.problem("type: %q is not supported; sfstore creates stores of type \"Salesforce\"", typ)
	}
	l.str(doc, "name", "name", &l.a.Name)
	l.str(doc, "description", "description", &l.a.Description)
	var status string
	if l.str(doc, "status", "status", &status) {
		switch status {
		case api.StatusActive, api.StatusInactive:
			l.a.Active = status == api.StatusActive
		default:
			l.problem("status: %q; expected ACTIVE or INACTIVE", status)
		}
	}
	l.boolean(doc, "managed", "managed", &l.a.Managed)
	if raw, ok := doc["image"]; ok {
		l.image(raw)
	}
	if raw, ok := doc["configuration"]; ok {
		l.configuration(raw)
	}
}

func (l *fileLoader) image(raw json.RawMessage) {
	var img fileDoc
	if err := json.Unmarshal(raw, &img); err != nil {
		l.problem("image: expected an object with \"href\"")
		return
	}
	for _, k := range sortedKeys(img) {
		if k != "href" {
			l.problem("unknown key \"image.%s\" (expected image.href)", k)
		}
	}
	l.str(img, "href", "image.href", &l.a.ImageURL)
}

func (l *fileLoader) configuration(raw json.RawMessage) {
	var c fileDoc
	if err := json.Unmarshal(raw, &c); err != nil {
		l.problem("configuration: expected an object")
		return
	}
	for _, k := range sortedKeys(c) {
		replacement, deprecated := deprecatedKeys[k]
		if !deprecated {
			continue
		}
		if _, both := c[replacement]; both {
			l.warnings = append(l.warnings, fmt.Sprintf("configuration.%s is deprecated and ignored: configuration.%s is also given", k, replacement))
		} else {
			l.warnings = append(l.warnings, fmt.Sprintf("configuration.%s is deprecated: read as configuration.%s", k, replacement))
			c[replacement] = c[k]
		}
		delete(c, k)
	}
	known := configurationBindings(l.a)
	for _, k := range sortedKeys(c) {
		b, ok := known[k]
		if !ok {
			l.problem("unknown key \"configuration.%s\"", k)
			continue
		}
		path := "configuration." + k
		switch v := b.(type) {
		case *string:
			l.str(c, k, path, v)
		case *bool:
			l.boolean(c, k, path, v)
		}
	}
}

// configurationBindings maps each documented configuration key to the
// answer it fills.
func configurationBindings(a *Answers) map[string]any {
	return map[string]any{
		"SALESFORCE_DOMAIN":         &a.SalesforceDomain,
		"CLIENT_ID":                 &a.ClientID,
		"CLIENT_SECRET":             &a.ClientSecret,
		"OAUTH_ACCESS_TOKEN":        &a.SalesforceAccessToken,
		"OAUTH_REFRESH_TOKEN":       &a.SalesforceRefreshToken,
		"PERMISSION_SET_MANAGEMENT": &a.PermissionSets,
		"ENABLE_COMMUNITIES":        &a.EnableCommunities,
		"FREEZE_USER_FLAG":          &a.FreezeUsers,
		"CREATE_USERS":              &a.CreateUsers,
		"UPDATE_USERS":              &a.UpdateUsers,
		"DISABLE_USERS":             &a.DisableUsers,
		"PROVISION_DISABLED_USERS":  &a.ProvisionDisabledUsers,
		"ACCOUNT_ID":                &a.AccountID,
		"PROFILE_ID":                &a.ProfileID,
	}
}

// str decodes doc[key] as a string into dst; it reports whether the key was
// there and well typed. The value itself never goes into a problem: it may
// be a secret.
func (l *fileLoader) str(doc fileDoc, key, path string, dst *string) bool {
	raw, ok := doc[key]
	if !ok {
		return false
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		l.problem("%s: expected a string", path)
		return false
	}
	return true
}

func (l *fileLoader) boolean(doc fileDoc, key, path string, dst *bool) {
	raw, ok := doc[key]
	if !ok {
		return
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		l.problem("%s: expected true or false", path)
	}
}

func sortedKeys(m fileDoc) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
