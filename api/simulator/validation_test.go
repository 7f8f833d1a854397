package simulator_test

import (
	"net/http"
	"slices"
	"sort"
	"strings"
	"testing"

	"sfstore/api"
	"sfstore/api/demoorg"
)

func TestCreateStoreRejectsEachBrokenRule(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(b map[string]any)
		want   []string // "CODE target"
	}{
		{"type missing", func(b map[string]any) { delete(b, "type") }, []string{"REQUIRED_VALUE type"}},
		{"type not Salesforce", func(b map[string]any) { b["type"] = "Workday" }, []string{"INVALID_VALUE type"}},
		{"type wrong case", func(b map[string]any) { b["type"] = "salesforce" }, []string{"INVALID_VALUE type"}},
		{"name missing", func(b map[string]any) { delete(b, "name") }, []string{"REQUIRED_VALUE name"}},
		{"name empty", func(b map[string]any) { b["name"] = "" }, []string{"REQUIRED_VALUE name"}},
		{"name not a string", func(b map[string]any) { b["name"] = 7 }, []string{"INVALID_VALUE name"}},
		{"description not a string", func(b map[string]any) { b["description"] = true }, []string{"INVALID_VALUE description"}},
		{"status unknown", func(b map[string]any) { b["status"] = "ENABLED" }, []string{"INVALID_VALUE status"}},
		{"managed not boolean", func(b map[string]any) { b["managed"] = "yes" }, []string{"INVALID_VALUE managed"}},
		{"image not an object", func(b map[string]any) { b["image"] = "x.png" }, []string{"INVALID_VALUE image"}},
		{"image.href relative", func(b map[string]any) { b["image"] = map[string]any{"href": "/logo.png"} }, []string{"INVALID_VALUE image.href"}},
		{"configuration missing", func(b map[string]any) { delete(b, "configuration") }, []string{"REQUIRED_VALUE configuration"}},
		{"configuration not an object", func(b map[string]any) { b["configuration"] = []any{} }, []string{"INVALID_VALUE configuration"}},
		{"required key missing", func(b map[string]any) { delete(config(b), "OAUTH_REFRESH_TOKEN") }, []string{"REQUIRED_VALUE configuration.OAUTH_REFRESH_TOKEN"}},
		{"required key empty", func(b map[string]any) { config(b)["SALESFORCE_DOMAIN"] = " " }, []string{"REQUIRED_VALUE configuration.SALESFORCE_DOMAIN"}},
		{"boolean as string", func(b map[string]any) { config(b)["ENABLE_COMMUNITIES"] = "true" }, []string{"INVALID_VALUE configuration.ENABLE_COMMUNITIES"}},
		{"optional boolean as number", func(b map[string]any) { config(b)["UPDATE_USERS"] = 1 }, []string{"INVALID_VALUE configuration.UPDATE_USERS"}},
		{"string as number", func(b map[string]any) { config(b)["CLIENT_ID"] = 42 }, []string{"INVALID_VALUE configuration.CLIENT_ID"}},
		{"permission set label unknown", func(b map[string]any) { config(b)["PERMISSION_SET_MANAGEMENT"] = "Merge with permission sets" },
			[]string{"INVALID_VALUE configuration.PERMISSION_SET_MANAGEMENT"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := validBody()
			tt.mutate(b)
			w := createStore(t, newSim(), b)
			if w.Code != http.StatusBadRequest {
				t.Fatalf("status %d, want 400: %s", w.Code, w.Body)
			}
			e := decodeError(t, w)
			if got := detailKeys(e); e.Code != "INVALID_DATA" || !slices.Equal(got, tt.want) {
				t.Errorf("code %s details %v, want INVALID_DATA %v", e.Code, got, tt.want)
			}
		})
	}
}

func TestCreateStoreListsEveryViolationAtOnce(t *testing.T) {
	w := createStore(t, newSim(), map[string]any{"type": "scim", "configuration": map[string]any{}})
	e := decodeError(t, w)
	want := []string{"INVALID_VALUE type", "REQUIRED_VALUE name"}
	for _, k := range []string{"CLIENT_ID", "CLIENT_SECRET", "ENABLE_COMMUNITIES", "FREEZE_USER_FLAG",
		"OAUTH_ACCESS_TOKEN", "OAUTH_REFRESH_TOKEN", "PERMISSION_SET_MANAGEMENT", "SALESFORCE_DOMAIN"} {
		want = append(want, "REQUIRED_VALUE configuration."+k)
	}
	sort.Strings(want)
	if got := detailKeys(e); !slices.Equal(got, want) {
		t.Errorf("details\n got %v\nwant %v", got, want)
	}
	if e.Message != "The request could not be completed. One or more validation errors were in the request." {
		t.Errorf("message %q", e.Message)
	}
}

func TestPermissionSetRejectionListsTheAllowedValues(t *testing.T) {
	b := validBody()
	config(b)["PERMISSION_SET_MANAGEMENT"] = "Replace"
	e := decodeError(t, createStore(t, newSim(), b))
	allowed, _ := e.Details[0].InnerError["allowedValues"].([]any)
	if len(allowed) != 2 || allowed[0] != api.PermissionSetsMerge || allowed[1] != api.PermissionSetsOverwrite {
		t.Errorf("innerError = %v, want both api constants", e.Details[0].InnerError)
	}
}

func TestCreateStoreAcceptsBothPermissionSetLabelsAndStatuses(t *testing.T) {
	for _, ps := range []string{api.PermissionSetsMerge, api.PermissionSetsOverwrite} {
		for _, st := range []string{api.StatusActive, api.StatusInactive} {
			b := validBody()
			config(b)["PERMISSION_SET_MANAGEMENT"], b["status"] = ps, st
			if w := createStore(t, newSim(), b); w.Code != http.StatusCreated {
				t.Errorf("%s / %s: status %d: %s", ps, st, w.Code, w.Body)
			}
		}
	}
}

func TestDemoOrgRuleChecksProfileAndAccountIDs(t *testing.T) {
	p, a := demoorg.Profiles[3].ID, demoorg.Accounts[2].ID
	tests := []struct {
		name, profile, account string
		want                   []string
	}{
		{"known 18-char IDs", p, a, nil},
		{"known 15-char IDs", p[:15], a[:15], nil},
		{"unknown profile", "00e5g000009Zzzz", a, []string{"INVALID_VALUE configuration.PROFILE_ID"}},
		{"profile with other case", strings.ToUpper(p[:15]), a, []string{"INVALID_VALUE configuration.PROFILE_ID"}},
		{"unknown account", p, "001000000000001", []string{"INVALID_VALUE configuration.ACCOUNT_ID"}},
		{"the documented example's IDs", "fds", "fdsf", []string{"INVALID_VALUE configuration.ACCOUNT_ID", "INVALID_VALUE configuration.PROFILE_ID"}},
		{"IDs left out", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := validBody()
			config(b)["PROFILE_ID"], config(b)["ACCOUNT_ID"] = tt.profile, tt.account
			w := createStore(t, newSim(), b)
			if tt.want == nil {
				if w.Code != http.StatusCreated {
					t.Errorf("status %d, want 201: %s", w.Code, w.Body)
				}
				return
			}
			e := decodeError(t, w)
			if got := detailKeys(e); !slices.Equal(got, tt.want) {
				t.Errorf("details %v, want %v", got, tt.want)
			}
			if !strings.Contains(e.Details[0].Message, "exists in the Salesforce org.") {
				t.Errorf("message %q", e.Details[0].Message)
			}
		})
	}
}
