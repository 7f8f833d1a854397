package provision

import "fmt"

// Exit codes of sfstore provision, in one place. 0, 1 and 2 are the
// program's own (main.go); 3 is provision's: the watch gave up waiting
// while PingOne goes on provisioning. A signal ends the run with 130 or
// 143 as every command does.
const (
	ExitSynced    = 0 // the first user is synced (or nothing was to be waited for)
	ExitFailed    = 1 // PingOne refused a write, or the sync FAILED
	ExitUsage     = 2 // bad flags or input; nothing was sent
	ExitTimedOut  = 3 // --wait ran out before the first user was synced
	exitCodesHelp = `Exit codes:
  0  the first user is synced (or --wait 0, --no-publish: nothing to wait for)
  1  PingOne refused a write, or the sync FAILED (its details are shown)
  2  bad flags or input; nothing was sent
  3  --wait ran out; provisioning goes on in PingOne
  130, 143  interrupted (Ctrl-C, SIGTERM); what exists is reported`
)

// ExitCodesHelp documents the exit codes for provision --help.
const ExitCodesHelp = exitCodesHelp

// ExitError ends a run with its own exit code after its outcome has been
// shown in full. main maps any error with an ExitCode method to that code.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// ExitCode is the process's exit code for this outcome.
func (e *ExitError) ExitCode() int { return e.Code }
