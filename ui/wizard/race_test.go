//go:build race

package wizard_test

// raceSlowdown widens the pty tests' deadlines under the race detector,
// which runs everything several times slower on a loaded CI machine.
const raceSlowdown = 4
