package main

import (
	"bytes"
	"encoding/pem"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sfstore/api/demoorg"
	"sfstore/api/simulator"
)

// TestMain lets a test run the program itself as a child process, for what
// a process reads only once, such as the CA file of SSL_CERT_FILE.
func TestMain(m *testing.M) {
	if args, ok := os.LookupEnv("SFSTORE_TEST_MAIN_ARGS"); ok {
		os.Args = append([]string{"sfstore"}, strings.Split(args, "\n")...)
		main()
	}
	os.Exit(m.Run())
}

// runChild runs sfstore with args and env as a child process.
func runChild(t *testing.T, env []string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), env...), "SFSTORE_TEST_MAIN_ARGS="+strings.Join(args, "\n"))
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errOut.String()
}

// TestHostNamesAsThePingOneToolsSpellThem creates a store through an HTTPS
// stand-in named the way the PingOne Terraform provider and Go SDK name
// other PingOne hosts, trusted through SSL_CERT_FILE.
func TestHostNamesAsThePingOneToolsSpellThem(t *testing.T) {
	sim := simulator.New(simulator.Options{})
	srv := httptest.NewTLSServer(sim)
	defer srv.Close()
	ca := filepath.Join(t.TempDir(), "ca.pem")
	cert := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})
	if err := os.WriteFile(ca, cert, 0o600); err != nil {
		t.Fatal(err)
	}
	host := strings.TrimPrefix(srv.URL, "https://")
	env := []string{
		"SSL_CERT_FILE=" + ca,
		"PINGONE_API_SERVICE_HOSTNAME=" + host, "PINGONE_AUTH_SERVICE_HOSTNAME=" + host,
		"PINGONE_ENVIRONMENT_ID=" + simulator.DemoEnvironmentID, "PINGONE_CLIENT_ID=6a4e7e1c-5d0f-4f3e-9a51-2b8f0c7d9e10",
		"PINGONE_CLIENT_SECRET=" + workerSecret, "SALESFORCE_CLIENT_SECRET=" + clientSecret,
		"SALESFORCE_ACCESS_TOKEN=" + demoorg.ActiveAccessToken, "SALESFORCE_REFRESH_TOKEN=" + demoorg.ActiveRefreshToken,
		"HOME=" + t.TempDir(), "DBUS_SESSION_BUS_ADDRESS=", "XDG_RUNTIME_DIR=" + t.TempDir(),
	}
	code, out, errOut := runChild(t, env, "--no-input", "--json", "--name", "Over HTTPS",
		"--salesforce-domain", "acme.my.salesforce.com", "--client-id", "3MVG9https")
	if code != 0 || !strings.Contains(out, `"id"`) {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	if n := len(sim.Stores()); n != 1 {
		t.Fatalf("the stand-in holds %d stores, want 1", n)
	}
	if strings.Contains(out+errOut, "SENTINEL") {
		t.Fatalf("a secret was printed:\n%s\n%s", out, errOut)
	}

	code, _, errOut = runChild(t, []string{"PINGONE_API_SERVICE_HOSTNAME=https://api.pingone.eu/v1"}, "--no-input")
	if code != 2 || !strings.Contains(errOut, "PINGONE_API_SERVICE_HOSTNAME: expected a host name") {
		t.Fatalf("a URL in the host name variable: exit %d\n%s", code, errOut)
	}
}

// TestAClosedStdoutAfterACreateStillGivesTheStoreID closes stdout before
// sfstore writes the created store: the store exists, so the exit code is
// 0 and its ID is on stderr.
func TestAClosedStdoutAfterACreateStillGivesTheStoreID(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	args := append([]string{}, demoCreate...)
	cmd.Env = append(os.Environ(), "SFSTORE_TEST_MAIN_ARGS="+strings.Join(args, "\n"), "HOME="+t.TempDir(), "DBUS_SESSION_BUS_ADDRESS=")
	for k, v := range demoEnv() {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	_ = out.Close() // nobody reads stdout
	err = cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 0 || !strings.Contains(errOut.String(), "the store was created (id ") {
		t.Fatalf("exit %d (%v)\nstderr:\n%s", code, err, errOut.String())
	}
}

// TestAReaderThatStopsReadingEndsTheRunQuietly closes stdout's reader
// before `list` writes: exit 0 and no broken-pipe error, as for a program
// that SIGPIPE ends.
func TestAReaderThatStopsReadingEndsTheRunQuietly(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "SFSTORE_TEST_MAIN_ARGS=list\n--demo\n--json", "HOME="+t.TempDir(), "DBUS_SESSION_BUS_ADDRESS=")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	_ = out.Close()
	err = cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 0 || strings.Contains(errOut.String(), "broken pipe") {
		t.Fatalf("exit %d (%v)\nstderr:\n%s", code, err, errOut.String())
	}
}
