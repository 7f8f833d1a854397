// Package cli is sfstore's command line: the commands, their flags and
// help, built with cobra as gh builds its own. Each command turns its flags
// and the environment into a ui.Session and runs a flow of package ui or
// one of the command packages; main maps what it returns to an exit code.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"sfstore/secrets"
	"sfstore/ui/settings"
)

// IO is what a run reads and writes, and its environment.
type IO struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	Getenv func(string) string
}

// Deps are what main provides for a real run; the demo replaces them with
// simulators.
type Deps struct {
	// Keyring opens the OS keyring. It must not call it: the first frame
	// must not wait on the keyring.
	Keyring func() *secrets.Keyring
	// Version is the build's version, shown by --version.
	Version string
	// ConfigFile returns the profiles' file; nil means there is none (the
	// tests' default, so no developer's profiles leak into them).
	ConfigFile func() (string, error)
	// DemoLatency delays the demo's PingOne answers, so its spinners can
	// be seen.
	DemoLatency time.Duration
	// DemoSyncPace is the pace at which the demo syncs users after a
	// revision; 0 is simulator.DemoSyncPace, a human pace. Tests quicken it.
	DemoSyncPace time.Duration
}

// Execute runs the command line args.
func Execute(ctx context.Context, args []string, io IO, deps Deps) error {
	root := newRoot(&app{io: io, deps: deps})
	root.SetArgs(args)
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	strictCompletion(root) // after SetOut: cobra binds the scripts' output here
	return root.ExecuteContext(ctx)
}

// app is what every command shares.
type app struct {
	io      IO
	deps    Deps
	globals globals
}

// usageError makes a problem with the command line an InputError, which
// exits 2, pointing to the command's help.
func usageError(cmd *cobra.Command, err error) error {
	var input *settings.InputError
	if errors.As(err, &input) {
		return err
	}
	return &settings.InputError{Problems: []string{fmt.Sprintf("%s; see %s --help", err, cmd.CommandPath())}}
}

// noArgs refuses arguments for commands that take none.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError(cmd, fmt.Errorf("unexpected argument %q", strings.Join(args, " ")))
	}
	return nil
}
