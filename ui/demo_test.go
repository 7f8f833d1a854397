package ui

import (
	"context"
	"io"
	"testing"

	"sfstore/ui/settings"
)

// The demo takes its stated PingOne token on the paste-a-token path.
func TestDemoTakesItsPastedPingOneToken(t *testing.T) {
	var opts Options
	a := settings.Defaults()
	stop, err := StartDemo(&opts, &a, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	a.AuthMethod, a.PingOneAccessToken = settings.AuthPastedToken, DemoPingOneToken
	s := NewSession(context.Background(), a, opts, Streams{Out: io.Discard, Err: io.Discard})
	c, err := s.Client()
	if err != nil {
		t.Fatal(err)
	}
	envs, err := c.ListEnvironments(context.Background())
	if err != nil || len(envs) == 0 {
		t.Fatalf("ListEnvironments with the demo token = %d environments, %v", len(envs), err)
	}
}
