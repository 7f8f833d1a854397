// Package endpoint checks the addresses sfstore sends credentials to: the
// PingOne API and auth hosts, and the Salesforce login and instance hosts.
// Plain http is allowed only on this machine (the demo, tests and local
// stand-ins); anywhere else it would carry secrets unencrypted.
package endpoint

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// Check parses raw as the base URL of a service that receives credentials
// and refuses what must never get them: a scheme other than https (http only
// for a loopback host), user info, a query or a fragment. what names the
// address in the error, e.g. "--api-url".
func Check(what, raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return nil, fmt.Errorf("%s: expected an address such as https://api.pingone.com, got %q", what, raw)
	}
	if u.User != nil {
		// Refuse rather than echo: user info is a credential.
		return nil, fmt.Errorf("%s: must not contain a user name or password (%s)", what, u.Redacted())
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return nil, fmt.Errorf("%s: must not have a query or fragment: %q", what, raw)
	}
	if u.Scheme == "http" && !IsLoopback(u.Hostname()) {
		return nil, fmt.Errorf("%s: use https:// for %s; plain http is accepted only for this machine (localhost, 127.0.0.1, ::1), since secrets would cross the network unencrypted", what, u.Host)
	}
	return u, nil
}

// IsLoopback reports whether host (without port) names this machine:
// "localhost" or a loopback IP address.
func IsLoopback(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}
