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
// address in the error, e.g. "--api-url", so that the message reads well
// both for a flag and inside a wrapped error:
//
//	--api-url: use https:// for 192.0.2.2:9000; plain http is accepted only for this machine (localhost, 127.0.0.1, ::1), since secrets would cross the network unencrypted
//
// The error never repeats user info, a query or a fragment: they may hold a
// secret pasted into the wrong place.
func Check(what, raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		if u != nil && (u.User != nil || u.RawQuery != "" || u.Fragment != "") {
			raw = strip(u)
		}
		return nil, fmt.Errorf("%s: expected an absolute address starting with https://, got %q", what, raw)
	}
	if u.User != nil {
		// Refuse rather than echo: user info is a credential.
		return nil, fmt.Errorf("%s: must not contain a user name or password (%s)", what, strip(u))
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return nil, fmt.Errorf("%s: must not have a query or fragment (%s)", what, strip(u))
	}
	if u.Scheme == "http" && !IsLoopback(u.Hostname()) {
		return nil, fmt.Errorf("%s: use https:// for %s; plain http is accepted only for this machine (localhost, 127.0.0.1, ::1), since secrets would cross the network unencrypted", what, u.Host)
	}
	return u, nil
}

// strip shows u without user info, and with "?…" and "#…" standing for a
// query and a fragment.
func strip(u *url.URL) string {
	c := *u
	c.User = nil
	c.RawQuery, c.ForceQuery, c.Fragment, c.RawFragment = "", false, "", ""
	s := c.String()
	if u.User != nil {
		s = strings.Replace(s, "://", "://…@", 1)
	}
	if u.RawQuery != "" || u.ForceQuery {
		s += "?…"
	}
	if u.Fragment != "" {
		s += "#…"
	}
	return s
}

// IsLoopback reports whether host (without port) names this machine:
// "localhost", a name under ".localhost" (RFC 6761), or a loopback IP
// address.
//
// Note that RFC 6761 only asks resolvers to keep "*.localhost" on this
// machine: Go's own resolver sends such a name to DNS unless nsswitch.conf
// hands it to systemd's myhostname module (net/conf.go; golang/go#22826).
// Tests of other packages rely on "*.localhost", so it stays accepted.
func IsLoopback(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}
