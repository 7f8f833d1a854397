//go:build unix

package main

import (
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// syscall.Kill is Unix-only; Windows has no signal to send a process
// itself, so the test runs where it can.
func TestASignalCancelsTheRunWithItsExitCode(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			old := demoLatency
			demoLatency = 10 * time.Second // the create hangs until the signal
			defer func() { demoLatency = old }()
			done := make(chan result, 1)
			var out, errOut lockedBuffer
			go func() {
				code := run(demoCreate, strings.NewReader(""), &out, &errOut, func(k string) string { return demoEnv()[k] })
				done <- result{code: code}
			}()
			// Wait until the run is under way, then signal this process.
			deadline := time.After(5 * time.Second)
			for !strings.Contains(errOut.String(), "Checking for a store") {
				select {
				case <-deadline:
					t.Fatalf("the run never started:\n%s", errOut.String())
				case <-time.After(10 * time.Millisecond):
				}
			}
			if err := syscall.Kill(os.Getpid(), sig); err != nil {
				t.Fatal(err)
			}
			select {
			case r := <-done:
				if want := 128 + int(sig); r.code != want {
					t.Fatalf("exit %d, want %d", r.code, want)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("the run did not end after the signal")
			}
		})
	}
}
