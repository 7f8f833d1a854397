package cli

import (
	"context"
	"io"
	"testing"

	"sfstore/api/simulator"
	"sfstore/ui"
	"sfstore/ui/settings"
)

// The demo takes the PingOne token it names on the paste-a-token path.
func TestDemoTakesItsPastedPingOneToken(t *testing.T) {
	var opts ui.Options
	a := settings.Defaults()
	stop, err := StartDemo(&opts, &a, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	if !opts.Demo || opts.DemoPingOneToken != simulator.DemoAccessToken {
		t.Fatalf("demo options: Demo %v, token named %q", opts.Demo, opts.DemoPingOneToken)
	}
	a.AuthMethod, a.PingOneAccessToken = settings.AuthPastedToken, opts.DemoPingOneToken
	s := ui.NewSession(context.Background(), a, opts, ui.Streams{Out: io.Discard, Err: io.Discard})
	c, err := s.Client()
	if err != nil {
		t.Fatal(err)
	}
	envs, err := c.ListEnvironments(context.Background())
	if err != nil || len(envs) == 0 {
		t.Fatalf("ListEnvironments with the demo token = %d environments, %v", len(envs), err)
	}
}

// The demo starts with its worker app filled in, but keeps one given.
func TestDemoFillsInItsWorkerAppUnlessGiven(t *testing.T) {
	var opts ui.Options
	a := settings.Defaults()
	a.WorkerClientID = "given"
	stop, err := StartDemo(&opts, &a, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	if a.WorkerEnvironmentID != simulator.DemoEnvironmentID || a.WorkerClientID != "given" {
		t.Errorf("worker app: environment %s, client %s", a.WorkerEnvironmentID, a.WorkerClientID)
	}
}
