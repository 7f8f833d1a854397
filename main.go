// Command sfstore walks a PingOne administrator through creating a Salesforce
// identity propagation store, keeps the Salesforce secrets in the OS keyring
// and shows what PingOne created.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"time"

	"github.com/charmbracelet/x/term"

	"sfstore/secrets"
	"sfstore/ui"
)

// Exit codes.
const (
	exitCreated   = 0
	exitFailed    = 1
	exitUsage     = 2
	exitCancelled = 130
)

// demoLatency makes the demo's simulated PingOne answer at a human pace, so
// its spinners can be seen.
const demoLatency = 700 * time.Millisecond

// version is set at build time with -ldflags "-X main.version=…".
var version = ""

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin *os.File, stdout, stderr *os.File) int {
	cfg, err := ui.ParseArgs(args, os.Getenv, stdin)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, ui.Usage)
		return exitCreated
	}
	if err != nil {
		return exitCode(err, stderr)
	}
	if cfg.ShowVersion {
		fmt.Fprintln(stdout, "sfstore", buildVersion())
		return exitCreated
	}
	for _, w := range cfg.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	finished := make(chan struct{})
	defer close(finished)
	go exitIfStuckAfterInterrupt(ctx, stop, finished, stderr)

	opts, cleanup, err := wire(cfg, stdin, stdout, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "sfstore:", err)
		return exitFailed
	}
	defer cleanup()
	switch cfg.Command {
	case "secrets":
		return exitCode(ui.RunSecretsCommand(ctx, cfg.CommandArgs, opts), stderr)
	case "doctor":
		return exitCode(ui.RunDoctor(ctx, cfg.CommandArgs, opts), stderr)
	}
	_, err = ui.Run(ctx, opts)
	return exitCode(err, stderr)
}

// interactive says whether to prompt: only with a terminal on both ends, as
// a prompt on a pipe would hang a script or garble its output.
func interactive(cfg ui.Config, stdin, stdout *os.File) bool {
	return !cfg.NoInput && term.IsTerminal(stdin.Fd()) && term.IsTerminal(stdout.Fd())
}

// wire builds the wizard's dependencies: the real PingOne and OS keyring, or
// in demo mode a simulator on loopback and a keyring in memory.
func wire(cfg ui.Config, stdin, stdout, stderr *os.File) (ui.Options, func(), error) {
	opts := cfg.Options(stdin, stdout, stderr)
	opts.Width = terminalWidth(stderr)
	opts.NoInput = !interactive(cfg, stdin, stdout)
	if cfg.Debug {
		opts.Debug = stderr
	}
	if !cfg.Demo {
		opts.Keyring = secrets.New()
		return opts, func() {}, nil
	}
	stop, err := ui.StartDemo(&opts, demoLatency)
	return opts, stop, err
}

func exitCode(err error, stderr io.Writer) int {
	var shown *ui.ShownError
	var input *ui.InputError
	switch {
	case err == nil:
		return exitCreated
	case errors.Is(err, ui.ErrCancelled), errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "Cancelled.")
		return exitCancelled
	case errors.As(err, &shown):
		return exitFailed
	case errors.As(err, &input):
		fmt.Fprintln(stderr, "sfstore:", err)
		return exitUsage
	default:
		fmt.Fprintln(stderr, "sfstore:", err)
		return exitFailed
	}
}

// exitIfStuckAfterInterrupt handles Ctrl-C that arrives as a signal (in
// accessible mode, or a scripted run): the run's context is cancelled and
// the run normally returns at once. A read of stdin cannot be cancelled, so
// if the run has not finished shortly after, the process exits. The first
// signal restores the default handling, so a second Ctrl-C ends it at once.
func exitIfStuckAfterInterrupt(ctx context.Context, stop context.CancelFunc, finished <-chan struct{}, stderr io.Writer) {
	select {
	case <-finished:
		return
	case <-ctx.Done():
	}
	stop()
	select {
	case <-finished:
	case <-time.After(2 * time.Second):
		fmt.Fprintln(stderr, "\nCancelled.")
		os.Exit(exitCancelled)
	}
}

func terminalWidth(f *os.File) int {
	w, _, err := term.GetSize(f.Fd())
	if err != nil || w <= 0 {
		return 80
	}
	return w
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}
