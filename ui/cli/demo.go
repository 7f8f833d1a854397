package cli

import (
	"fmt"
	"time"

	"sfstore/api/salesforce"
	"sfstore/api/salesforce/sfsim"
	"sfstore/api/simulator"
	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/settings"
)

// StartDemo points opts at a PingOne simulator and a simulated Salesforce
// org, both on loopback, with a keyring in memory, and gives a the demo's
// worker app: nothing leaves the machine. latency delays each PingOne
// answer so spinners can be seen. The returned stop shuts both down.
//
// The simulators are wired here, where the program is put together, so
// the create flow (package ui) never links the stand-ins.
func StartDemo(opts *ui.Options, a *settings.Answers, latency time.Duration) (stop func(), err error) {
	return startDemo(opts, a, latency, 0)
}

// startDemo is StartDemo with the pace at which users sync (0: the demo's).
func startDemo(opts *ui.Options, a *settings.Answers, latency, syncPace time.Duration) (stop func(), err error) {
	simOpts := simulator.DemoOptions()
	simOpts.Latency = latency
	if syncPace > 0 {
		simOpts.SyncPace = syncPace
	}
	// One page: the demo's few stores need no paging, and each page would
	// cost the demo's latency again.
	simOpts.PageSize = 0
	sim, err := simulator.Start(simOpts)
	if err != nil {
		return nil, fmt.Errorf("start the demo PingOne: %w", err)
	}
	org, err := sfsim.Start(sfsim.Options{})
	if err != nil {
		sim.Close()
		return nil, fmt.Errorf("start the demo Salesforce org: %w", err)
	}
	opts.Demo, opts.DemoPingOneToken = true, simulator.DemoAccessToken
	opts.APIURL, opts.AuthURL = sim.URL(), sim.URL()
	opts.Keyring = secrets.NewMemory()
	// The demo org signs in by itself: its "browser" follows the authorize
	// redirect to the callback, on any free port. Pasted tokens are checked
	// against it too, never against the real domain typed.
	opts.Salesforce.LoginURL = org.URL()
	opts.Salesforce.InstanceURL = org.URL()
	opts.Salesforce.CallbackPort = salesforce.AnyPort
	opts.Salesforce.OpenBrowser = org.FollowRedirects
	fillDemoAnswers(a)
	return func() { _ = org.Close(); sim.Close() }, nil
}

// fillDemoAnswers gives the demo a worker app, so a first try does not
// start with typing two UUIDs; every value can still be changed.
func fillDemoAnswers(a *settings.Answers) {
	if a.WorkerEnvironmentID == "" {
		a.WorkerEnvironmentID = simulator.DemoEnvironmentID
	}
	if a.WorkerClientID == "" {
		a.WorkerClientID = simulator.DemoWorkerClientID
	}
}
