package ui

import (
	"fmt"
	"time"

	"sfstore/api/salesforce"
	"sfstore/api/salesforce/sfsim"
	"sfstore/api/simulator"
	"sfstore/secrets"
)

// StartDemo points opts at a PingOne simulator and a simulated Salesforce
// org, both on loopback, with a keyring in memory: nothing leaves the
// machine. latency delays each PingOne answer so spinners can be seen. The
// returned stop shuts both down.
func StartDemo(opts *Options, latency time.Duration) (stop func(), err error) {
	sim, err := simulator.Start(simulator.Options{Latency: latency})
	if err != nil {
		return nil, fmt.Errorf("start the demo PingOne: %w", err)
	}
	org, err := sfsim.Start(sfsim.Options{})
	if err != nil {
		sim.Close()
		return nil, fmt.Errorf("start the demo Salesforce org: %w", err)
	}
	opts.Demo = true
	opts.APIURL, opts.AuthURL = sim.URL(), sim.URL()
	opts.Keyring = secrets.NewMemory()
	// The demo org signs in by itself: its "browser" follows the authorize
	// redirect to the callback, on any free port. Pasted tokens are checked
	// against it too, never against the real domain typed.
	opts.Salesforce.LoginURL = org.URL()
	opts.Salesforce.InstanceURL = org.URL()
	opts.Salesforce.CallbackPort = salesforce.AnyPort
	opts.Salesforce.OpenBrowser = org.FollowRedirects
	FillDemoAnswers(&opts.Answers)
	return func() { _ = org.Close(); sim.Close() }, nil
}
