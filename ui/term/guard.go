package term

import (
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"

	xterm "github.com/charmbracelet/x/term"
)

// A Guard holds the state a terminal was in before a prompt changed it: a
// hidden prompt turns echo off, and if the prompt never returns (Ctrl-C
// while it reads, the process ending from a signal) the shell would be
// left typing blind. The state is given back by Restore, by
// RestoreTerminals, and at once when SIGINT, SIGTERM or SIGHUP arrives
// while the guard is up: before any handler can end the process.
type Guard struct {
	fd    uintptr
	state *xterm.State
	once  sync.Once
	stop  chan struct{}
}

var (
	guardsMu sync.Mutex
	guards   = map[*Guard]struct{}{}
)

// GuardInput saves the state of the terminal r reads from. For input that
// is not a terminal it returns nil, whose Restore does nothing.
func GuardInput(r io.Reader) *Guard {
	f, ok := r.(fder)
	if !ok || !xterm.IsTerminal(f.Fd()) {
		return nil
	}
	state, err := xterm.GetState(f.Fd())
	if err != nil {
		return nil
	}
	g := &Guard{fd: f.Fd(), state: state, stop: make(chan struct{})}
	guardsMu.Lock()
	guards[g] = struct{}{}
	guardsMu.Unlock()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		defer signal.Stop(sigs)
		select {
		case <-sigs:
			g.Restore()
		case <-g.stop:
		}
	}()
	return g
}

// Restore gives the terminal its saved state back, once.
func (g *Guard) Restore() {
	if g == nil {
		return
	}
	g.once.Do(func() {
		_ = xterm.Restore(g.fd, g.state)
		close(g.stop)
		guardsMu.Lock()
		delete(guards, g)
		guardsMu.Unlock()
	})
}

// RestoreTerminals restores every terminal a guard holds now. A process
// about to exit without returning through the prompt (main's exit after a
// signal when a read cannot be cancelled) calls it first.
func RestoreTerminals() {
	guardsMu.Lock()
	held := make([]*Guard, 0, len(guards))
	for g := range guards {
		held = append(held, g)
	}
	guardsMu.Unlock()
	for _, g := range held {
		g.Restore()
	}
}
