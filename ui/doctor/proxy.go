package doctor

import (
	"bufio"
	"context"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
)

// tunnel asks the proxy p for a CONNECT tunnel to the host of rawURL, as
// the HTTP client does for https, and for an https host finishes a TLS
// handshake through it, so a proxy that intercepts TLS is caught too. A
// proxy reached over TLS or SOCKS is checked through the HTTP client's own
// proxy support instead.
func tunnel(ctx context.Context, p *url.URL, rawURL string) error {
	target, err := url.Parse(rawURL)
	if err != nil {
		return fmt.Errorf("invalid URL %q", rawURL)
	}
	ctx, cancel := context.WithTimeout(ctx, checkTimeout)
	defer cancel()
	if p.Scheme != "http" {
		return throughTransport(ctx, p, target)
	}
	conn, err := (&net.Dialer{}).DialContext(ctx, "tcp", hostPort(p))
	if err != nil {
		return fmt.Errorf("cannot connect: %w", err)
	}
	defer conn.Close()
	if deadline, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(deadline)
	}
	addr := hostPort(target)
	req := &http.Request{Method: http.MethodConnect, URL: &url.URL{Opaque: addr}, Host: addr, Header: http.Header{}}
	if u := p.User; u != nil {
		pass, _ := u.Password()
		req.Header.Set("Proxy-Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(u.Username()+":"+pass)))
	}
	if err := req.Write(conn); err != nil {
		return fmt.Errorf("cannot send CONNECT: %w", err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), req)
	if err != nil {
		return fmt.Errorf("no answer to CONNECT %s: %w", addr, err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("refused a tunnel to %s: %s", addr, resp.Status)
	}
	if target.Scheme != "https" {
		return nil
	}
	tc := tls.Client(conn, &tls.Config{ServerName: target.Hostname()})
	if err := tc.HandshakeContext(ctx); err != nil {
		return fmt.Errorf("TLS to %s through the tunnel: %w", addr, err)
	}
	return nil
}

// hostPort is u's host with its port, the scheme's default when absent.
func hostPort(u *url.URL) string {
	if u.Port() != "" {
		return u.Host
	}
	port := "80"
	if u.Scheme == "https" {
		port = "443"
	}
	return net.JoinHostPort(u.Hostname(), port)
}

// proxyTLS is the TLS configuration for a proxy reached over https; nil
// trusts the system's roots. Tests trust their stand-in's certificate.
var proxyTLS *tls.Config

// throughTransport sends a HEAD request for target through p with the HTTP
// client's proxy support (https and socks5 proxies included): any HTTP
// answer shows the way through works. Nothing but the URL is sent, and no
// redirect is followed.
func throughTransport(ctx context.Context, p *url.URL, target *url.URL) error {
	tr := &http.Transport{Proxy: http.ProxyURL(p), TLSClientConfig: proxyTLS, ForceAttemptHTTP2: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, target.String(), nil)
	if err != nil {
		return fmt.Errorf("invalid URL %q", target.Redacted())
	}
	resp, err := client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the URL is named by the caller
		}
		return fmt.Errorf("no way through to %s: %w", target.Host, err)
	}
	resp.Body.Close()
	return nil
}
