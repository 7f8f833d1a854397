package endpoint_test

import (
	"strings"
	"testing"

	"sfstore/api/endpoint"
)

func TestCheckAllowsHTTPSAnywhereAndHTTPOnlyOnThisMachine(t *testing.T) {
	for _, ok := range []string{
		"https://api.pingone.eu", "https://192.0.2.2:8443/base", "http://127.0.0.1:4000",
		"http://localhost:7717", "http://[::1]:80", "http://127.8.9.10",
	} {
		if _, err := endpoint.Check("--api-url", ok); err != nil {
			t.Errorf("Check(%q) = %v", ok, err)
		}
	}
	for raw, want := range map[string]string{
		"http://192.0.2.2:9000":           "use https://",
		"http://api.pingone.com":          "use https://",
		"http://localhost.evil.example":   "use https://",
		"https://user:pw@api.pingone.com": "user name or password",
		"https://auth.pingone.com/?x=1":   "query or fragment",
		"https://auth.pingone.com/#frag":  "query or fragment",
		"ftp://api.pingone.com":           "expected an address",
		"api.pingone.com":                 "expected an address",
		"":                                "expected an address",
	} {
		_, err := endpoint.Check("--api-url", raw)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "--api-url: ") {
			t.Errorf("Check(%q) = %v, want an error containing %q", raw, err, want)
		}
		if err != nil && strings.Contains(err.Error(), "pw@") {
			t.Errorf("Check(%q) echoes the password: %v", raw, err)
		}
	}
}
