package stores

import (
	"bytes"
	"fmt"
	"io"
	"os"
)

// spool holds output until it can all be written: up to spoolInMemory in
// memory, the rest in a temporary file (mode 0600, removed by close), so
// memory stays flat however long the output. What is held is what would
// be shown: stores drawn, or encoded with their secrets masked.
type spool struct {
	buf      []byte
	spill    *os.File // nil until buf outgrows spoolInMemory
	unlinked bool     // the file has no name left to remove
}

// spoolInMemory is how much a spool holds before it spills; a variable
// so that a test can spill a short list. A small buffer, its pages warm
// and written to the file again and again, cost a list of 10,000 stores
// less than 4 MiB whose every page was new (farm-bench, 31 pairs: --json
// 0.88 of the time, with 4 MiB less memory).
var spoolInMemory = 256 << 10

// newSpool returns a spool whose memory is had at once: grown as it
// fills, copying and fresh pages cost a list of 10,000 stores a fifth of
// its time. Pages never written take no memory.
func newSpool() *spool {
	return &spool{buf: make([]byte, 0, spoolInMemory+64<<10)}
}

func (s *spool) write(b []byte) error {
	s.buf = append(s.buf, b...)
	if len(s.buf) < spoolInMemory {
		return nil
	}
	if s.spill == nil {
		f, err := os.CreateTemp("", "sfstore-list-*")
		if err != nil {
			return nil // memory it is, then
		}
		s.spill = f
		// Where the system allows it, the file goes from the directory at
		// once, so that not even a killed run leaves it behind.
		s.unlinked = os.Remove(f.Name()) == nil
	}
	if _, err := s.spill.Write(s.buf); err != nil {
		return fmt.Errorf("spool the output: %w", err)
	}
	s.buf = s.buf[:0]
	return nil
}

// writeTo writes what the spool holds to w in writes that each end at the
// end of a line, so a masking writer never sees a value cut in two.
func (s *spool) writeTo(w io.Writer) error {
	if s.spill != nil {
		if _, err := s.spill.Seek(0, io.SeekStart); err != nil {
			return fmt.Errorf("spool the output: %w", err)
		}
		if err := copyLines(w, s.spill); err != nil {
			return err
		}
	}
	if len(s.buf) == 0 {
		return nil
	}
	_, err := w.Write(s.buf)
	return err
}

// copyLines copies r to w in writes of whole lines, about 64 KiB each:
// each read's bytes up to its last newline, the rest carried to the next.
func copyLines(w io.Writer, r io.Reader) error {
	buf := make([]byte, 0, 128<<10)
	for {
		if len(buf) == cap(buf) { // a line longer than the buffer
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			if len(buf) == 0 {
				return nil
			}
			_, werr := w.Write(buf)
			return werr
		}
		if err != nil {
			return fmt.Errorf("spool the output: %w", err)
		}
		if i := bytes.LastIndexByte(buf, '\n'); i >= 0 && i+1 >= 64<<10 {
			if _, werr := w.Write(buf[:i+1]); werr != nil {
				return werr
			}
			buf = buf[:copy(buf, buf[i+1:])]
		}
	}
}

// close removes the temporary file, if there is one.
func (s *spool) close() {
	if s.spill != nil {
		_ = s.spill.Close()
		if !s.unlinked {
			_ = os.Remove(s.spill.Name())
		}
		s.spill = nil
	}
}
