package redact

import (
	"strings"
	"testing"
)

func TestSensitiveKey(t *testing.T) {
	for _, k := range []string{"CLIENT_SECRET", "OAUTH_ACCESS_TOKEN", "OAUTH_REFRESH_TOKEN", "access_token", "refresh_token",
		"id_token", "client_secret", "clientSecret", "BASIC_AUTH_PASSWORD", "X-Api-Key", "Cookie", "Set-Cookie", "client_assertion"} {
		if !SensitiveKey(k) {
			t.Errorf("SensitiveKey(%q) = false", k)
		}
	}
	for _, k := range []string{"token_type", "tokenEndpointAuthMethod", "CLIENT_ID", "name", "SALESFORCE_DOMAIN", "expires_in", "Content-Type", "Correlation-Id"} {
		if SensitiveKey(k) {
			t.Errorf("SensitiveKey(%q) = true", k)
		}
	}
}

func TestWalkJSONKeepsTheBytesOfACompactDocument(t *testing.T) {
	docs := []string{
		`{"a":1,"b":[true,false,null,{"c":"d"}],"e":{},"f":[],"g":1.50e+3,"h":"R&D <x> ü \"q\" \\ \n"}`,
		`[]`, `"s"`, `12`, `[{"a":[{"b":[]}]},"x"]`,
	}
	for _, d := range docs {
		got, err := WalkJSON([]byte(d), func(_ string, _ bool, s string) string { return s }, nil)
		if err != nil || string(got) != d {
			t.Errorf("WalkJSON(%s) = %s, %v", d, got, err)
		}
	}
	for _, bad := range []string{`{"a":`, `{"a" 1}`, `[1,]`, `{"a":"unterminated`} {
		if _, err := WalkJSON([]byte(bad), func(_ string, _ bool, s string) string { return s }, nil); err == nil {
			t.Errorf("WalkJSON(%s) succeeded", bad)
		}
	}
}

func TestWalkJSONTellsWhichValuesAreSecret(t *testing.T) {
	var got []string
	_, _ = WalkJSON([]byte(`{"name":"n","configuration":{"CLIENT_SECRET":"s1","list":["x"],"token":{"deep":["s2",{"k":"s3"}]}},"after":"a"}`),
		func(key string, sensitive bool, s string) string {
			if sensitive {
				got = append(got, key+"="+s)
			}
			return s
		}, nil)
	if strings.Join(got, ",") != "CLIENT_SECRET=s1,deep=s2,k=s3" {
		t.Errorf("secrets found: %v", got)
	}
}

func TestMaskTextMasksAJSONBodyCutInASecret(t *testing.T) {
	cut := `{"name":"x","CLIENT_SECRET":"abcdefghijklmnop","OAUTH_REFRESH_TOKEN":"qrstuvwxyz0123`
	got := Text(cut, nil)
	if strings.Contains(got, "abcdefgh") || strings.Contains(got, "qrstuvwx") || !strings.Contains(got, `"name":"x"`) {
		t.Errorf("maskText = %s", got)
	}
	form := `see /cb?code=1&client_secret=s3cr3t%2Fvalue&x=2`
	if got := Text(form, nil); strings.Contains(got, "s3cr3t") || !strings.Contains(got, "x=2") {
		t.Errorf("maskText = %s", got)
	}
}

func TestSecretVariantsFindEncodedSecrets(t *testing.T) {
	const s = `a/b+c"d<e`
	text := `form=a%2Fb%2Bc%22d%3Ce path=a%2Fb+c%22d%3Ce json="a/b+c\"d\u003ce" raw="a/b+c\"d<e"`
	got := Redact(text, Variants([]string{s})...)
	for _, part := range []string{"a%2Fb", `a/b+c\"d`, `a/b+c"d`} {
		if strings.Contains(got, part) {
			t.Errorf("Redact with variants = %s (holds %s)", got, part)
		}
	}
}
