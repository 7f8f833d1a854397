package secrets_test

import (
	"testing"

	"sfstore/secrets"
)

func TestSalesforceAccountIsNamespacedAndLowerCasesTheDomain(t *testing.T) {
	cases := map[string]string{
		"acme.my.salesforce.com":            "salesforce/acme.my.salesforce.com/3MVG9abc/CLIENT_SECRET",
		"ACME.My.Salesforce.com":            "salesforce/acme.my.salesforce.com/3MVG9abc/CLIENT_SECRET",
		" https://Acme.my.salesforce.com/ ": "salesforce/acme.my.salesforce.com/3MVG9abc/CLIENT_SECRET",
	}
	for domain, want := range cases {
		if got := secrets.SalesforceAccount(domain, "3MVG9abc", secrets.ClientSecret); got != want {
			t.Errorf("SalesforceAccount(%q) = %q, want %q", domain, got, want)
		}
	}
	got := secrets.SalesforceAccount("acme.my.salesforce.com", "3MVG9abc", secrets.RefreshToken)
	if want := "salesforce/acme.my.salesforce.com/3MVG9abc/OAUTH_REFRESH_TOKEN"; got != want {
		t.Errorf("refresh token account = %q, want %q", got, want)
	}
}

func TestPingOneAccountIsNamespaced(t *testing.T) {
	got := secrets.PingOneAccount("env-1", "client-2")
	if want := "pingone/env-1/client-2/client_secret"; got != want {
		t.Errorf("PingOneAccount = %q, want %q", got, want)
	}
}

func TestParseAccountReadsBackEveryField(t *testing.T) {
	sf := secrets.ParseAccount(secrets.SalesforceAccount("Acme.my.salesforce.com", "3MVG9.x", secrets.AccessToken))
	if sf.Kind != secrets.KindSalesforce || sf.Domain != "acme.my.salesforce.com" || sf.ClientID != "3MVG9.x" || sf.Secret != "OAUTH_ACCESS_TOKEN" {
		t.Errorf("salesforce entry = %+v", sf)
	}
	p1 := secrets.ParseAccount(secrets.PingOneAccount("env-1", "client-2"))
	if p1.Kind != secrets.KindPingOne || p1.EnvID != "env-1" || p1.ClientID != "client-2" || p1.Secret != "client_secret" {
		t.Errorf("pingone entry = %+v", p1)
	}
}

func TestParseAccountSurvivesSlashesInIDs(t *testing.T) {
	acct := secrets.SalesforceAccount("acme.my.salesforce.com", "odd/id", secrets.ClientSecret)
	if e := secrets.ParseAccount(acct); e.ClientID != "odd/id" || e.Kind != secrets.KindSalesforce {
		t.Errorf("account %q parsed as %+v", acct, e)
	}
}

func TestParseAccountOfForeignNameIsOther(t *testing.T) {
	for _, acct := range []string{"index", "a/b/c/d", "pingone/e/c/not_the_secret", "x"} {
		if e := secrets.ParseAccount(acct); e.Kind != secrets.KindOther || e.Account != acct {
			t.Errorf("ParseAccount(%q) = %+v, want kind other", acct, e)
		}
	}
}
