package settings_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"sfstore/api"
	"sfstore/ui/settings"
	"sfstore/ui/settings/settingstest"
)

func TestRequestCarriesEveryAnswerUnderTheDocumentedKeys(t *testing.T) {
	yes, no := true, false
	tests := []struct {
		name   string
		change func(*settings.Answers)
		want   func(*api.CreateSalesforceStoreRequest)
	}{
		{"defaults: status and managed left to PingOne, merge", func(*settings.Answers) {}, func(*api.CreateSalesforceStoreRequest) {}},
		{"active", func(a *settings.Answers) { a.Status = api.StatusActive }, func(r *api.CreateSalesforceStoreRequest) { r.Status = api.StatusActive }},
		{"inactive given", func(a *settings.Answers) { a.Status = api.StatusInactive }, func(r *api.CreateSalesforceStoreRequest) { r.Status = api.StatusInactive }},
		{"managed", func(a *settings.Answers) { a.Managed = &yes }, func(r *api.CreateSalesforceStoreRequest) { r.Managed = &yes }},
		{"not managed", func(a *settings.Answers) { a.Managed = &no }, func(r *api.CreateSalesforceStoreRequest) { r.Managed = &no }},
		{"image", func(a *settings.Answers) { _ = settings.FieldImageURL.Set(a, " https://example.com/a.png ") }, func(r *api.CreateSalesforceStoreRequest) {
			r.Image = &api.Image{Href: "https://example.com/a.png"}
		}},
		{"communities with account and profile", func(a *settings.Answers) {
			a.EnableCommunities, a.AccountID, a.ProfileID = true, "001A000000q7nV2", "00e5g000001AbCd"
		}, func(r *api.CreateSalesforceStoreRequest) {
			r.Configuration.EnableCommunities = true
			r.Configuration.AccountID, r.Configuration.ProfileID = "001A000000q7nV2", "00e5g000001AbCd"
		}},
		{"account not sent when communities are off", func(a *settings.Answers) {
			a.AccountID, a.ProfileID = "001A000000q7nV2", "00e5g000001AbCd"
		}, func(r *api.CreateSalesforceStoreRequest) { r.Configuration.ProfileID = "00e5g000001AbCd" }},
		{"provisioning switches", func(a *settings.Answers) {
			a.CreateUsers, a.UpdateUsers, a.DisableUsers = false, false, false
			a.ProvisionDisabledUsers, a.FreezeUsers = true, true
			a.PermissionSets = api.PermissionSetsOverwrite
		}, func(r *api.CreateSalesforceStoreRequest) {
			c := &r.Configuration
			c.CreateUsers, c.UpdateUsers, c.DisableUsers = false, false, false
			c.ProvisionDisabledUsers, c.FreezeUserFlag = true, true
			c.PermissionSetManagement = api.PermissionSetsOverwrite
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := settingstest.Filled()
			tt.change(&a)
			want := api.CreateSalesforceStoreRequest{
				Type: "Salesforce", Name: "Salesforce production",
				Configuration: api.SalesforceConfiguration{
					SalesforceDomain: "acme.my.salesforce.com", ClientID: "3MVG9consumerKey",
					ClientSecret: settingstest.ClientSecret, OAuthAccessToken: settingstest.AccessToken,
					OAuthRefreshToken: settingstest.RefreshToken, PermissionSetManagement: api.PermissionSetsMerge,
					CreateUsers: true, UpdateUsers: true, DisableUsers: true,
				},
			}
			tt.want(&want)
			if got := a.Request(); !reflect.DeepEqual(got, want) {
				t.Fatalf("Request() =\n%+v\nwant\n%+v", got, want)
			}
		})
	}
}

func TestRequestJSONSendsEveryRequiredKeyAndOnlyChosenOptionalOnes(t *testing.T) {
	body, err := json.Marshal(settingstest.Filled().Request())
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	if doc["type"] != "Salesforce" || doc["name"] == "" {
		t.Fatalf("type/name = %v/%v", doc["type"], doc["name"])
	}
	for _, key := range []string{"status", "managed", "image", "description"} {
		if _, ok := doc[key]; ok {
			t.Errorf("%s sent although nobody chose it: %s", key, body)
		}
	}
	config := doc["configuration"].(map[string]any)
	for _, key := range []string{"CLIENT_ID", "CLIENT_SECRET", "ENABLE_COMMUNITIES", "FREEZE_USER_FLAG",
		"OAUTH_ACCESS_TOKEN", "OAUTH_REFRESH_TOKEN", "PERMISSION_SET_MANAGEMENT", "SALESFORCE_DOMAIN"} {
		if _, ok := config[key]; !ok {
			t.Errorf("configuration.%s missing from %s", key, body)
		}
	}
	for _, key := range []string{"ACCOUNT_ID", "PROFILE_ID", "CREATE_NEW_USERS", "UPDATE_NEW_USERS"} {
		if _, ok := config[key]; ok {
			t.Errorf("configuration.%s sent although empty or deprecated", key)
		}
	}
}

func TestCheckNamesEveryMissingFieldOfAStep(t *testing.T) {
	a := settings.Defaults()
	var labels []string
	for _, e := range a.Check(settings.StepSalesforce) {
		labels = append(labels, e.Field.Label)
	}
	want := []string{settings.FieldSalesforceDomain.Label, settings.FieldClientID.Label, settings.FieldClientSecret.Label,
		settings.FieldAccessToken.Label, settings.FieldRefreshToken.Label}
	if !reflect.DeepEqual(labels, want) {
		t.Fatalf("Check(Salesforce) labels = %v, want %v", labels, want)
	}
	if errs := settingstest.Filled().CheckAll(); len(errs) != 0 {
		t.Fatalf("CheckAll on complete answers = %v", errs)
	}
	b := settingstest.Filled()
	b.EnableCommunities = true
	errs := b.Check(settings.StepCommunities)
	if len(errs) != 2 || errs[0].Field != settings.FieldAccountID || errs[1].Field != settings.FieldProfileID {
		t.Fatalf("communities without account and profile: %v", errs)
	}
}

func TestForTargetMatchesPingOneTargets(t *testing.T) {
	for target, want := range map[string]*settings.Field{
		"configuration.PROFILE_ID":       settings.FieldProfileID,
		"PROFILE_ID":                     settings.FieldProfileID,
		"name":                           settings.FieldName,
		"image.href":                     settings.FieldImageURL,
		"configuration.CREATE_NEW_USERS": settings.FieldCreateUsers,
	} {
		if got, ok := settings.ForTarget(target); !ok || got != want {
			t.Errorf("settings.ForTarget(%q) = %v, %v", target, got, ok)
		}
	}
	if _, ok := settings.ForTarget("configuration.NOPE"); ok {
		t.Error("unknown target matched a field")
	}
}

func TestFromStoreNeverTakesAMaskForASecret(t *testing.T) {
	req := settingstest.Filled().Request()
	store := api.Store{Name: req.Name, Configuration: req.Configuration}
	store.Configuration.ClientSecret = "********"
	store.Configuration.OAuthAccessToken = "••••b81e44"
	a := settings.FromStore(store)
	if a.ClientSecret != "" || a.SalesforceAccessToken != "" || a.SalesforceRefreshToken != settingstest.RefreshToken {
		t.Fatalf("secrets from a store = %q, %q, %q", a.ClientSecret, a.SalesforceAccessToken, a.SalesforceRefreshToken)
	}
}

func TestAnAccountSurvivesCommunitiesOffAndOnButIsSentOnlyWhenOn(t *testing.T) {
	a := settingstest.Filled()
	a.EnableCommunities, a.AccountID, a.ProfileID = true, "0015g00000N8xQzAAJ", "00e5g000004YcMnAAK"
	a.EnableCommunities = false
	a.Normalize()
	if got := a.Request().Configuration.AccountID; got != "" {
		t.Fatalf("with Communities off the account is sent: %q", got)
	}
	if problems := a.CheckAll(); len(problems) != 0 {
		t.Fatalf("an account kept with Communities off is refused: %v", problems)
	}
	a.EnableCommunities = true
	a.Normalize()
	if got := a.Request().Configuration.AccountID; got != "0015g00000N8xQzAAJ" {
		t.Fatalf("switched back on, the account typed before is %q", got)
	}
}
