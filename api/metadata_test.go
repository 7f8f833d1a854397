package api_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"testing"

	"golang.org/x/oauth2"

	"sfstore/api"
)

func TestSalesforceMetadataReadsUserAttributesInEitherShape(t *testing.T) {
	for _, tt := range []struct {
		name, body string
		want       []api.AttributeInfo
		known      bool
	}{
		{"object keyed by name", `{"attributeMetadata":{"capabilities":[],"userAttributes":{
			"Username":{"label":"Username","required":true,"type":"string"},"Email":{"displayName":"Email","isRequired":"true"},"Title":"Title"}}}`,
			[]api.AttributeInfo{{Name: "Email", Label: "Email", Required: true}, {Name: "Title", Label: "Title"},
				{Name: "Username", Label: "Username", Required: true, Type: "string"}}, true},
		{"array", `{"attributeMetadata":{"userAttributes":[{"name":"Username","required":true},{"attributeName":"Alias","mandatory":false},"LastName",{"label":"no name"}]}}`,
			[]api.AttributeInfo{{Name: "Username", Required: true}, {Name: "Alias"}, {Name: "LastName"}}, true},
		{"no attributes", `{"information":{},"connectionProfiles":[]}`, nil, false},
		{"empty object", `{}`, nil, false},
		{"attributes of an odd type", `{"attributeMetadata":{"userAttributes":7}}`, nil, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			md, err := setup(t, respond(200, tt.body, "Content-Type", "application/json")).SalesforceMetadata(context.Background(), testEnvID, nil)
			if err != nil || md.Known != tt.known || !reflect.DeepEqual(md.UserAttributes, tt.want) {
				t.Errorf("metadata %+v, err %v; want %+v", md, err, tt.want)
			}
		})
	}
}

func TestSalesforceMetadataSendsTheFlatConfigurationOrAnEmptyObject(t *testing.T) {
	var got capture
	c := setup(t, got.handler(200, `{}`))
	if _, err := c.SalesforceMetadata(context.Background(), testEnvID, nil); err != nil || string(got.body) != "{}" ||
		got.method != http.MethodPost || got.path != envPath("/propagation/storeMetadata/Salesforce") {
		t.Fatalf("err %v, sent %s %s %q", err, got.method, got.path, got.body)
	}
	cfg := sentinelRequest(t).Configuration
	if _, err := c.SalesforceMetadata(context.Background(), testEnvID, &cfg); err != nil {
		t.Fatal(err)
	}
	if jsonField(t, got.body, "CLIENT_SECRET") != sentClientSecret || jsonField(t, got.body, "SALESFORCE_DOMAIN") != cfg.SalesforceDomain {
		t.Errorf("sent %s", got.body)
	}
	cfg.OAuthAccessToken = "••••" + sentAccess[len(sentAccess)-4:]
	n := got.n
	if _, err := c.SalesforceMetadata(context.Background(), testEnvID, &cfg); !errors.Is(err, api.ErrMaskedSecret) || got.n != n {
		t.Errorf("a masked token: err %v, %d requests sent", err, got.n-n)
	}
}

// The metadata call carries the store's secrets: whatever PingOne or a
// proxy echoes, no error and no Raw answer holds one.
func TestSalesforceMetadataNeverShowsASecret(t *testing.T) {
	cases := map[string]http.HandlerFunc{}
	for name, h := range echoingAPI {
		cases[name] = h
	}
	cases["200 echoing the configuration"] = respond(200, fmt.Sprintf(`{"information":{"echo":%q},"attributeMetadata":{"userAttributes":{%q:{"label":%q}}}}`,
		allSecrets, sentAccess, sentRefresh), "Content-Type", "application/json")
	cases["200 html"] = respond(200, "<html><body>"+allSecrets+"</body></html>", "Content-Type", "text/html")
	for name, h := range cases {
		t.Run(name, func(t *testing.T) {
			c := setup(t, h, api.WithRedactions(sentWorker),
				api.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: sentPasted})))
			cfg := sentinelRequest(t).Configuration
			md, err := c.SalesforceMetadata(context.Background(), testEnvID, &cfg)
			if err == nil && md == nil {
				t.Fatal("no metadata and no error")
			}
			assertNoSentinel(t, errorStrings(err)...)
			if md != nil {
				assertNoSentinel(t, fmtAny(md.Raw), fmt.Sprintf("%+v", md.UserAttributes))
			}
		})
	}
}
