package term

import (
	xterm "github.com/charmbracelet/x/term"
)

// fder is a stream backed by a file descriptor, such as *os.File.
type fder interface{ Fd() uintptr }

// IsTerminal reports whether v is a terminal: a file whose descriptor is a
// tty. Pipes, files and in-memory buffers are not.
func IsTerminal(v any) bool {
	f, ok := v.(fder)
	return ok && xterm.IsTerminal(f.Fd())
}

// Height is the number of rows of the terminal v, or 0 when v is not
// one.
func Height(v any) int {
	f, ok := v.(fder)
	if !ok {
		return 0
	}
	_, h, err := xterm.GetSize(f.Fd())
	if err != nil || h <= 0 {
		return 0
	}
	return h
}

// Width is the width of the terminal v, or 0 when v is not one.
func Width(v any) int {
	f, ok := v.(fder)
	if !ok {
		return 0
	}
	w, _, err := xterm.GetSize(f.Fd())
	if err != nil || w <= 0 {
		return 0
	}
	return w
}
