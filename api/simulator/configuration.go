package simulator

import (
	"fmt"
	"strings"

	"sfstore/api"
	"sfstore/api/demoorg"
)

// configKey is one documented configuration key of a Salesforce store.
type configKey struct {
	name     string
	boolean  bool // else string
	required bool
}

// configKeys is the documented Salesforce configuration model, in the order
// of the PingOne request model table.
var configKeys = []configKey{
	{"ACCOUNT_ID", false, false},
	{"CLIENT_ID", false, true},
	{"CLIENT_SECRET", false, true},
	{"CREATE_NEW_USERS", true, false},
	{"CREATE_USERS", true, false},
	{"DISABLE_USERS", true, false},
	{"ENABLE_COMMUNITIES", true, true},
	{"FREEZE_USER_FLAG", true, true},
	{"OAUTH_ACCESS_TOKEN", false, true},
	{"OAUTH_REFRESH_TOKEN", false, true},
	{"PERMISSION_SET_MANAGEMENT", false, true},
	{"PROFILE_ID", false, false},
	{"PROVISION_DISABLED_USERS", true, false},
	{"SALESFORCE_DOMAIN", false, true},
	{"UPDATE_NEW_USERS", true, false},
	{"UPDATE_USERS", true, false},
}

// checkConfiguration checks the configuration object key by key, then the
// demo org's profiles and accounts. Unknown keys are accepted, as the model
// is a free-form map.
func (v *validator) checkConfiguration(c any) {
	if c == nil {
		v.required("configuration")
		return
	}
	cfg, ok := c.(map[string]any)
	if !ok {
		v.invalid("configuration", "configuration must be an object.")
		return
	}
	for _, k := range configKeys {
		v.checkKey(k, cfg[k.name])
	}
	if ps, ok := cfg["PERMISSION_SET_MANAGEMENT"].(string); ok && ps != "" &&
		ps != api.PermissionSetsMerge && ps != api.PermissionSetsOverwrite {
		v.invalid("configuration.PERMISSION_SET_MANAGEMENT", "PERMISSION_SET_MANAGEMENT must be one of the allowed values.",
			api.PermissionSetsMerge, api.PermissionSetsOverwrite)
	}
	v.checkDemoOrg(cfg)
}

// checkKey checks presence and JSON type of one key.
func (v *validator) checkKey(k configKey, x any) {
	target := "configuration." + k.name
	s, isString := x.(string)
	switch {
	case x == nil || (k.required && isString && strings.TrimSpace(s) == ""):
		if k.required {
			v.required(target)
		}
	case k.boolean:
		v.wantBool(target, x)
	default:
		v.wantString(target, x)
	}
}

// checkDemoOrg is the simulator's own rule: it plays one Salesforce org, so
// PROFILE_ID and ACCOUNT_ID must name one of its profiles and accounts.
// Real PingOne documents no such check at create time.
func (v *validator) checkDemoOrg(cfg map[string]any) {
	if id, ok := cfg["PROFILE_ID"].(string); ok && id != "" {
		if _, known := demoorg.FindProfile(id); !known {
			v.invalid("configuration.PROFILE_ID", fmt.Sprintf("No profile with ID %s exists in the Salesforce org.", id))
		}
	}
	if id, ok := cfg["ACCOUNT_ID"].(string); ok && id != "" {
		if _, known := demoorg.FindAccount(id); !known {
			v.invalid("configuration.ACCOUNT_ID", fmt.Sprintf("No business account with ID %s exists in the Salesforce org.", id))
		}
	}
}
