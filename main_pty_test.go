//go:build linux

package main

import (
	"bytes"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// TestSIGTERMInTheWizardRestoresTheTerminal runs sfstore on a real
// pseudo-terminal, sends the process SIGTERM at a prompt, and requires
// exit 143 with the terminal back in the mode it was in: at the wizard's
// first form, and at the yes/no question of `secrets forget --all`.
func TestSIGTERMInTheWizardRestoresTheTerminal(t *testing.T) {
	if raceEnabled {
		t.Skip("bubbletea's reader races its own shutdown after a kill (see race_off_test.go)")
	}
	t.Run("wizard", func(t *testing.T) { sigtermAtPrompt(t, "Region", "--demo") })
	t.Run("confirmation", func(t *testing.T) {
		sigtermAtPrompt(t, "Remove every secret", "secrets", "forget", "--all", "--demo")
	})
}

func sigtermAtPrompt(t *testing.T, prompt string, args ...string) {
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
	go func() { done <- run(args, tty, tty, tty, func(string) string { return "" }) }()
	deadline := time.After(10 * time.Second)
	for !strings.Contains(screen.String(), prompt) {
		select {
		case <-deadline:
			t.Fatalf("no %q on screen:\n%s", prompt, screen.String())
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
		t.Fatal("sfstore did not end after SIGTERM")
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

// TestAccessibleCreateAsksFirstWithoutAPassingTest answers the accessible
// review as a screen-reader user would: choosing Create before any test
// asks once more, and "no" goes back to the review with nothing sent.
func TestAccessibleCreateAsksFirstWithoutAPassingTest(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	_ = pty.Setsize(ptmx, &pty.Winsize{Rows: 24, Cols: 80})
	var screen lockedBuffer
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := ptmx.Read(buf)
			_, _ = screen.Write(buf[:n])
			answerQueries(ptmx, buf[:n])
			if err != nil {
				return
			}
		}
	}()
	env := demoEnv()
	done := make(chan int, 1)
	go func() {
		done <- run(append([]string{"--accessible", "--demo"}, "--name", "From main", "--salesforce-domain",
			"acme.my.salesforce.com", "--client-id", "3MVG9main"), tty, tty, tty, func(k string) string { return env[k] })
	}()
	expect := func(text string) {
		t.Helper()
		deadline := time.After(10 * time.Second)
		for !strings.Contains(screen.String(), text) {
			select {
			case <-deadline:
				t.Fatalf("%q never shown:\n%q", text, screen.String())
			case <-time.After(10 * time.Millisecond):
			}
		}
	}
	expect("[Y/n]") // save the secrets?
	_, _ = ptmx.Write([]byte("\r"))
	expect("Enter a number")
	_, _ = ptmx.Write([]byte("2\r"))   // Create
	expect("passing connection test?") // the line breaks between words before it
	_, _ = ptmx.Write([]byte("n\r"))
	// Back at the review, which is not read out again, nor is the
	// keyring question asked again: it can be changed from the menu.
	expect("Review: unchanged since it was read out.")
	expect("Change whether to save the secrets (now yes)")
	if n := strings.Count(screen.String(), "[Y/n]"); n != 1 {
		t.Fatalf("the keyring question was asked %d times:\n%s", n, screen.String())
	}
	if strings.Contains(screen.String(), "Creating the store") {
		t.Fatalf("created without the confirmation:\n%s", screen.String())
	}
	_ = syscall.Kill(os.Getpid(), syscall.SIGINT)
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the run did not end after Ctrl-C")
	}
}

// answerQueries replies as a terminal does to the queries the terminal UI
// libraries send at start-up (background colour, cursor position), so
// they do not wait for, and swallow, the keys a test types.
func answerQueries(ptmx *os.File, out []byte) {
	if bytes.Contains(out, []byte("\x1b]11;?")) {
		_, _ = ptmx.Write([]byte("\x1b]11;rgb:0000/0000/0000\x1b\\"))
	}
	if bytes.Contains(out, []byte("\x1b[6n")) {
		_, _ = ptmx.Write([]byte("\x1b[1;1R"))
	}
}
