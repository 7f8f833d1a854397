//go:build unix

package term_test

import (
	"bytes"
	"os"
	"testing"

	xterm "github.com/charmbracelet/x/term"
	"github.com/creack/pty"

	"sfstore/ui/term"
)

// openPTY is a pseudo-terminal of 100×30 whose terminal side the test
// reads; it is closed with the test.
func openPTY(t *testing.T) *os.File {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { _ = tty.Close(); _ = ptmx.Close() })
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 30, Cols: 100}); err != nil {
		t.Fatal(err)
	}
	return tty
}

func TestATerminalIsToldFromPipesAndItsWidthRead(t *testing.T) {
	tty := openPTY(t)
	if !term.IsTerminal(tty) || term.Width(tty) != 100 || term.Height(tty) != 30 {
		t.Errorf("a 100×30 pty: terminal %v, %d×%d", term.IsTerminal(tty), term.Width(tty), term.Height(tty))
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if term.IsTerminal(r) || term.Width(w) != 0 || term.Height(w) != 0 || term.Height(struct{}{}) != 0 {
		t.Error("a pipe passes for a terminal")
	}
}

// A prompt that turns echo off and never returns must not leave the shell
// typing blind: Restore, or RestoreTerminals on the way out, gives the
// terminal its state back, once.
func TestAGuardGivesTheTerminalItsStateBack(t *testing.T) {
	tty := openPTY(t)
	before, err := xterm.GetState(tty.Fd())
	if err != nil {
		t.Fatal(err)
	}
	for _, restore := range []struct {
		name string
		do   func(*term.Guard)
	}{{"Restore", (*term.Guard).Restore}, {"RestoreTerminals", func(*term.Guard) { term.RestoreTerminals() }}} {
		g := term.GuardInput(tty)
		if g == nil {
			t.Fatal("no guard for a terminal")
		}
		if _, err := xterm.MakeRaw(tty.Fd()); err != nil { // as a hidden prompt does
			t.Fatal(err)
		}
		restore.do(g)
		after, err := xterm.GetState(tty.Fd())
		if err != nil {
			t.Fatal(err)
		}
		if *after != *before {
			t.Errorf("after %s the terminal is not as it was", restore.name)
		}
		g.Restore() // again: nothing happens, nothing panics
	}
}

func TestAGuardOverInputThatIsNotATerminalDoesNothing(t *testing.T) {
	g := term.GuardInput(bytes.NewBufferString("typed"))
	if g != nil {
		t.Fatal("a guard for a buffer")
	}
	g.Restore()
	term.RestoreTerminals()
}
