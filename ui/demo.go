package ui

import "sfstore/ui/settings"

// The demo's simulators are wired where the program is put together
// (ui/cli); the create flow only knows that it runs in one (Options.Demo).

// demoWorkerSecret signs in to the demo's PingOne, which takes any secret:
// someone trying `sfstore list --demo` or `doctor --demo` has nothing to
// type.
const demoWorkerSecret = "demo-worker-app-secret"

// DemoSignIn gives the demo's worker app its secret when none was given.
func (s *Session) DemoSignIn() {
	a := s.Answers
	if s.Opts.Demo && a.AuthMethod == settings.AuthWorkerApp && a.WorkerClientSecret == "" {
		a.WorkerClientSecret = demoWorkerSecret
		s.NoteSecrets()
	}
}
