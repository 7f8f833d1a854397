package stores

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/cards"
)

// List prints the target environment's Salesforce stores, every page of
// them: name, ID, status, sync state, last sync and failed count; with
// --json, the stores themselves, secrets masked. Stores are read one at a
// time and only what is printed is kept, so that 100,000 stores list.
func List(ctx context.Context, s *ui.Session, p Prompter) error {
	if err := ready(ctx, s, p); err != nil {
		return err
	}
	env := s.Answers.TargetEnvironmentID()
	title := "Listing the stores of environment " + env
	if s.Opts.JSON {
		return listJSON(ctx, s, p, title)
	}
	var sf chunks[api.Store]
	err := listStores(ctx, s, p, title, false, func(st api.Store) error {
		if st.Type == api.StoreTypeSalesforce {
			sf.add(st)
		}
		return nil
	})
	if err != nil {
		return fail(s, "sfstore could not list the stores", err)
	}
	return cards.WriteStoreList(s.Out, s.OutStyles, env, sf.all(), s.OutWidth, time.Now(), s.Opts.Demo)
}

// listJSON is List with --json. Stores are encoded by a goroutine of
// their own while the next ones are read and decoded: on two cores, the
// list takes the longer of the two rather than both.
func listJSON(ctx context.Context, s *ui.Session, p Prompter, title string) error {
	var out jsonList
	defer out.close()
	stores := make(chan api.Store, 256)
	encoded := make(chan error, 1)
	go func() {
		var err error
		for st := range stores { // drained to the end, so a send never blocks for good
			if err == nil {
				err = out.add(st)
			}
		}
		encoded <- err
	}()
	err := listStores(ctx, s, p, title, true, func(st api.Store) error {
		if st.Type == api.StoreTypeSalesforce {
			stores <- st
		}
		return nil
	})
	close(stores)
	encErr := <-encoded
	if err != nil {
		return fail(s, "sfstore could not list the stores", err)
	}
	if encErr != nil {
		return encErr
	}
	return out.writeTo(s.Out)
}

// chunks collects values in slices of a fixed size, so that a list of
// 100,000 is not copied again each time it doubles.
type chunks[T any] struct {
	full [][]T
	last []T
	n    int
}

const chunkLen = 1024

func (c *chunks[T]) add(v T) {
	if len(c.last) == chunkLen {
		c.full = append(c.full, c.last)
		c.last = nil
	}
	if c.last == nil {
		c.last = make([]T, 0, chunkLen)
	}
	c.last = append(c.last, v)
	c.n++
}

// all returns every value in one slice, copied once.
func (c *chunks[T]) all() []T {
	out := make([]T, 0, c.n)
	for _, f := range c.full {
		out = append(out, f...)
	}
	return append(out, c.last...)
}

// jsonList is `list --json`'s output as the stores arrive: each Salesforce
// store masked and encoded as it comes, laid out as json.MarshalIndent lays
// out the array. Nothing is written before the list is complete, so a
// failure leaves stdout to the error's JSON alone. Past jsonInMemory the
// encoded stores go to a temporary file (mode 0600, removed at the end),
// so memory stays flat however many stores there are.
type jsonList struct {
	buf   []byte   // encoded, not yet spilled
	spill *os.File // nil until buf outgrows jsonInMemory
	n     int
}

// jsonInMemory is how much encoded JSON is held before it is spilled; a
// variable so that a test can spill a short list.
var jsonInMemory = 4 << 20

func (l *jsonList) add(st api.Store) error {
	if st.Type != api.StoreTypeSalesforce {
		return nil
	}
	b, err := json.MarshalIndent(st.Masked(), "  ", "  ")
	if err != nil {
		return fmt.Errorf("encode JSON: %w", err)
	}
	sep := ",\n  "
	if l.n == 0 {
		sep = "[\n  "
	}
	l.n++
	l.buf = append(append(l.buf, sep...), b...)
	if len(l.buf) < jsonInMemory {
		return nil
	}
	if l.spill == nil {
		if l.spill, err = os.CreateTemp("", "sfstore-list-*.json"); err != nil {
			l.spill = nil
			return nil // memory it is, then
		}
	}
	if _, err := l.spill.Write(l.buf); err != nil {
		return fmt.Errorf("buffer the JSON: %w", err)
	}
	l.buf = l.buf[:0]
	return nil
}

// writeTo writes the array, then a newline, as Session.WriteJSON does,
// and removes the temporary file.
func (l *jsonList) writeTo(w io.Writer) error {
	defer l.close()
	if l.n == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	if l.spill != nil {
		if _, err := l.spill.Seek(0, io.SeekStart); err != nil {
			return fmt.Errorf("buffer the JSON: %w", err)
		}
		// Whole stores per write: a masking writer must never see a value
		// cut in two.
		if err := copyStores(w, l.spill); err != nil {
			return err
		}
	}
	_, err := w.Write(append(l.buf, "\n]\n"...))
	return err
}

// copyStores copies the spilled array to w in writes that end where a
// store ends ("\n  }", before the next store's comma).
func copyStores(w io.Writer, r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var pending []byte
	for {
		line, err := br.ReadSlice('\n')
		pending = append(pending, line...)
		if (len(pending) >= 64<<10 && bytes.HasPrefix(line, []byte("  },"))) || err == io.EOF {
			if _, werr := w.Write(pending); werr != nil {
				return werr
			}
			pending = pending[:0]
		}
		switch {
		case err == io.EOF:
			return nil
		case err != nil && err != bufio.ErrBufferFull:
			return fmt.Errorf("buffer the JSON: %w", err)
		}
	}
}

// close removes the temporary file, if there is one.
func (l *jsonList) close() {
	if l.spill != nil {
		_ = l.spill.Close()
		_ = os.Remove(l.spill.Name())
		l.spill = nil
	}
}
