package endpoint_test

import (
	"strings"
	"testing"

	"sfstore/api/endpoint"
)

func TestCheckAllowsHTTPSAnywhereAndHTTPOnlyOnThisMachine(t *testing.T) {
	for _, ok := range []string{
		"https://api.pingone.eu", "https://192.0.2.2:8443/base", "http://127.0.0.1:4000",
		"http://localhost:7717", "http://LOCALHOST.:7717", "http://sim.localhost:9", "http://[::1]:80", "http://127.8.9.10",
	} {
		if _, err := endpoint.Check("--api-url", ok); err != nil {
			t.Errorf("Check(%q) = %v", ok, err)
		}
	}
	for raw, want := range map[string]string{
		"http://192.0.2.2:9000":           "--api-url: use https:// for 192.0.2.2:9000; plain http is accepted only for this machine",
		"http://api.pingone.com":          "use https://",
		"http://localhost.evil.example":   "use https://",
		"https://user:pw@api.pingone.com": "user name or password (https://…@api.pingone.com)",
		"https://auth.pingone.com/?x=1":   "must not have a query or fragment (https://auth.pingone.com/?…)",
		"https://auth.pingone.com/#frag":  "query or fragment (https://auth.pingone.com/#…)",
		"https://auth.pingone.com/x?":     "query or fragment",
		"ftp://api.pingone.com":           `expected an absolute address starting with https://, got "ftp://api.pingone.com"`,
		"api.pingone.com":                 "expected an absolute address",
		"":                                "expected an absolute address",
	} {
		_, err := endpoint.Check("--api-url", raw)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "--api-url: ") {
			t.Errorf("Check(%q) = %v, want an error containing %q", raw, err, want)
		}
	}
}

func TestCheckNeverEchoesWhatMayHoldASecret(t *testing.T) {
	const secret = "SENTINEL-WORKER-SECRET-91aa3e"
	for _, raw := range []string{
		"https://admin:" + secret + "@api.pingone.com",
		"https://auth.pingone.com/env/as/token?client_secret=" + secret,
		"https://auth.pingone.com/#" + secret,
		"http://192.0.2.2/?" + secret,
		"ftp://x/?client_secret=" + secret,
		"//admin:" + secret + "@host",
	} {
		_, err := endpoint.Check("--auth-url", raw)
		if err == nil || strings.Contains(err.Error(), secret) {
			t.Errorf("Check(%q) = %v, want an error without the secret", raw, err)
		}
	}
}
