package endpoint_test

import (
	"strings"
	"testing"

	"sfstore/api/endpoint"
)

func TestCheckAllowsHTTPSAnywhereAndHTTPOnlyOnThisMachine(t *testing.T) {
	for _, ok := range []string{
		"https://api.pingone.eu", "https://192.0.2.2:8443/base", "http://127.0.0.1:4000",
		"http://localhost:7717", "http://[::1]:80", "http://127.8.9.10", "http://[::ffff:127.0.0.1]:1",
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

// Go's proxy rule (http.ProxyFromEnvironment) skips the proxy only for
// "localhost" spelled exactly so or a loopback IP: every other spelling
// would carry plain-http credentials through HTTP_PROXY, so it is refused.
func TestCheckRefusesPlainHTTPToLocalhostSpellingsAProxyWouldCarry(t *testing.T) {
	for _, raw := range []string{
		"http://LOCALHOST:7717", "http://Localhost:7717", "http://localhost.:7717", "http://LOCALHOST.:7717",
		"http://sim.localhost:9", "http://demo.localhost:8080", "http://a.b.localhost",
	} {
		_, err := endpoint.Check("--api-url", raw)
		if err == nil || !strings.Contains(err.Error(), "use https://") || !strings.Contains(err.Error(), `write this machine as "localhost" exactly`) {
			t.Errorf("Check(%q) = %v, want a refusal that says how to spell localhost", raw, err)
		}
	}
	for _, host := range []string{"LOCALHOST", "localhost.", "sim.localhost", "[::1%25lo]", "127.1", "0x7f.0.0.1"} {
		if endpoint.IsLoopback(host) {
			t.Errorf("IsLoopback(%q) = true, want false", host)
		}
	}
	for _, host := range []string{"localhost", "127.0.0.1", "::1", "[::1]", "127.255.0.9"} {
		if !endpoint.IsLoopback(host) {
			t.Errorf("IsLoopback(%q) = false, want true", host)
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
