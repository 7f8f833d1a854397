//go:build unix

package wizard_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/wizard"
)

// The wizard runs in-process on the slave side of a real pseudo-terminal, so
// bubbletea puts it in raw mode exactly as for a user, and the test plays the
// user on the master side: it types raw bytes and reads back everything the
// wizard drew.
//
// These tests mostly wait for screens, so they run in parallel, each with
// its own pty, simulator and keyring (ownRunes keeps their typed spaces
// apart).

// Keys as a terminal sends them.
const (
	keyEnter = "\r"
	keyLeft  = "\x1b[D"
	keyDown  = "\x1b[B"
	keyCtrlC = "\x03"
	keyCtrlU = "\x15" // clears a huh input line
)

const (
	// expectTimeout is how long waitFor waits for a screen: a deadline
	// against a hang, not a pace; the race detector slows every step, so
	// it gets raceSlowdown times more.
	expectTimeout = 5 * time.Second * raceSlowdown
	// runWatchdog bounds a whole wizard run.
	runWatchdog = 30 * time.Second * raceSlowdown
)

type runResult struct {
	store *api.Store
	err   error
	took  time.Duration // from start to Run's return
}

// wizardPTY is one ui.Run on a pseudo-terminal.
type wizardPTY struct {
	t         *testing.T
	ptmx, tty *os.File
	started   time.Time

	mu      sync.Mutex
	raw     []byte        // every byte the wizard wrote, escape codes included
	changed chan struct{} // signalled (non-blocking) when raw grows
	readEOF chan struct{} // closed when the reader goroutine ends

	// stripped caches ansi.Strip(raw[:strippedOf]); only waitFor's
	// goroutine touches these three.
	stripped   string
	strippedOf int
	pos        int // in stripped: just after the last match

	done   chan runResult
	result *runResult
}

// startWizard runs the create flow with the wizard on an 80×24 pty, as
// sfstore does in a terminal: stdin, stdout and stderr are the pty.
func startWizard(t *testing.T, setup *wizardSetup) *wizardPTY {
	t.Helper()
	return startOnPTY(t, setup, func(ctx context.Context, s *ui.Session, w *wizard.Wizard) (*api.Store, error) {
		return ui.Create(ctx, s, w)
	})
}

// startOnPTY runs one of sfstore's flows with the wizard on an 80×24 pty.
func startOnPTY(t *testing.T, setup *wizardSetup, run func(context.Context, *ui.Session, *wizard.Wizard) (*api.Store, error)) *wizardPTY {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatalf("open pty: %v", err)
	}
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 24, Cols: 80}); err != nil {
		t.Fatalf("set pty size: %v", err)
	}
	ptmx, err = pollable(ptmx)
	if err != nil {
		t.Fatalf("make the pty master pollable: %v", err)
	}
	w := &wizardPTY{
		t: t, ptmx: ptmx, tty: tty,
		changed: make(chan struct{}, 1),
		readEOF: make(chan struct{}),
		done:    make(chan runResult, 1),
	}
	go w.readLoop()

	streams := ui.Streams{In: tty, Out: tty, Err: tty, OutWidth: 80, ErrWidth: 80, OutTTY: true, ErrTTY: true}
	ctx, cancel := context.WithCancel(context.Background())
	s := ui.NewSession(ctx, setup.Answers, setup.Options, streams)
	w.started = time.Now()
	go func() {
		store, err := run(ctx, s, wizard.New(s))
		w.done <- runResult{store, err, time.Since(w.started)}
	}()

	t.Cleanup(func() {
		// Unblock a Run that is still waiting for keys, then free the pty:
		// closing the master first ends the reader and any read of the
		// slave.
		cancel()
		if w.result == nil {
			select {
			case r := <-w.done:
				w.result = &r
			case <-time.After(5 * time.Second):
				t.Errorf("the flow did not return within 5s of the test ending")
			}
		}
		_ = ptmx.Close()
		<-w.readEOF
		_ = tty.Close()
	})
	return w
}

// pollable returns the pty master as a non-blocking file on Go's poller, so
// that Close interrupts a pending Read. pty.Open and pty.Setsize call Fd,
// which leaves the file in blocking mode, where Close waits for the Read.
func pollable(f *os.File) (*os.File, error) {
	fd, err := syscall.Dup(int(f.Fd()))
	if err != nil {
		return nil, err
	}
	_ = f.Close()
	syscall.CloseOnExec(fd)
	if err := syscall.SetNonblock(fd, true); err != nil {
		_ = syscall.Close(fd)
		return nil, err
	}
	return os.NewFile(uintptr(fd), "/dev/ptmx"), nil
}

// waitForSegment waits for text like waitFor and returns the stripped
// output from the previous match up to the end of this one.
func (w *wizardPTY) waitForSegment(text string) string {
	w.t.Helper()
	from := w.pos
	w.waitFor(text)
	return w.stripped[from:w.pos]
}

func (w *wizardPTY) readLoop() {
	defer close(w.readEOF)
	buf := make([]byte, 32<<10)
	for {
		n, err := w.ptmx.Read(buf)
		if n > 0 {
			w.mu.Lock()
			w.raw = append(w.raw, buf[:n]...)
			w.mu.Unlock()
			select {
			case w.changed <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

// rawOutput returns every byte the wizard wrote so far.
func (w *wizardPTY) rawOutput() []byte {
	w.mu.Lock()
	defer w.mu.Unlock()
	return bytes.Clone(w.raw)
}

// screen returns everything the wizard wrote so far, without escape codes.
func (w *wizardPTY) screen() string {
	w.refresh()
	return w.stripped
}

func (w *wizardPTY) refresh() {
	w.mu.Lock()
	n := len(w.raw)
	if n == w.strippedOf {
		w.mu.Unlock()
		return
	}
	raw := string(w.raw)
	w.mu.Unlock()
	w.stripped, w.strippedOf = ansi.Strip(raw), n
}

// waitFor waits until text appears in the stripped output after the last
// match, and moves past it, so each call waits for the next screen rather
// than finding an old one.
func (w *wizardPTY) waitFor(text string) {
	w.t.Helper()
	w.waitForWithin(text, expectTimeout)
}

func (w *wizardPTY) waitForWithin(text string, timeout time.Duration) {
	w.t.Helper()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	done := w.done
	if w.result != nil {
		done = nil
	}
	var ended <-chan time.Time // after Run returned: its last output is on its way
	for !w.match(text) {
		select {
		case <-w.changed:
		case <-time.After(20 * time.Millisecond):
		case r := <-done:
			w.result, done = &r, nil
			ended = time.After(time.Second)
		case <-ended:
			w.t.Fatalf("ui.Run returned (store %v, err %v) without showing %q; last output after the previous match:\n%s",
				w.result.store != nil, w.result.err, text, w.tail())
		case <-deadline.C:
			w.t.Fatalf("%q not shown within %s; last output after the previous match:\n%s", text, timeout, w.tail())
		}
	}
}

// match looks for text after the last match and, when found, moves past it.
func (w *wizardPTY) match(text string) bool {
	w.refresh()
	w.pos = min(w.pos, len(w.stripped))
	i := strings.Index(w.stripped[w.pos:], text)
	if i < 0 {
		return false
	}
	w.pos += i + len(text)
	return true
}

// tail is the last ~2000 characters of stripped output after the last
// match.
func (w *wizardPTY) tail() string {
	s := w.screen()[min(w.pos, len(w.stripped)):]
	if len(s) > 2000 {
		s = "…" + s[len(s)-2000:]
	}
	return s
}

// send writes keys as typed. It does not wait: huh moves the focus with a
// command that runs after Enter is handled, so a test waits for the next
// field's title (answer does) before typing into it.
func (w *wizardPTY) send(keys ...string) {
	w.t.Helper()
	for _, k := range keys {
		if _, err := io.WriteString(w.ptmx, k); err != nil {
			w.t.Fatalf("write %q to the pty: %v", k, err)
		}
	}
}

// answer waits for the focused field titled title, types text and presses
// Enter. huh marks the focused field with a thick left border, so waiting for
// "┃ <title>" means the keys land in that field.
func (w *wizardPTY) answer(title, text string) {
	w.t.Helper()
	w.waitFor("┃ " + title)
	w.send(text, keyEnter)
}

// wait returns Run's result, failing the test if Run does not return within
// the watchdog.
func (w *wizardPTY) wait() runResult {
	w.t.Helper()
	return w.waitWithin(runWatchdog - time.Since(w.started))
}

func (w *wizardPTY) waitWithin(d time.Duration) runResult {
	w.t.Helper()
	if w.result != nil {
		return *w.result
	}
	select {
	case r := <-w.done:
		w.result = &r
		// Let the last frames reach the reader.
		w.drain()
		return r
	case <-time.After(d):
		w.t.Fatalf("the create flow did not return within %s; last output:\n%s", d, w.tail())
	}
	return runResult{}
}

// drainMark is written to the terminal after Run returned; an APC string,
// so a terminal would show nothing of it.
const drainMark = "\x1b_sfstore-test-drained\x1b\\"

// drain waits until the reader has read every byte Run wrote. Run has
// returned, so a mark written to the terminal now comes after its last
// byte: once the mark is read, so is the rest. The mark is then taken out
// of the output again.
func (w *wizardPTY) drain() {
	w.t.Helper()
	if _, err := io.WriteString(w.tty, drainMark); err != nil {
		w.t.Fatalf("write the drain mark to the pty: %v", err)
	}
	deadline := time.NewTimer(expectTimeout)
	defer deadline.Stop()
	for {
		w.mu.Lock()
		i := bytes.Index(w.raw, []byte(drainMark))
		if i >= 0 {
			w.raw = append(w.raw[:i], w.raw[i+len(drainMark):]...)
			w.strippedOf = -1 // raw changed under the cache
		}
		w.mu.Unlock()
		if i >= 0 {
			return
		}
		select {
		case <-w.changed:
		case <-time.After(20 * time.Millisecond):
		case <-deadline.C:
			w.t.Fatalf("the output did not reach the reader within %s", expectTimeout)
		}
	}
}

// requireNoLeak fails if any secret, or the marker every test secret
// carries, appears in the raw bytes or the stripped text.
func (w *wizardPTY) requireNoLeak(secrets ...string) {
	w.t.Helper()
	raw := w.rawOutput()
	stripped := ansi.Strip(string(raw))
	for _, s := range append([]string{sentinelMarker}, secrets...) {
		if s == "" {
			continue
		}
		if i := bytes.Index(raw, []byte(s)); i >= 0 {
			w.t.Errorf("%q appears in the raw pty output at byte %d: …%q…", s, i, raw[max(0, i-80):min(len(raw), i+len(s)+80)])
		}
		if i := strings.Index(stripped, s); i >= 0 {
			w.t.Errorf("%q appears on screen: …%q…", s, stripped[max(0, i-120):min(len(stripped), i+len(s)+40)])
		}
	}
}

// count returns how often text appears in the whole stripped output.
func (w *wizardPTY) count(text string) int {
	return strings.Count(w.screen(), text)
}

func requireCancelled(t *testing.T, r runResult) {
	t.Helper()
	if !errors.Is(r.err, ui.ErrCancelled) {
		t.Fatalf("Run returned (store %v, err %v), want ui.ErrCancelled", r.store, r.err)
	}
	if r.store != nil {
		t.Fatalf("Run returned a store with ErrCancelled: %+v", r.store)
	}
}

// pressCtrlC presses Ctrl-C and requires Run to return ErrCancelled within
// a second.
func (w *wizardPTY) pressCtrlC() {
	w.t.Helper()
	pressed := time.Now()
	w.send(keyCtrlC)
	r := w.waitWithin(2 * time.Second)
	requireCancelled(w.t, r)
	if d := time.Since(pressed); d > time.Second {
		w.t.Errorf("Run took %s after Ctrl-C", d)
	} else {
		w.t.Logf("Run returned %s after Ctrl-C", d.Round(time.Millisecond))
	}
}
