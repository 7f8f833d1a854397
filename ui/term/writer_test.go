package term_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"sfstore/ui/term"
)

const sentinel = "SENTINEL-TERM-SECRET-9a7c31"

func TestAWriterMasksSecretsKnownBeforeAndAfterItWasMade(t *testing.T) {
	var out bytes.Buffer
	secrets := &term.Secrets{}
	w := term.NewWriter(&out, secrets)
	if _, err := io.WriteString(w, "before: "+sentinel+"\n"); err != nil {
		t.Fatal(err)
	}
	secrets.Add(sentinel, "", "ab", sentinel) // an empty one is dropped, a short one never masked
	n, err := io.WriteString(w, "after: "+sentinel+" and ab\n")
	if err != nil || n != len("after: "+sentinel+" and ab\n") {
		t.Fatalf("Write = %d, %v: it must report what it was given", n, err)
	}
	got := out.String()
	if !strings.Contains(got, "before: "+sentinel) {
		t.Errorf("a write before the secret was known changed: %q", got)
	}
	if strings.Contains(got, "after: "+sentinel) || !strings.Contains(got, "after: ••••") || !strings.Contains(got, " and ab") {
		t.Errorf("the secret is not masked after Add: %q", got)
	}
	if v := secrets.Values(); len(v) != 2 || v[0] != sentinel || v[1] != "ab" {
		t.Errorf("Values = %q", v)
	}
	if got := secrets.Redact("x" + sentinel + "y"); strings.Contains(got, sentinel) {
		t.Errorf("Redact = %q", got)
	}
	var none *term.Secrets
	if none.Values() != nil {
		t.Error("a nil set has values")
	}
}

// A longer secret that contains a shorter one is masked whole.
func TestAWriterMasksTheLongestSecretFirst(t *testing.T) {
	var out bytes.Buffer
	secrets := &term.Secrets{}
	secrets.Add("SENTINEL-SHORT", "SENTINEL-SHORT-AND-LONGER-77")
	_, _ = io.WriteString(term.NewWriter(&out, secrets), "SENTINEL-SHORT-AND-LONGER-77")
	if strings.Contains(out.String(), "AND-LONGER") {
		t.Errorf("the longer secret shows in part: %q", out.String())
	}
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("closed pipe") }

func TestWritersPassOnTheFailureOfTheirStream(t *testing.T) {
	secrets := &term.Secrets{}
	secrets.Add(sentinel)
	for name, w := range map[string]io.Writer{"masking": term.NewWriter(failing{}, secrets), "sanitizing": term.NewSanitizingWriter(failing{})} {
		if n, err := w.Write([]byte("x")); err == nil || n != 0 {
			t.Errorf("%s writer over a failing stream = %d, %v", name, n, err)
		}
	}
}

func TestASanitizingWriterMakesServerTextInert(t *testing.T) {
	var out bytes.Buffer
	in := "HTTP/1.1 200 OK\n\x1b]0;pwned\x07body \x1b[2Jend\n"
	n, err := term.NewSanitizingWriter(&out).Write([]byte(in))
	if err != nil || n != len(in) {
		t.Fatalf("Write = %d, %v", n, err)
	}
	if got := out.String(); got != "HTTP/1.1 200 OK\nbody end\n" {
		t.Errorf("wrote %q", got)
	}
}

// A writer over a file is still the file for the terminal checks (its
// descriptor), and reads from it, but never closes what the process owns.
func TestAWriterOverAFileKeepsItsDescriptorAndLeavesItOpen(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	secrets := &term.Secrets{}
	secrets.Add(sentinel)
	w := term.NewWriter(f, secrets)
	fd, ok := w.(interface{ Fd() uintptr })
	if !ok || fd.Fd() != f.Fd() {
		t.Fatal("the writer over a file does not report the file's descriptor")
	}
	if _, err := io.WriteString(w, sentinel+"\n"); err != nil {
		t.Fatal(err)
	}
	if err := w.(io.Closer).Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		t.Fatalf("the file was closed: %v", err)
	}
	body, err := io.ReadAll(w.(io.Reader))
	if err != nil || strings.Contains(string(body), sentinel) || !strings.HasPrefix(string(body), "••••") {
		t.Errorf("the file holds %q (%v)", body, err)
	}
	if term.IsTerminal(w) || term.Width(w) != 0 {
		t.Error("a regular file passes for a terminal")
	}
	if term.IsTerminal(&bytes.Buffer{}) || term.Width(&bytes.Buffer{}) != 0 {
		t.Error("a buffer passes for a terminal")
	}
}
