package stores

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
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
		var out jsonList
		if err := listStores(ctx, s, p, title, out.add); err != nil {
			return fail(s, "sfstore could not list the stores", err)
		}
		return out.writeTo(s.Out)
	}
	var sf []api.Store
	err := listStores(ctx, s, p, title, func(st api.Store) error {
		if st.Type == api.StoreTypeSalesforce {
			sf = append(sf, Slim(st))
		}
		return nil
	})
	if err != nil {
		return fail(s, "sfstore could not list the stores", err)
	}
	return cards.WriteStoreList(s.Out, s.OutStyles, env, sf, s.OutWidth, time.Now())
}

// jsonList is `list --json`'s output as the stores arrive: each Salesforce
// store masked and encoded as it comes, laid out as json.MarshalIndent lays
// out the array. Nothing is written before the list is complete, so a
// failure leaves stdout to the error's JSON alone.
type jsonList struct {
	chunks [][]byte // the array's elements, encoded, in chunks of about jsonChunk
	n      int
}

const jsonChunk = 256 << 10

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
	if len(l.chunks) == 0 || len(l.chunks[len(l.chunks)-1])+len(sep)+len(b) > jsonChunk {
		l.chunks = append(l.chunks, make([]byte, 0, max(jsonChunk, len(sep)+len(b))))
	}
	last := &l.chunks[len(l.chunks)-1]
	*last = append(append(*last, sep...), b...)
	return nil
}

// writeTo writes the array, then a newline, as Session.WriteJSON does.
func (l *jsonList) writeTo(w io.Writer) error {
	if l.n == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	for _, c := range l.chunks {
		if _, err := w.Write(c); err != nil {
			return err
		}
	}
	_, err := w.Write([]byte("\n]\n"))
	return err
}
