package settings_test

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"sfstore/api"
	"sfstore/ui/settings"
)

func load(t *testing.T, body string) (settings.Answers, []string, error) {
	t.Helper()
	a := settings.Defaults()
	warnings, err := settings.LoadFile(strings.NewReader(body), &a)
	return a, warnings, err
}

func problems(t *testing.T, err error) string {
	t.Helper()
	var ie *settings.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v, want an InputError", err)
	}
	return strings.Join(ie.Problems, "\n")
}

func TestDocumentedExampleBodyWorksAsAFromFile(t *testing.T) {
	body, err := os.ReadFile("../../api/testdata/example-request.json")
	if err != nil {
		t.Fatal(err)
	}
	a, warnings, err := load(t, string(body))
	if err != nil || len(warnings) != 0 {
		t.Fatalf("LoadFile: %v, warnings %v", err, warnings)
	}
	want := settings.Defaults()
	want.Name = "test"
	want.ImageURL = "https://d1oekt4jpdthse.cloudfront.net/branding/market/cb933bfe-8282-405a-a780-0a19b97edc02.png"
	want.FreezeUsers, want.EnableCommunities = false, true
	want.PermissionSets = api.PermissionSetsMerge
	want.CreateUsers, want.UpdateUsers, want.DisableUsers, want.ProvisionDisabledUsers = true, true, true, true
	want.SalesforceDomain = "example.com" // the documented "https://example.com", as the bare host sent
	want.ProfileID, want.AccountID, want.ClientID = "fds", "fdsf", "fdsfd"
	want.ClientSecret, want.SalesforceAccessToken, want.SalesforceRefreshToken = "fdsafds", "fdsfds", "fdsfdsa"
	if !reflect.DeepEqual(a, want) {
		t.Fatalf("answers from the documented body:\n%+v\nwant\n%+v", a, want)
	}
	// The documented placeholders are not Salesforce IDs: a run reports
	// exactly those two, each naming how to supply a better value.
	found := a.Check(settings.StepCommunities)
	if len(found) != 2 || found[0].Field != settings.FieldAccountID || found[1].Field != settings.FieldProfileID {
		t.Fatalf("Check(Communities) = %v, want the account and profile IDs", found)
	}
	if msg := settings.Missing(found).Error(); !strings.Contains(msg, "--account-id") || !strings.Contains(msg, "--profile-id") {
		t.Fatalf("the missing values message does not say how to supply them: %s", msg)
	}
}

func TestFromFileRejectsUnknownKeysNamingEachAndReadsDeprecatedOnes(t *testing.T) {
	_, _, err := load(t, `{"type":"Salesforce","name":"x","colour":"red","image":{"href":"https://e.com/a.png","size":1},
	  "configuration":{"CREATE_NEW_USERS":false,"UPDATE_NEW_USERS":false,"UPDATE_USERS":true,"BOGUS":1,"ENABLE_COMMUNITIES":"yes"}}`)
	got := problems(t, err)
	for _, want := range []string{`unknown key "colour"`, `unknown key "image.size"`, `unknown key "configuration.BOGUS"`, "configuration.ENABLE_COMMUNITIES: expected true or false"} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	a, warnings, err := load(t, `{"type":"Salesforce","name":"x","configuration":{"CREATE_NEW_USERS":false,"UPDATE_NEW_USERS":false,"UPDATE_USERS":true}}`)
	if err != nil {
		t.Fatal(err)
	}
	if a.CreateUsers || !a.UpdateUsers {
		t.Fatalf("CreateUsers=%v UpdateUsers=%v, want false (from CREATE_NEW_USERS) and true (UPDATE_USERS wins)", a.CreateUsers, a.UpdateUsers)
	}
	if w := strings.Join(warnings, "\n"); !strings.Contains(w, "CREATE_NEW_USERS is deprecated: read as configuration.CREATE_USERS") ||
		!strings.Contains(w, "UPDATE_NEW_USERS is deprecated and ignored") {
		t.Fatalf("warnings = %q", w)
	}
}

func TestFromFileRefusesWhatJSONWouldSilentlyAccept(t *testing.T) {
	for body, want := range map[string]string{
		`{"type":"scim","name":"x"}`:                                `type: "scim" is not supported`,
		`{"name":"a","name":"b"}`:                                   `duplicate key "name"`,
		`{"configuration":{"CLIENT_ID":"a","CLIENT_ID":"b"}}`:       `duplicate key "configuration.CLIENT_ID"`,
		`{"name":"a"} {"name":"b"}`:                                 "unexpected data after the JSON object",
		`{"name":"a"} trailing`:                                     "unexpected data after the JSON object",
		`[{"name":"a"}]`:                                            "expected a JSON object",
		`{"configuration":{"CLIENT_SECRET":"••••7f3a"}}`:            "configuration.CLIENT_SECRET: this is a masked value",
		`{"configuration":{"CLIENT_SECRET":"********"}}`:            "configuration.CLIENT_SECRET: this is a masked value",
		`{"configuration":{"OAUTH_ACCESS_TOKEN":"●●●●●●●●"}}`:       "configuration.OAUTH_ACCESS_TOKEN: this is a masked value",
		`{"configuration":{"OAUTH_REFRESH_TOKEN":"abc••••0c95da"}}`: "masked value",
		`{"configuration":{"CLIENT_SECRET":12345}}`:                 "configuration.CLIENT_SECRET: expected a string",
	} {
		_, _, err := load(t, body)
		if got := problemsOrError(err); !strings.Contains(got, want) {
			t.Errorf("LoadFile(%s) = %q, want %q", body, got, want)
		}
	}
}

func problemsOrError(err error) string {
	var ie *settings.InputError
	if errors.As(err, &ie) {
		return strings.Join(ie.Problems, "\n")
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

func TestFromFileNeverEchoesAValueInAProblem(t *testing.T) {
	for _, body := range []string{
		`{"configuration":{"CLIENT_SECRET":["SENTINEL-CLIENT-SECRET-7f3a9c"]}}`,
		`{"configuration":{"CLIENT_SECRET":"SENTINEL-CLIENT-SECRET-7f3a9c"`,
		`{"configuration":{"CLIENT_SECRET":"SENTINEL-CLIENT-SECRET-7f3a9c","CLIENT_SECRET":"SENTINEL-X"}}`,
	} {
		_, _, err := load(t, body)
		if err == nil || strings.Contains(problemsOrError(err), "SENTINEL") {
			t.Errorf("LoadFile(%s) = %v", body, err)
		}
	}
}

func TestStatusAndManagedAreLeftOutUnlessTheFileGivesThem(t *testing.T) {
	a, _, err := load(t, `{"type":"Salesforce","name":"x"}`)
	if err != nil || a.Status != "" || a.Managed != nil {
		t.Fatalf("without the keys: status %q, managed %v, err %v", a.Status, a.Managed, err)
	}
	a, _, err = load(t, `{"type":"Salesforce","name":"x","status":"INACTIVE","managed":false}`)
	if err != nil || a.Status != api.StatusInactive || a.Managed == nil || *a.Managed {
		t.Fatalf("with the keys: status %q, managed %v, err %v", a.Status, a.Managed, err)
	}
	if _, _, err := load(t, `{"status":"PAUSED"}`); !strings.Contains(problemsOrError(err), `status: "PAUSED": expected "ACTIVE" or "INACTIVE"`) {
		t.Fatalf("status PAUSED: %v", err)
	}
}

func TestADeprecatedKeyBesideItsReplacementIsIgnoredInEitherOrder(t *testing.T) {
	for _, body := range []string{
		`{"configuration":{"CREATE_NEW_USERS":false,"CREATE_USERS":true}}`,
		`{"configuration":{"CREATE_USERS":true,"CREATE_NEW_USERS":false}}`,
	} {
		a, warnings, err := load(t, body)
		if err != nil || !a.CreateUsers || len(warnings) != 1 || !strings.Contains(warnings[0], "CREATE_NEW_USERS is deprecated and ignored") {
			t.Errorf("%s: create %v, warnings %q, err %v", body, a.CreateUsers, warnings, err)
		}
	}
}
