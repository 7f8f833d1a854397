// Command sfstore walks a PingOne administrator through creating a Salesforce
// identity propagation store, keeps the Salesforce secrets in the OS keyring
// and shows what PingOne created; then lists, shows, tests, reconnects,
// edits, publishes and deletes such stores.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/cli"
	"sfstore/ui/profile"
	"sfstore/ui/settings"
	"sfstore/ui/term"
)

// Exit codes. A signal ends the run with 128 + its number, as a shell
// reports it: 130 for Ctrl-C (SIGINT), 143 for SIGTERM, 129 for SIGHUP.
const (
	exitOK     = 0
	exitFailed = 1
	exitUsage  = 2
	exitSIGINT = 128 + int(syscall.SIGINT)
)

// demoLatency makes the demo's simulated PingOne answer at a human pace, so
// its spinners can be seen.
var demoLatency = 700 * time.Millisecond

// demoSyncPace is how fast the demo syncs users after a revision; 0 is its
// human pace (a user each 1.5 s). A variable so tests need not wait.
var demoSyncPace time.Duration

// stuckGrace is how long a run may take to return after a signal before
// the process exits anyway: a read of stdin cannot be cancelled.
var stuckGrace = 2 * time.Second

// version is set at build time with -ldflags "-X main.version=…".
var version = ""

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

// run is the whole program: flags and environment, then dependencies, the
// command, and its exit code. It takes the streams and environment as
// arguments so tests can run it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	// A closed stdout (sfstore … | head -1) must not kill the process with
	// SIGPIPE after a create: the write fails instead, and the store's ID
	// still reaches stderr.
	signal.Ignore(syscall.SIGPIPE)
	ctx, signalled, stop := withSignals(context.Background())
	defer stop()
	finished := make(chan struct{})
	defer close(finished)
	go exitIfStuck(signalled, finished, stderr)

	err := cli.Execute(ctx, args, cli.IO{In: stdin, Out: stdout, Err: stderr, Getenv: getenv},
		cli.Deps{Keyring: func() *secrets.Keyring { return secrets.New() }, ConfigFile: func() (string, error) { return profile.DefaultPath(getenv) },
			Version: buildVersion(), DemoLatency: demoLatency, DemoSyncPace: demoSyncPace})
	return exitCode(err, signalOf(ctx), stderr)
}

// exitCode maps what a command returned to the exit code, printing what
// the command has not shown yet.
func exitCode(err error, sig os.Signal, stderr io.Writer) int {
	var shown *ui.ShownError
	var input *settings.InputError
	var coded interface{ ExitCode() int } // an outcome shown, with its own code (provision's)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, ui.ErrCancelled), errors.Is(err, context.Canceled), sig != nil:
		fmt.Fprintln(stderr, "Cancelled.")
		if s, ok := sig.(syscall.Signal); ok {
			return 128 + int(s)
		}
		return exitSIGINT
	case errors.Is(err, syscall.EPIPE):
		// Whoever read stdout stopped (`sfstore list | head -1`): what
		// they wanted is theirs, as when SIGPIPE ends a program quietly.
		return exitOK
	case errors.As(err, &coded):
		return coded.ExitCode()
	case errors.As(err, &shown):
		return exitFailed
	case errors.As(err, &input):
		fmt.Fprintln(stderr, "sfstore:", term.Sanitize(err.Error()))
		return exitUsage
	default:
		// An error may quote a server (a sign-in's refusal, say): its text
		// is made inert like everything else shown.
		fmt.Fprintln(stderr, "sfstore:", term.Sanitize(err.Error()))
		return exitFailed
	}
}

// withSignals returns a context cancelled by SIGINT, SIGTERM or SIGHUP, a
// channel that receives the signal, and a stop function. The first signal
// restores the default handling, so a second one ends the process at once.
func withSignals(parent context.Context) (context.Context, <-chan os.Signal, func()) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 1)
	signalled := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			signal.Reset(os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
			cancel(signalError{sig})
			signalled <- sig
		case <-done:
		}
	}()
	return ctx, signalled, func() {
		signal.Stop(ch)
		close(done)
		cancel(nil)
	}
}

// signalError is the cause of a context cancelled by a signal.
type signalError struct{ sig os.Signal }

func (e signalError) Error() string { return "received " + e.sig.String() }

// signalOf returns the signal that cancelled ctx, if one did.
func signalOf(ctx context.Context) os.Signal {
	var se signalError
	if errors.As(context.Cause(ctx), &se) {
		return se.sig
	}
	return nil
}

// exitIfStuck ends the process when a run has not returned shortly after a
// signal: the run's context is cancelled and it normally returns at once,
// but a read of stdin (an accessible prompt) cannot be cancelled.
func exitIfStuck(signalled <-chan os.Signal, finished <-chan struct{}, stderr io.Writer) {
	var sig os.Signal
	select {
	case <-finished:
		return
	case sig = <-signalled:
	}
	select {
	case <-finished:
	case <-time.After(stuckGrace):
		// os.Exit runs no deferred restore: give any prompt's terminal
		// back first.
		term.RestoreTerminals()
		fmt.Fprintln(stderr, "\nCancelled.")
		code := exitSIGINT
		if s, ok := sig.(syscall.Signal); ok {
			code = 128 + int(s)
		}
		os.Exit(code)
	}
}

// buildVersion is the version set at build time, else the module version,
// else the VCS revision the binary was built from.
func buildVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = " (modified)"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev == "" {
		return "(devel)"
	}
	return "(devel) " + rev + modified
}
