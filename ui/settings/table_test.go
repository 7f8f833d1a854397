package settings_test

import (
	"encoding/json"
	"strings"
	"testing"

	"sfstore/ui/settings"
	"sfstore/ui/settings/settingstest"
)

// TestEveryBodyFieldReachesTheRequest guards the one place the table does
// not derive: a field with a body path must be carried by Request.
func TestEveryBodyFieldReachesTheRequest(t *testing.T) {
	a := settingstest.Filled()
	a.EnableCommunities, a.AccountID, a.ProfileID = true, "001A000000q7nV2", "00e5g000001AbCd"
	a.Description, a.ImageURL, a.Status = "d", "https://example.com/i.png", "ACTIVE"
	managed := true
	a.Managed = &managed
	body, _ := json.Marshal(a.Request())
	var doc map[string]any
	_ = json.Unmarshal(body, &doc)
	for _, f := range settings.Fields {
		if f.Path == "" {
			continue
		}
		var v any = doc
		for _, part := range strings.Split(f.Path, ".") {
			m, _ := v.(map[string]any)
			v = m[part]
		}
		if v == nil {
			t.Errorf("%s (%s) is not in the request body %s", f.Label, f.Path, body)
		}
	}
}

func TestTheTableIsConsistent(t *testing.T) {
	keys := map[string]bool{}
	for _, f := range settings.Fields {
		if keys[f.Key] {
			t.Errorf("two fields named %q", f.Key)
		}
		keys[f.Key] = true
		if f.Kind == settings.Secret && (f.Flag || f.Env == "") {
			t.Errorf("secret %s must come from the environment, never a flag", f.Key)
		}
		if f.Label == "" || f.Help == "" {
			t.Errorf("%s needs a label and help", f.Key)
		}
		if f.Supplier() == "the wizard" && f.Kind != settings.Secret {
			t.Errorf("%s cannot be supplied without the wizard", f.Key)
		}
	}
}
