//go:build linux

package main

import (
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// TestSIGTERMInTheWizardRestoresTheTerminal runs the wizard on a real
// pseudo-terminal, sends the process SIGTERM at the first form, and
// requires exit 143 with the terminal back in the mode it was in.
func TestSIGTERMInTheWizardRestoresTheTerminal(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	// Neither end is closed: after a kill, bubbletea v1.3.10 leaves its
	// reader on the tty running (see wizard.runProgram), which the process
	// exiting ends in real use, but closing it here would race with it.
	_ = ptmx
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 24, Cols: 80}); err != nil {
		t.Fatal(err)
	}
	before, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	var screen lockedBuffer
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := ptmx.Read(buf)
			_, _ = screen.Write(buf[:n])
			if err != nil {
				return
			}
		}
	}()
	done := make(chan int, 1)
	go func() { done <- run([]string{"--demo"}, tty, tty, tty, func(string) string { return "" }) }()
	deadline := time.After(10 * time.Second)
	for !strings.Contains(screen.String(), "Region") {
		select {
		case <-deadline:
			t.Fatalf("the wizard never showed its first form:\n%s", screen.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != 128+int(syscall.SIGTERM) {
			t.Fatalf("exit %d, want 143", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the wizard did not end after SIGTERM")
	}
	after, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	const cooked = unix.ECHO | unix.ICANON | unix.ISIG
	if before.Lflag&cooked != after.Lflag&cooked || before.Iflag != after.Iflag || before.Oflag != after.Oflag {
		t.Fatalf("terminal not restored: lflag %#x → %#x, iflag %#x → %#x", before.Lflag, after.Lflag, before.Iflag, after.Iflag)
	}
}
