package ui

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"sfstore/api"
)

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestDocumentedExampleBodyWorksAsAFromFile(t *testing.T) {
	cfg, err := ParseArgs([]string{"--from", "testdata/example-request.json"}, envOf(nil), nil)
	if err != nil {
		t.Fatalf("ParseArgs: %v", err)
	}
	a := cfg.Answers
	want := DefaultAnswers()
	want.Name = "test"
	want.ImageURL = "https://d1oekt4jpdthse.cloudfront.net/branding/market/cb933bfe-8282-405a-a780-0a19b97edc02.png"
	want.FreezeUsers, want.EnableCommunities = false, true
	want.PermissionSets = api.PermissionSetsMerge
	want.CreateUsers, want.UpdateUsers, want.DisableUsers, want.ProvisionDisabledUsers = true, true, true, true
	want.SalesforceDomain = "https://example.com"
	want.ProfileID, want.AccountID, want.ClientID = "fds", "fdsf", "fdsfd"
	want.ClientSecret, want.SalesforceAccessToken, want.SalesforceRefreshToken = "fdsafds", "fdsfds", "fdsfdsa"
	if !reflect.DeepEqual(a, want) {
		t.Fatalf("answers from the documented body:\n%+v\nwant\n%+v", a, want)
	}
	// The documented placeholders are not Salesforce IDs: a run reports
	// exactly those two, each naming how to supply a better value.
	a.Normalize()
	problems := a.Check(StepCommunities)
	if len(problems) != 2 || problems[0].Field != FieldAccountID || problems[1].Field != FieldProfileID {
		t.Fatalf("Check(Communities) = %v, want the account and profile IDs", problems)
	}
	if msg := missingValues(problems).Error(); !strings.Contains(msg, "--account-id") || !strings.Contains(msg, "--profile-id") {
		t.Fatalf("missing values message does not say how to supply them: %s", msg)
	}
}

func TestFromFileRejectsUnknownKeysNamingEachAndReadsDeprecatedOnes(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/store.json"
	body := `{"type":"Salesforce","name":"x","colour":"red","image":{"href":"https://e.com/a.png","size":1},
	  "configuration":{"CREATE_NEW_USERS":false,"UPDATE_NEW_USERS":false,"UPDATE_USERS":true,"BOGUS":1,"ENABLE_COMMUNITIES":"yes"}}`
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := ParseArgs([]string{"--from", path}, envOf(nil), nil)
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v, want an InputError", err)
	}
	got := strings.Join(ie.Problems, "\n")
	for _, want := range []string{`unknown key "colour"`, `unknown key "image.size"`, `unknown key "configuration.BOGUS"`, "configuration.ENABLE_COMMUNITIES: expected true or false"} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}

	body = `{"type":"Salesforce","name":"x","configuration":{"CREATE_NEW_USERS":false,"UPDATE_NEW_USERS":false,"UPDATE_USERS":true}}`
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := ParseArgs([]string{"--from", path}, envOf(nil), nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Answers.CreateUsers || !cfg.Answers.UpdateUsers {
		t.Fatalf("CreateUsers=%v UpdateUsers=%v, want false (from CREATE_NEW_USERS) and true (UPDATE_USERS wins)", cfg.Answers.CreateUsers, cfg.Answers.UpdateUsers)
	}
	if w := strings.Join(cfg.Warnings, "\n"); !strings.Contains(w, "CREATE_NEW_USERS is deprecated: read as configuration.CREATE_USERS") ||
		!strings.Contains(w, "UPDATE_NEW_USERS is deprecated and ignored") {
		t.Fatalf("warnings = %q", w)
	}
}

func TestFromFileRejectsOtherStoreTypes(t *testing.T) {
	_, err := LoadAnswersFile(strings.NewReader(`{"type":"scim","name":"x"}`), &Answers{})
	if err == nil || !strings.Contains(err.Error(), `type: "scim" is not supported`) {
		t.Fatalf("err = %v", err)
	}
}

func TestFromFileNeverEchoesAValueInAProblem(t *testing.T) {
	_, err := LoadAnswersFile(strings.NewReader(`{"configuration":{"CLIENT_SECRET":["SENTINEL-CLIENT-SECRET-7f3a9c"]}}`), &Answers{})
	if err == nil || strings.Contains(err.Error(), "SENTINEL") {
		t.Fatalf("err = %v", err)
	}
}

func TestPrecedenceIsFlagThenEnvThenFile(t *testing.T) {
	path := t.TempDir() + "/store.json"
	body := `{"type":"Salesforce","name":"from-file","description":"file description",
	  "configuration":{"CLIENT_ID":"file-client","CLIENT_SECRET":"file-secret","SALESFORCE_DOMAIN":"file.my.salesforce.com"}}`
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	env := envOf(map[string]string{"SALESFORCE_CLIENT_SECRET": "env-secret", "PINGONE_REGION_CODE": "eu"})
	cfg, err := ParseArgs([]string{"--from", path, "--name", "from-flag", "--region", "CA", "--active", "--create-users=false"}, env, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := cfg.Answers
	checks := []struct{ what, got, want string }{
		{"name (flag over file)", a.Name, "from-flag"},
		{"description (file)", a.Description, "file description"},
		{"client secret (env over file)", a.ClientSecret, "env-secret"},
		{"client ID (file)", a.ClientID, "file-client"},
		{"region (flag over env)", a.Region, "CA"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	if !a.Active || a.CreateUsers {
		t.Errorf("Active=%v CreateUsers=%v, want true and false from the flags", a.Active, a.CreateUsers)
	}
}

func TestFlagsReadFromStdinAndRejectBadValues(t *testing.T) {
	cfg, err := ParseArgs([]string{"--from", "-"}, envOf(nil), strings.NewReader(`{"type":"Salesforce","name":"piped"}`))
	if err != nil || cfg.Answers.Name != "piped" {
		t.Fatalf("--from - : name=%q err=%v", cfg.Answers.Name, err)
	}
	for _, args := range [][]string{{"--permission-sets", "keep"}, {"--region", "US"}, {"stray"}} {
		_, err := ParseArgs(args, envOf(nil), nil)
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Errorf("ParseArgs(%v) = %v, want an InputError", args, err)
		}
	}
	cfg, err = ParseArgs([]string{"--permission-sets", "overwrite"}, envOf(nil), nil)
	if err != nil || cfg.Answers.PermissionSets != api.PermissionSetsOverwrite {
		t.Fatalf("--permission-sets overwrite: %q %v", cfg.Answers.PermissionSets, err)
	}
}

func TestSecretsAreNeverFlags(t *testing.T) {
	for _, flag := range []string{"--client-secret", "--access-token", "--refresh-token", "--worker-client-secret"} {
		if _, err := ParseArgs([]string{flag, "x"}, envOf(nil), nil); err == nil {
			t.Errorf("%s was accepted as a flag", flag)
		}
	}
}
