//go:build !race

package wizard_test

// raceSlowdown: see race_test.go.
const raceSlowdown = 1
