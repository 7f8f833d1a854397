//go:build unix

package wizard

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/settings/settingstest"
)

// hostile retitles the window and clears the screen: what a profile,
// account or environment name from a server could carry.
const hostile = "\x1b]0;pwned\a\x1b[2J"

// ptyScreen is the master side of a pty the wizard draws on.
type ptyScreen struct {
	master  *os.File
	mu      sync.Mutex
	raw     []byte
	changed chan struct{}
	done    chan struct{}
}

// wizardOnPTY is a wizard whose input and stderr are an 80×24 pty, as in
// a terminal.
func wizardOnPTY(t *testing.T) (*Wizard, *ptyScreen) {
	t.Helper()
	master, tty, err := pty.Open()
	if err != nil {
		t.Fatalf("open pty: %v", err)
	}
	if err := pty.Setsize(master, &pty.Winsize{Rows: 24, Cols: 80}); err != nil {
		t.Fatalf("set pty size: %v", err)
	}
	p := &ptyScreen{master: master, changed: make(chan struct{}, 1), done: make(chan struct{})}
	go p.read()
	t.Cleanup(func() {
		_ = tty.Close() // the master's read then ends (EIO)
		<-p.done
		_ = master.Close()
	})
	s := ui.NewSession(context.Background(), settingstest.Filled(), ui.Options{Keyring: secrets.NewMemory()},
		ui.Streams{In: tty, Out: tty, Err: tty, OutWidth: 80, ErrWidth: 80, OutTTY: true, ErrTTY: true})
	return New(s), p
}

func (p *ptyScreen) read() {
	defer close(p.done)
	buf := make([]byte, 4096)
	for {
		n, err := p.master.Read(buf)
		p.mu.Lock()
		p.raw = append(p.raw, buf[:n]...)
		p.mu.Unlock()
		select {
		case p.changed <- struct{}{}:
		default:
		}
		if err != nil {
			return
		}
	}
}

func (p *ptyScreen) output() []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	return bytes.Clone(p.raw)
}

// waitFor waits until text shows on the screen, escape codes aside.
func (p *ptyScreen) waitFor(t *testing.T, text string) {
	t.Helper()
	deadline := time.After(20 * time.Second) // against a hang, not a pace
	for !strings.Contains(ansi.Strip(string(p.output())), text) {
		select {
		case <-p.changed:
		case <-deadline:
			t.Fatalf("%q not shown; output:\n%q", text, p.output())
		}
	}
}

// requireInert fails when any part of hostile reached the terminal.
func requireInert(t *testing.T, out []byte) {
	t.Helper()
	for _, part := range []string{"\x1b]0;", "pwned", "\a", "\x1b[2J"} {
		if i := bytes.Index(out, []byte(part)); i >= 0 {
			t.Errorf("%q reached the terminal: …%q…", part, out[max(0, i-40):min(len(out), i+40)])
		}
	}
}

// untrustedPick asks to pick from one option whose label, and the
// picker's title, carry hostile.
func untrustedPick(ctx context.Context, w *Wizard) (string, error) {
	opts := []pickOption{{label: "Evil" + hostile + " profile", value: "evil"}}
	return w.pick(ctx, "Step 5 of 5", "Profile"+hostile+" ID", "desc"+hostile, "", opts, "evil")
}

// A label or a task title from a server cannot move the cursor, clear the
// screen or retitle the window, on the full screen: pick and Task make
// them inert for every way of drawing.
func TestUntrustedLabelAndTaskTitleAreInert(t *testing.T) {
	w, screen := wizardOnPTY(t)
	ctx := context.Background()
	type result struct {
		chosen string
		err    error
	}
	picked := make(chan result, 1)
	go func() {
		chosen, err := untrustedPick(ctx, w)
		picked <- result{chosen, err}
	}()
	screen.waitFor(t, "> Evil profile")
	if _, err := io.WriteString(screen.master, "\r"); err != nil {
		t.Fatal(err)
	}
	if r := <-picked; r.err != nil || r.chosen != "evil" {
		t.Fatalf("pick = %q, %v", r.chosen, r.err)
	}

	shown := make(chan struct{})
	tasked := make(chan error, 1)
	go func() {
		tasked <- w.Task(ctx, "Reading the store"+hostile+" 42", func(context.Context) error {
			<-shown // the title is on screen
			return nil
		})
	}()
	screen.waitFor(t, "Reading the store 42")
	close(shown)
	if err := <-tasked; err != nil {
		t.Fatalf("Task = %v", err)
	}
	requireInert(t, screen.output())
}

// Accessible mode prints the label and the task title as plain lines:
// not one escape byte reaches the screen reader.
func TestUntrustedLabelAndTaskTitleAreInertWhenAccessible(t *testing.T) {
	var out bytes.Buffer
	s := ui.NewSession(context.Background(), settingstest.Filled(), ui.Options{Accessible: true, Keyring: secrets.NewMemory()},
		ui.Streams{In: strings.NewReader("1\n"), Out: io.Discard, Err: &out, OutWidth: 80, ErrWidth: 80})
	w := New(s)
	ctx := context.Background()
	if chosen, err := untrustedPick(ctx, w); err != nil || chosen != "evil" {
		t.Fatalf("pick = %q, %v", chosen, err)
	}
	if err := w.Task(ctx, "Reading the store"+hostile+" 42", func(context.Context) error { return nil }); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Evil profile", "Reading the store 42"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the output lacks %q:\n%s", want, out.String())
		}
	}
	if i := bytes.IndexByte(out.Bytes(), 0x1b); i >= 0 {
		t.Errorf("an escape byte reached the screen reader: …%q…", out.Bytes()[max(0, i-40):min(out.Len(), i+40)])
	}
	requireInert(t, out.Bytes())
}
