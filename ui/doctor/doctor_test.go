package doctor

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"sfstore/api/simulator"
	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/settings"
	"sfstore/ui/settings/settingstest"
)

// setup is what a doctor run starts from.
type setup struct {
	answers settings.Answers
	opts    ui.Options
}

func (s setup) session(out, errOut *bytes.Buffer) *ui.Session {
	return ui.NewSession(context.Background(), s.answers, s.opts, ui.Streams{Out: out, Err: errOut, OutWidth: 80, ErrWidth: 80})
}

func runDoctor(t *testing.T, opts setup) ([]Check, string) {
	t.Helper()
	var out bytes.Buffer
	opts.opts.JSON = true
	err := Run(context.Background(), opts.session(&out, &bytes.Buffer{}))
	var checks []Check
	if jerr := json.Unmarshal(out.Bytes(), &checks); jerr != nil {
		t.Fatalf("doctor --json printed no JSON: %v\n%s", jerr, out.String())
	}
	failed := false
	for _, c := range checks {
		failed = failed || !c.OK && !c.Skip
	}
	if failed != (err != nil) {
		t.Fatalf("doctor returned %v with failed=%v", err, failed)
	}
	if strings.Contains(out.String(), settingstest.Marker) {
		t.Errorf("a secret appears in the doctor's output:\n%s", out.String())
	}
	return checks, out.String()
}

func check(t *testing.T, checks []Check, name string) Check {
	t.Helper()
	for _, c := range checks {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no check %q in %+v", name, checks)
	return Check{}
}

func doctorOptions(sim *simulator.Server) setup {
	a := settings.Defaults()
	a.WorkerEnvironmentID, a.WorkerClientID = simulator.DemoEnvironmentID, simulator.DemoWorkerClientID
	a.WorkerClientSecret = settingstest.WorkerSecret
	return setup{a, ui.Options{APIURL: sim.URL(), AuthURL: sim.URL(), Keyring: secrets.NewMemory()}}
}

func TestDoctorPassesEveryCheckWithAWorkingSetup(t *testing.T) {
	sim := startTestSimulator(t, simulator.Options{})
	checks, _ := runDoctor(t, doctorOptions(sim))
	for _, c := range checks {
		if !c.OK {
			t.Errorf("%s failed: %s", c.Name, c.Detail)
		}
	}
}

func TestDoctorExplainsAWorkerAppWithoutTheRole(t *testing.T) {
	sim := startTestSimulator(t, simulator.Options{DenyStores: true})
	checks, _ := runDoctor(t, doctorOptions(sim))
	c := check(t, checks, "Propagation stores")
	if c.OK || !strings.Contains(c.Hint, "Environment Admin") {
		t.Fatalf("stores check = %+v, want a failure naming the Environment Admin role", c)
	}
}

func TestDoctorExplainsAWrongSecretAndSkipsWhatDependsOnIt(t *testing.T) {
	a := settings.Defaults()
	a.WorkerEnvironmentID, a.WorkerClientID = simulator.DemoEnvironmentID, simulator.DemoWorkerClientID
	sim := startTestSimulator(t, simulator.Options{ClientID: a.WorkerClientID, ClientSecret: "the-right-secret"})
	checks, _ := runDoctor(t, doctorOptions(sim))
	c := check(t, checks, "PingOne sign-in")
	if c.OK || c.Hint == "" {
		t.Fatalf("sign-in check = %+v, want a failure with a hint", c)
	}
	if e := check(t, checks, "Target environment"); !e.Skip {
		t.Fatalf("environment check = %+v, want skipped", e)
	}
}

func TestDoctorExplainsAnUnreachableHostAndNoKeyring(t *testing.T) {
	// Port 1 on loopback: nothing listens there, and no test server can
	// be given it (listeners get ephemeral ports, far above 1024), where a
	// closed test server's port may be handed to the next one at once.
	const url = "http://127.0.0.1:1"
	opts := doctorOptions(startTestSimulator(t, simulator.Options{}))
	opts.opts.APIURL, opts.opts.AuthURL = url, url
	opts.opts.Keyring = secrets.NewMemory(secrets.WithProbe(func() error {
		return &secrets.UnavailableError{Reason: "no D-Bus session bus", Hint: "start gnome-keyring"}
	}))
	checks, _ := runDoctor(t, opts)
	if c := check(t, checks, "OS keyring"); c.OK || !strings.Contains(c.Hint, "gnome-keyring") {
		t.Errorf("keyring check = %+v", c)
	}
	if c := check(t, checks, "PingOne API host"); c.OK || !strings.Contains(c.Detail, "connect") {
		t.Errorf("API host check = %+v", c)
	}
	if c := check(t, checks, "PingOne sign-in"); !c.Skip {
		t.Errorf("sign-in check = %+v, want skipped", c)
	}
	if err := Run(context.Background(), opts.session(&bytes.Buffer{}, &bytes.Buffer{})); !errors.Is(err, ErrChecksFailed) {
		t.Errorf("Run = %v, want ErrChecksFailed", err)
	}
}

func startTestSimulator(t *testing.T, opts simulator.Options) *simulator.Server {
	t.Helper()
	sim, err := simulator.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sim.Close)
	return sim
}

// hangingBackend never answers, as a keyring waiting on an unlock window
// nobody sees; it counts the calls that reach it.
type hangingBackend struct {
	calls   atomic.Int32
	release chan struct{}
}

func (b *hangingBackend) Get(string, string) (string, error) {
	b.calls.Add(1)
	<-b.release
	return "", secrets.ErrNotFound
}
func (b *hangingBackend) Set(string, string, string) error { <-b.release; return nil }
func (b *hangingBackend) Delete(string, string) error      { <-b.release; return nil }

// A keyring that hangs is waited for once, by its own check, not again to
// read the worker secret.
func TestDoctorWaitsForAHangingKeyringOnce(t *testing.T) {
	b := &hangingBackend{release: make(chan struct{})}
	t.Cleanup(func() { close(b.release) })
	opts := doctorOptions(startTestSimulator(t, simulator.Options{}))
	opts.answers.WorkerClientSecret = ""
	opts.opts.Keyring = secrets.New(secrets.WithBackend(b), secrets.WithProbe(nil),
		secrets.WithTimeout(20*time.Millisecond), secrets.WithLockFile(""))
	checks, _ := runDoctor(t, opts)
	if c := check(t, checks, "OS keyring"); c.OK {
		t.Fatalf("keyring check = %+v", c)
	}
	if n := b.calls.Load(); n != 1 {
		t.Fatalf("the hanging keyring was asked %d times, want once", n)
	}
}
