package settings_test

import (
	"strings"
	"testing"

	"sfstore/ui/settings"
)

// FuzzLoadFile: any document either loads or is refused with problems that
// never quote a secret; a loaded document holds no masked secret.
func FuzzLoadFile(f *testing.F) {
	const secret = "SENTINEL-FUZZ-SECRET-5e1b"
	for _, seed := range []string{
		`{"type":"Salesforce","name":"x","configuration":{"CLIENT_SECRET":"` + secret + `"}}`,
		`{"name":"a","name":"b"}`,
		`{"configuration":{"OAUTH_ACCESS_TOKEN":"••••5e1b"}}`,
		`{"configuration":{"CREATE_NEW_USERS":true,"CREATE_USERS":false}}`,
		`{"status":"ACTIVE","managed":true,"image":{"href":"https://e.com/i.png"}}`,
		`{"configuration":{"CLIENT_SECRET":["` + secret + `"]}} trailing`,
		`[]`, `{`, `null`, `{"type":1}`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		a := settings.Defaults()
		warnings, err := settings.LoadFile(strings.NewReader(doc), &a)
		text := strings.Join(warnings, "\n")
		if err != nil {
			text += err.Error()
		}
		if strings.Contains(text, secret) && !strings.Contains(strings.ReplaceAll(doc, secret, ""), secret) {
			t.Fatalf("a secret value is quoted: %s", text)
		}
		if err == nil {
			for _, v := range a.Secrets() {
				if strings.Contains(v, "••••") {
					t.Fatalf("a masked value was taken for a secret: %q", v)
				}
			}
		}
	})
}
