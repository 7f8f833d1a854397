package term

import (
	"io"
	"os"
	"sync"

	"sfstore/api/redact"
)

// Secrets is the set of secret values one run knows: what was supplied,
// typed, read from the keyring or issued by a sign-in. Writers made with it
// mask each of them, including those added after the writer was made.
type Secrets struct {
	mu     sync.RWMutex
	values []string
}

// Add records secrets to mask from now on; empty and very short values are
// ignored, as Redact does.
func (s *Secrets) Add(values ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.values = redact.List(append(s.values, values...)...)
}

// Values returns the secrets known so far, longest first.
func (s *Secrets) Values() []string {
	if s == nil {
		return nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return append([]string(nil), s.values...)
}

// Redact masks every known secret in text.
func (s *Secrets) Redact(text string) string {
	return redact.Redact(text, s.Values()...)
}

// NewWriter returns a writer that masks every secret of secrets in each
// write before passing it to w. Callers write whole lines or frames, so a
// secret is never split across writes. When w is a terminal the returned
// writer still reports it as one (its Fd), so the terminal UI can size
// itself and enter raw mode.
func NewWriter(w io.Writer, secrets *Secrets) io.Writer {
	mw := maskingWriter{w: w, secrets: secrets}
	if f, ok := w.(*os.File); ok {
		return &fileWriter{maskingWriter: mw, f: f, fd: f.Fd()}
	}
	return &mw
}

type maskingWriter struct {
	w       io.Writer
	secrets *Secrets
}

// Write reports len(p) on success: the masked text may be shorter or
// longer than p, and callers count what they gave.
func (m *maskingWriter) Write(p []byte) (int, error) {
	values := m.secrets.Values()
	if !redact.Occurs(p, values...) {
		return m.w.Write(p) // nothing to mask: no copy of a list's megabytes
	}
	if _, err := io.WriteString(m.w, redact.Redact(string(p), values...)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// fileWriter is a maskingWriter over a file, keeping the file's identity
// for terminal checks. The descriptor is read once: the terminal UI asks
// for it from goroutines of its own (a resize check) that may outlive a
// run, and the file is the process's, never closed under it.
type fileWriter struct {
	maskingWriter
	f  *os.File
	fd uintptr
}

func (w *fileWriter) Fd() uintptr                { return w.fd }
func (w *fileWriter) Read(p []byte) (int, error) { return w.f.Read(p) }
func (w *fileWriter) Close() error               { return nil } // the process owns it

// NewSanitizingWriter returns a writer that removes escape sequences and
// control characters (newlines kept) from each write: for a stream of text
// that carries what servers sent, such as the --debug trace.
func NewSanitizingWriter(w io.Writer) io.Writer {
	return sanitizingWriter{w}
}

type sanitizingWriter struct{ w io.Writer }

func (s sanitizingWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(s.w, Sanitize(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
