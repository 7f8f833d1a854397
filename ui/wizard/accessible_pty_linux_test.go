//go:build linux

package wizard_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"

	"sfstore/ui"
	"sfstore/ui/wizard"
)

// helperEnv makes the test binary the accessible wizard itself, in its
// own session with the pty as its controlling terminal, so Ctrl-C there is
// a real SIGINT from the line discipline, as for a person.
const helperEnv = "SFSTORE_TEST_ACCESSIBLE_HELPER"

// TestAccessibleHelperProcess is not a test: run by
// TestPTYAccessibleCtrlCAtAHiddenPromptRestoresEcho, it plays sfstore
// --accessible, handling signals as main does (cancel the run; exit anyway
// after 2 s when it does not return).
func TestAccessibleHelperProcess(t *testing.T) {
	if os.Getenv(helperEnv) == "" {
		t.Skip("run by TestPTYAccessibleCtrlCAtAHiddenPromptRestoresEcho")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		<-time.After(2 * time.Second) // main's stuckGrace
		fmt.Fprintln(os.Stderr, "stuck")
		os.Exit(131)
	}()
	a := demoAnswers()
	s := ui.NewSession(ctx, a, ui.Options{Accessible: true, APIURL: "http://127.0.0.1:9", AuthURL: "http://127.0.0.1:9"},
		ui.Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, OutWidth: 80, ErrWidth: 80})
	_, err := ui.Create(ctx, s, wizard.New(s))
	if errors.Is(err, ui.ErrCancelled) {
		fmt.Fprintln(os.Stderr, "Cancelled.")
		os.Exit(130)
	}
	fmt.Fprintln(os.Stderr, "returned:", err)
	os.Exit(1)
}

// TestPTYAccessibleCtrlCAtAHiddenPromptRestoresEcho: in accessible mode
// Ctrl-C at the hidden worker-secret prompt ends sfstore at once and
// leaves the terminal echoing and reading lines, as `stty` would show.
func TestPTYAccessibleCtrlCAtAHiddenPromptRestoresEcho(t *testing.T) {
	t.Parallel() // each has its own pty, simulator and keyring
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatalf("open pty: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	_ = pty.Setsize(ptmx, &pty.Winsize{Rows: 24, Cols: 80})

	cmd := exec.Command(os.Args[0], "-test.run=^TestAccessibleHelperProcess$")
	cmd.Env = append(os.Environ(), helperEnv+"=1", "TERM=dumb")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start the helper: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { _ = cmd.Process.Kill() })

	var mu sync.Mutex
	var out strings.Builder
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := ptmx.Read(buf)
			mu.Lock()
			out.Write(buf[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	pos := 0
	waitFor := func(text string) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for {
			mu.Lock()
			s := out.String()
			mu.Unlock()
			if i := strings.Index(s[pos:], text); i >= 0 {
				pos += i + len(text)
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%q not shown within 5s; output:\n%s", text, s)
			}
			select {
			case err := <-exited:
				t.Fatalf("the helper ended (%v) before showing %q; output:\n%s", err, text, s)
			case <-time.After(10 * time.Millisecond):
			}
		}
	}
	termios := func() *unix.Termios {
		t.Helper()
		tio, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
		if err != nil {
			t.Fatalf("read the terminal's flags: %v", err)
		}
		return tio
	}
	send := func(s string) {
		if _, err := ptmx.WriteString(s); err != nil {
			t.Fatalf("type %q: %v", s, err)
		}
	}

	waitFor("Enter a number between 1 and") // region
	send("\r")
	waitFor("Enter a number between 1 and") // sign-in method
	send("\r")
	waitFor("Worker app environment ID")
	send("\r")
	waitFor("Worker app client ID")
	send("\r")
	waitFor("Worker app client secret")
	// The prompt turns echo off as it starts reading.
	// The flags change without output, so they are polled.
	poll := time.NewTicker(5 * time.Millisecond)
	defer poll.Stop()
	for deadline := time.After(5 * time.Second); termios().Lflag&unix.ECHO != 0; {
		select {
		case <-deadline:
			t.Fatal("the hidden prompt never turned echo off")
		case <-poll.C:
		}
	}
	send("\x03")
	select {
	case err := <-exited:
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 130 {
			t.Errorf("the helper ended with %v, want exit status 130 (cancelled, not stuck)", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Ctrl-C at the hidden prompt did not end the run")
	}
	tio := termios()
	if tio.Lflag&unix.ECHO == 0 || tio.Lflag&unix.ICANON == 0 {
		t.Errorf("after Ctrl-C the terminal is left with echo %v, canonical %v (stty would show -echo)",
			tio.Lflag&unix.ECHO != 0, tio.Lflag&unix.ICANON != 0)
	}
}
