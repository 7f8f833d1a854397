package doctor

import (
	"bufio"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"sfstore/api/simulator"
)

// standInProxy answers CONNECT: with status when it is not 200, else by
// opening the tunnel and piping bytes both ways.
func standInProxy(t *testing.T, status int) *url.URL {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go serveConnect(c, status)
		}
	}()
	return &url.URL{Scheme: "http", Host: ln.Addr().String()}
}

func serveConnect(c net.Conn, status int) {
	defer c.Close()
	req, err := http.ReadRequest(bufio.NewReader(c))
	if err != nil || req.Method != http.MethodConnect {
		return
	}
	if status != http.StatusOK {
		_, _ = io.WriteString(c, fmt.Sprintf("HTTP/1.1 %d %s\r\nContent-Length: 0\r\n\r\n", status, http.StatusText(status)))
		return
	}
	up, err := net.Dial("tcp", req.Host)
	if err != nil {
		return
	}
	defer up.Close()
	_, _ = io.WriteString(c, "HTTP/1.1 200 Connection established\r\n\r\n")
	go func() { _, _ = io.Copy(up, c) }()
	_, _ = io.Copy(c, up)
}

func useProxy(t *testing.T, p *url.URL) {
	old := proxyFromEnvironment
	proxyFromEnvironment = func(*http.Request) (*url.URL, error) { return p, nil }
	t.Cleanup(func() { proxyFromEnvironment = old })
}

func TestDoctorNamesAProxyThatRefusesTheTunnelAndDoesNotBlameDNS(t *testing.T) {
	useProxy(t, standInProxy(t, http.StatusForbidden))
	checks, out := runDoctor(t, doctorOptions(startTestSimulator(t, simulator.Options{})))
	c := check(t, checks, "Proxy")
	if c.OK || !strings.Contains(c.Detail, "refused a tunnel") || !strings.Contains(c.Detail, "403") {
		t.Fatalf("proxy check = %+v", c)
	}
	if h := check(t, checks, "PingOne auth host"); !h.Skip {
		t.Fatalf("auth host check = %+v, want skipped", h)
	}
	if strings.Contains(out, "DNS") {
		t.Fatalf("DNS blamed for a proxy's refusal:\n%s", out)
	}
}

func TestDoctorPassesThroughAWorkingProxy(t *testing.T) {
	useProxy(t, standInProxy(t, http.StatusOK))
	checks, _ := runDoctor(t, doctorOptions(startTestSimulator(t, simulator.Options{})))
	if c := check(t, checks, "Proxy"); !c.OK || !strings.Contains(c.Detail, "opened a tunnel") {
		t.Fatalf("proxy check = %+v", c)
	}
	if h := check(t, checks, "PingOne API host"); !h.OK || !strings.Contains(h.Detail, "through the proxy") {
		t.Fatalf("API host check = %+v", h)
	}
}

// standInTLSProxy is a proxy reached over https, as HTTPS_PROXY=https://…
// names one: it opens CONNECT tunnels and forwards plain requests.
func standInTLSProxy(t *testing.T) *url.URL {
	t.Helper()
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodConnect {
			resp, err := http.DefaultTransport.RoundTrip(r)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadGateway)
				return
			}
			defer resp.Body.Close()
			w.WriteHeader(resp.StatusCode)
			_, _ = io.Copy(w, resp.Body)
			return
		}
		up, err := net.Dial("tcp", r.Host)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer up.Close()
		w.WriteHeader(http.StatusOK)
		c, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			return
		}
		defer c.Close()
		_ = buf.Flush()
		go func() { _, _ = io.Copy(up, buf) }()
		_, _ = io.Copy(c, up)
	}))
	t.Cleanup(srv.Close)
	old := proxyTLS
	proxyTLS = &tls.Config{RootCAs: x509.NewCertPool()}
	proxyTLS.RootCAs.AddCert(srv.Certificate())
	t.Cleanup(func() { proxyTLS = old })
	u, _ := url.Parse(srv.URL)
	return u
}

// A proxy reached over TLS is checked the way the HTTP client uses it,
// not with a plain-text CONNECT it would not understand.
func TestDoctorPassesThroughAProxyReachedOverTLS(t *testing.T) {
	useProxy(t, standInTLSProxy(t))
	checks, _ := runDoctor(t, doctorOptions(startTestSimulator(t, simulator.Options{})))
	if c := check(t, checks, "Proxy"); !c.OK {
		t.Fatalf("proxy check = %+v", c)
	}
	if h := check(t, checks, "PingOne API host"); !h.OK {
		t.Fatalf("API host check = %+v", h)
	}
}
