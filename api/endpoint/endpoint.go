// Package endpoint checks the addresses sfstore sends credentials to: the
// PingOne API and auth hosts, and the Salesforce login and instance hosts.
// Plain http is allowed only on this machine (the demo, tests and local
// stand-ins); anywhere else it would carry secrets unencrypted. It also
// keeps a request at the address that was checked: NoRedirects, and the
// helpers that report a refused redirect by its host alone.
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
		return nil, fmt.Errorf("%s: use https:// for %s; plain http is accepted only for this machine (localhost, 127.0.0.1, ::1), since secrets would cross the network unencrypted%s", what, u.Host, spellingHint(u.Hostname()))
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

// IsLoopback reports whether host (without port) names this machine in a
// way that keeps a request on it: exactly "localhost" or a loopback IP
// address.
//
// The rule is deliberately as narrow as Go's own proxy rule: with
// HTTP_PROXY set, http.ProxyFromEnvironment skips the proxy only for
// "localhost" spelled so, or a loopback IP. "LOCALHOST", "localhost." or
// "demo.localhost" would send plain-http credentials through a network
// proxy, and Go's resolver may ask DNS about "*.localhost" (golang/go#22826).
func IsLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// spellingHint explains why a name that reads as this machine was refused,
// since "use https://" alone would puzzle someone who typed LOCALHOST.
func spellingHint(host string) string {
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return `; write this machine as "localhost" exactly (lower case, no trailing dot, no subdomain), since only that spelling is kept away from a proxy`
	}
	return ""
}
