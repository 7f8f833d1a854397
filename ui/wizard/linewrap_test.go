package wizard

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// wrapped writes each of writes through a lineWrapper of width, reading
// an answer between them as the person would type it.
func wrapped(t *testing.T, width int, writes ...string) string {
	t.Helper()
	var out bytes.Buffer
	w, r := wrapLines(&out, strings.NewReader(strings.Repeat("answer\n", len(writes))), width)
	for i, s := range writes {
		if n, err := io.WriteString(w, s); err != nil || n != len(s) {
			t.Fatalf("Write = %d, %v", n, err)
		}
		if i < len(writes)-1 {
			buf := make([]byte, 7)
			if _, err := r.Read(buf); err != nil {
				t.Fatal(err)
			}
			out.WriteString("answer\n") // what the terminal echoes
		}
	}
	return out.String()
}

func TestAccessiblePromptsBreakBetweenWords(t *testing.T) {
	got := wrapped(t, 40, "Region. Where your PingOne organization lives; it sets the API and sign-in hosts.\n")
	want := "Region. Where your PingOne organization\nlives; it sets the API and sign-in\nhosts.\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A numbered option continues under its text; an ID longer than a line
// stays whole; the spaces before the answer are kept.
func TestAccessibleOptionsAndPromptsKeepTheirShape(t *testing.T) {
	got := wrapped(t, 40, "1. Worker app client ID and secret (recommended)\n12. Paste an access token (kept in memory only)\nEnter a number between 1 and 2: ")
	want := "1. Worker app client ID and secret\n   (recommended)\n12. Paste an access token (kept in\n    memory only)\nEnter a number between 1 and 2: "
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	got = wrapped(t, 20, "Keeps 6a4e7e1c-5d0f-4f3e-9a51-2b8f0c7d9e10 as it is\n")
	if !strings.Contains(got, "\n6a4e7e1c-5d0f-4f3e-9a51-2b8f0c7d9e10\n") {
		t.Errorf("the ID was cut or not on a line of its own:\n%s", got)
	}
}

// After an answer (its Enter echoed by the terminal) the next prompt
// starts on a fresh line's count, so it is not broken early.
func TestAccessibleLineCountStartsAgainAfterAnAnswer(t *testing.T) {
	got := wrapped(t, 40, "Store name. How the store is listed: ", "Description. Optional: a note. ")
	want := "Store name. How the store is listed: answer\nDescription. Optional: a note. "
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

type fdReader struct{ io.Reader }

func (fdReader) Fd() uintptr { return 7 }

// A hidden prompt reads the terminal by its descriptor: the reader keeps
// it.
func TestAccessibleReaderKeepsTheTerminalsDescriptor(t *testing.T) {
	_, r := wrapLines(io.Discard, fdReader{strings.NewReader("")}, 80)
	if f, ok := r.(interface{ Fd() uintptr }); !ok || f.Fd() != 7 {
		t.Error("the descriptor is lost")
	}
	if _, r := wrapLines(io.Discard, strings.NewReader(""), 80); r == nil {
		t.Error("no reader")
	}
}
