package doctor

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/settings"
)

// checkTimeout bounds each network check, so a black-holed host cannot stall
// the checklist.
const checkTimeout = 10 * time.Second

// Check is one line of the doctor's checklist.
type Check struct {
	Name   string `json:"check"`
	OK     bool   `json:"ok"`
	Skip   bool   `json:"skipped,omitempty"`
	Detail string `json:"detail"`
	Hint   string `json:"hint,omitempty"`
}

// ErrChecksFailed is returned when a doctor check failed; main exits 1.
var ErrChecksFailed = errors.New("some checks failed")

// Run checks, in order, everything a store creation depends on and prints
// a ✓ or ✗ for each, with what to do. Later checks that depend on a failed
// one are skipped rather than piling up errors with the same cause.
func Run(ctx context.Context, s *ui.Session) error {
	s.DemoSignIn()
	d := &doctor{s: s, a: s.Answers}
	d.keyring(ctx)
	d.proxy(ctx)
	d.hosts(ctx)
	client := d.token(ctx)
	d.environment(ctx, client)
	d.stores(ctx, client)
	if s.Opts.JSON {
		if err := s.WriteJSON(d.checks); err != nil {
			return err
		}
	} else {
		if s.Opts.Demo {
			if err := s.Say(s.OutStyles.Muted, "These checks ran against the demo's simulators and keyring, on this machine: they say nothing about a real setup."); err != nil {
				return err
			}
		}
		for _, c := range d.checks {
			fmt.Fprintln(s.Out, renderCheck(s.OutStyles, c, s.OutWidth))
		}
	}
	for _, c := range d.checks {
		if !c.OK && !c.Skip {
			return &ui.ShownError{Err: ErrChecksFailed}
		}
	}
	return nil
}

type doctor struct {
	s           *ui.Session
	a           *settings.Answers
	checks      []Check
	failed      bool // an earlier network or sign-in check failed
	proxyFailed bool // the proxy refused: the hosts cannot be tried
	keyringOK   bool // the keyring answered: worth reading the worker secret from
}

// add records a check; details and hints come from errors that may quote
// a server, so they are cleaned like everything else shown.
func (d *doctor) add(c Check) {
	c.Detail = d.s.OutStyles.Clean(c.Detail)
	c.Hint = d.s.OutStyles.Clean(c.Hint)
	d.checks = append(d.checks, c)
}

func (d *doctor) skip(name, why string) {
	d.add(Check{Name: name, Skip: true, Detail: "skipped: " + why})
}

func (d *doctor) keyring(ctx context.Context) {
	const name = "OS keyring"
	k := d.s.Opts.Keyring
	if k == nil {
		d.add(Check{Name: name, Detail: "no keyring configured"})
		return
	}
	if err := k.Available(); err != nil {
		d.add(Check{Name: name, Detail: err.Error(), Hint: secrets.Hint(err) + "; without a keyring sfstore uses secrets for one run only"})
		return
	}
	_, err := k.Get(ctx, "doctor-probe")
	switch secrets.Classify(err) {
	case secrets.NotFound, secrets.Found:
		d.keyringOK = true
		d.add(Check{Name: name, OK: true, Detail: "available and answering"})
	case secrets.TimedOut:
		d.add(Check{Name: name, Detail: err.Error(), Hint: "the keyring is locked or waiting for an unlock window: unlock it and run again"})
	default:
		d.add(Check{Name: name, Detail: err.Error(), Hint: secrets.Hint(err)})
	}
}

// proxy names the proxy in effect for the auth host and, when there is
// one, asks it for a tunnel to that host: a proxy that refuses is named
// here, rather than blamed on DNS by the checks after it.
func (d *doctor) proxy(ctx context.Context) {
	const name = "Proxy"
	_, authURL, err := d.endpoints()
	if err != nil {
		return
	}
	p, err := d.proxyFor(authURL)
	switch {
	case err != nil:
		d.add(Check{Name: name, Detail: "the proxy settings are invalid: " + err.Error(), Hint: "fix HTTPS_PROXY / HTTP_PROXY"})
		d.failed = true
	case p == nil:
		d.add(Check{Name: name, OK: true, Detail: "none: PingOne is reached directly"})
	default:
		if err := tunnel(ctx, p, authURL); err != nil {
			d.add(Check{Name: name, Detail: fmt.Sprintf("the proxy %s: %v", redactProxy(p), err),
				Hint: "check HTTPS_PROXY / NO_PROXY and the proxy's credentials; the PingOne hosts were not tried"})
			d.failed, d.proxyFailed = true, true
			return
		}
		d.add(Check{Name: name, OK: true, Detail: "requests go through " + redactProxy(p) + ", which opened a tunnel to " + hostOf(authURL)})
	}
}

// proxyFor is the proxy for rawURL, as the HTTP client will choose it.
func (d *doctor) proxyFor(rawURL string) (*url.URL, error) {
	req, err := http.NewRequest(http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	return proxyFromEnvironment(req)
}

// proxyFromEnvironment is http.ProxyFromEnvironment, which reads the
// environment once per process; tests put a stand-in proxy here.
var proxyFromEnvironment = http.ProxyFromEnvironment

// redactProxy hides a proxy's password.
func redactProxy(u *url.URL) string {
	if u.User != nil {
		if _, has := u.User.Password(); has {
			u = &url.URL{Scheme: u.Scheme, User: url.UserPassword(u.User.Username(), "••••"), Host: u.Host}
		}
	}
	return u.Redacted()
}

func (d *doctor) endpoints() (string, string, error) {
	return ui.Endpoints(d.a.Region, d.s.Opts.APIURL, d.s.Opts.AuthURL)
}

func (d *doctor) hosts(ctx context.Context) {
	apiURL, authURL, err := d.endpoints()
	if err != nil {
		d.add(Check{Name: "Region", Detail: err.Error(), Hint: "set --region or PINGONE_REGION_CODE"})
		d.failed = true
		return
	}
	for _, h := range []struct{ name, url string }{{"PingOne auth host", authURL}, {"PingOne API host", apiURL}} {
		if d.proxyFailed {
			d.skip(h.name, "the proxy failed")
			continue
		}
		if p, _ := d.proxyFor(h.url); p != nil {
			// Through a proxy the proxy resolves the host; this machine's
			// DNS says nothing.
			if err := tunnel(ctx, p, h.url); err != nil {
				d.add(Check{Name: h.name, Detail: fmt.Sprintf("through the proxy %s: %v", redactProxy(p), err), Hint: "check HTTPS_PROXY / NO_PROXY"})
				d.failed = true
				continue
			}
			d.add(Check{Name: h.name, OK: true, Detail: hostOf(h.url) + " is reached through the proxy"})
			continue
		}
		if err := reach(ctx, h.url); err != nil {
			d.add(Check{Name: h.name, Detail: err.Error(), Hint: reachHint(err)})
			d.failed = true
			continue
		}
		d.add(Check{Name: h.name, OK: true, Detail: hostOf(h.url) + " resolves and accepts a connection"})
	}
}

// reach resolves a host and opens a TCP (and for https a TLS) connection.
func reach(ctx context.Context, rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil {
		return fmt.Errorf("invalid URL %q", rawURL)
	}
	ctx, cancel := context.WithTimeout(ctx, checkTimeout)
	defer cancel()
	if _, err := net.DefaultResolver.LookupHost(ctx, u.Hostname()); err != nil {
		return fmt.Errorf("DNS: cannot resolve %s: %w", u.Hostname(), err)
	}
	addr := hostPort(u)
	if u.Scheme != "https" {
		conn, err := (&net.Dialer{}).DialContext(ctx, "tcp", addr)
		if err != nil {
			return fmt.Errorf("connect to %s: %w", addr, err)
		}
		return conn.Close()
	}
	conn, err := (&tls.Dialer{Config: &tls.Config{ServerName: u.Hostname()}}).DialContext(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("TLS to %s: %w", addr, err)
	}
	return conn.Close()
}

func reachHint(err error) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "DNS"):
		return "check the region (--region / PINGONE_REGION_CODE) and your DNS; behind a proxy, set HTTPS_PROXY"
	case strings.HasPrefix(msg, "TLS"):
		return "a proxy or firewall may intercept TLS: check HTTPS_PROXY and your organization's CA certificates"
	}
	return "check your network, firewall and HTTPS_PROXY"
}

func hostOf(rawURL string) string {
	if u, err := url.Parse(rawURL); err == nil {
		return u.Host
	}
	return rawURL
}
