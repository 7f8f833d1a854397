package cli

import (
	"fmt"
	"net/url"
	"strings"

	"sfstore/api/endpoint"
)

// hostVars name where a PingOne host can come from, besides the region:
// a flag or variable holding a full URL, and the variable the PingOne
// Terraform provider and Go SDK use, holding a host name (HTTPS implied).
type hostVars struct {
	flag, urlEnv, hostEnv string
}

var (
	apiHost  = hostVars{"--api-url", "PINGONE_API_URL", "PINGONE_API_SERVICE_HOSTNAME"}
	authHost = hostVars{"--auth-url", "PINGONE_AUTH_URL", "PINGONE_AUTH_SERVICE_HOSTNAME"}
)

// hostSetting resolves one PingOne base URL, highest precedence first: the
// flag, its URL variable, then the host-name variable; "" leaves it to the
// region. Whatever is given must pass endpoint.Check before anything is
// sent: https, or http only on this machine.
func hostSetting(flagValue string, getenv func(string) string, v hostVars) (string, error) {
	if raw := strings.TrimSpace(flagValue); raw != "" {
		return checked(v.flag, raw)
	}
	if raw := strings.TrimSpace(getenv(v.urlEnv)); raw != "" {
		return checked(v.urlEnv, raw)
	}
	host := strings.TrimSpace(getenv(v.hostEnv))
	if host == "" {
		return "", nil
	}
	u, err := url.Parse("https://" + host)
	if err != nil || u.Host != host || u.Path != "" || u.RawQuery != "" || u.User != nil {
		return "", fmt.Errorf("%s: expected a host name with an optional port, such as api.pingone.eu, got %q", v.hostEnv, host)
	}
	return checked(v.hostEnv, u.String())
}

func checked(what, raw string) (string, error) {
	if _, err := endpoint.Check(what, raw); err != nil {
		return "", err
	}
	return raw, nil
}
