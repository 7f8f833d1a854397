package ui

import (
	"encoding/json"
	"reflect"
	"testing"

	"sfstore/api"
)

func filledAnswers() Answers {
	a := DefaultAnswers()
	a.WorkerEnvironmentID = "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6"
	a.WorkerClientID = "6a4e7e1c-5d0f-4f3e-9a51-2b8f0c7d9e10"
	a.WorkerClientSecret = "SENTINEL-WORKER-SECRET-41d7c2"
	a.Name = "Salesforce production"
	a.SalesforceDomain = "https://Acme.my.salesforce.com/"
	a.ClientID = "3MVG9consumerKey"
	a.ClientSecret = "SENTINEL-CLIENT-SECRET-7f3a9c"
	a.SalesforceAccessToken = "SENTINEL-ACCESS-TOKEN-b81e44"
	a.SalesforceRefreshToken = "SENTINEL-REFRESH-TOKEN-0c95da"
	return a
}

func TestRequestCarriesEveryAnswerUnderTheDocumentedKeys(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Answers)
		want   func(*api.CreateSalesforceStoreRequest)
	}{
		{"defaults: inactive, unmanaged, merge", func(*Answers) {}, func(*api.CreateSalesforceStoreRequest) {}},
		{"active", func(a *Answers) { a.Active = true }, func(r *api.CreateSalesforceStoreRequest) { r.Status = api.StatusActive }},
		{"managed", func(a *Answers) { a.Managed = true }, func(r *api.CreateSalesforceStoreRequest) { *r.Managed = true }},
		{"image", func(a *Answers) { a.ImageURL = " https://example.com/a.png " }, func(r *api.CreateSalesforceStoreRequest) {
			r.Image = &api.Image{Href: "https://example.com/a.png"}
		}},
		{"communities with account and profile", func(a *Answers) {
			a.EnableCommunities, a.AccountID, a.ProfileID = true, "001A000000q7nV2", "00e5g000001AbCd"
		}, func(r *api.CreateSalesforceStoreRequest) {
			r.Configuration.EnableCommunities = true
			r.Configuration.AccountID, r.Configuration.ProfileID = "001A000000q7nV2", "00e5g000001AbCd"
		}},
		{"account dropped when communities are off", func(a *Answers) {
			a.AccountID, a.ProfileID = "001A000000q7nV2", "00e5g000001AbCd"
		}, func(r *api.CreateSalesforceStoreRequest) { r.Configuration.ProfileID = "00e5g000001AbCd" }},
		{"provisioning switches", func(a *Answers) {
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
			a := filledAnswers()
			tt.change(&a)
			f := false
			want := api.CreateSalesforceStoreRequest{
				Type: "Salesforce", Name: "Salesforce production", Status: api.StatusInactive, Managed: &f,
				Configuration: api.SalesforceConfiguration{
					SalesforceDomain: "acme.my.salesforce.com", ClientID: "3MVG9consumerKey",
					ClientSecret: "SENTINEL-CLIENT-SECRET-7f3a9c", OAuthAccessToken: "SENTINEL-ACCESS-TOKEN-b81e44",
					OAuthRefreshToken: "SENTINEL-REFRESH-TOKEN-0c95da", PermissionSetManagement: api.PermissionSetsMerge,
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

func TestRequestJSONSendsEveryRequiredKeyEvenWhenFalse(t *testing.T) {
	req := filledAnswers().Request()
	body, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Type          string         `json:"type"`
		Name          string         `json:"name"`
		Configuration map[string]any `json:"configuration"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Type != "Salesforce" || doc.Name == "" {
		t.Fatalf("type/name = %q/%q", doc.Type, doc.Name)
	}
	for _, key := range []string{"CLIENT_ID", "CLIENT_SECRET", "ENABLE_COMMUNITIES", "FREEZE_USER_FLAG",
		"OAUTH_ACCESS_TOKEN", "OAUTH_REFRESH_TOKEN", "PERMISSION_SET_MANAGEMENT", "SALESFORCE_DOMAIN"} {
		if _, ok := doc.Configuration[key]; !ok {
			t.Errorf("configuration.%s missing from %s", key, body)
		}
	}
	for _, key := range []string{"ACCOUNT_ID", "PROFILE_ID", "CREATE_NEW_USERS", "UPDATE_NEW_USERS"} {
		if _, ok := doc.Configuration[key]; ok {
			t.Errorf("configuration.%s sent although empty or deprecated", key)
		}
	}
}

func TestCheckNamesEveryMissingFieldOfAStep(t *testing.T) {
	a := DefaultAnswers()
	got := a.Check(StepSalesforce)
	var labels []string
	for _, e := range got {
		labels = append(labels, e.Field.Label)
	}
	want := []string{FieldSalesforceDomain.Label, FieldClientID.Label, FieldClientSecret.Label,
		FieldAccessToken.Label, FieldRefreshToken.Label}
	if !reflect.DeepEqual(labels, want) {
		t.Fatalf("Check(Salesforce) labels = %v, want %v", labels, want)
	}
	if errs := filledAnswers().CheckAll(); len(errs) != 0 {
		t.Fatalf("CheckAll on complete answers = %v", errs)
	}
	b := filledAnswers()
	b.EnableCommunities = true
	if errs := b.Check(StepCommunities); len(errs) != 1 || errs[0].Field != FieldAccountID {
		t.Fatalf("communities without account: %v", errs)
	}
}

func TestFieldForTargetMatchesPingOneTargets(t *testing.T) {
	for target, want := range map[string]Field{
		"configuration.PROFILE_ID": FieldProfileID,
		"PROFILE_ID":               FieldProfileID,
		"name":                     FieldName,
		"image.href":               FieldImageURL,
	} {
		if got, ok := fieldForTarget(target); !ok || got != want {
			t.Errorf("fieldForTarget(%q) = %v, %v", target, got, ok)
		}
	}
	if _, ok := fieldForTarget("configuration.NOPE"); ok {
		t.Error("unknown target matched a field")
	}
}
