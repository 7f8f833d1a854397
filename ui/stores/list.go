package stores

import (
	"context"
	"io"
	"time"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/cards"
)

// List prints the target environment's Salesforce stores, every page of
// them: name, ID, status, sync state, last sync and failed count; with
// --json, the stores themselves, secrets masked. Each store is drawn (or
// encoded) as it is read and then dropped, the output held in a spool
// until the list is whole, so 100,000 stores list in the memory of a few.
func List(ctx context.Context, s *ui.Session, p Prompter) error {
	if err := ready(ctx, s, p); err != nil {
		return err
	}
	env := s.Answers.TargetEnvironmentID()
	title := "Listing the stores of environment " + env
	if s.Opts.JSON {
		return listJSON(ctx, s, p, title)
	}
	out := newSpool()
	defer out.close()
	rows := cards.NewStoreRows(s.OutStyles, s.OutWidth, time.Now())
	n := 0
	var drawErr error
	err := listStores(ctx, s, p, title, func(st api.Store) error {
		if st.Type != api.StoreTypeSalesforce {
			return nil
		}
		n++
		out.buf = rows.AppendRow(out.buf, st)
		drawErr = out.write(nil)
		return drawErr
	})
	if drawErr != nil {
		return drawErr
	}
	if err != nil {
		return fail(s, "sfstore could not list the stores", err)
	}
	if _, err := io.WriteString(s.Out, cards.StoreListHeading(s.OutStyles, env, n, s.OutWidth, s.Opts.Demo)); err != nil {
		return err
	}
	return out.writeTo(s.Out)
}

// listJSON is List with --json: the stores masked and laid out as
// Session.WriteJSON lays out an array. Each store is written straight from
// PingOne's bytes as it is read (api.EachStoreJSON), which costs less than
// handing decoded stores to another goroutine to encode.
func listJSON(ctx context.Context, s *ui.Session, p Prompter, title string) error {
	out := newSpool()
	defer out.close()
	n := 0
	var spoolErr error
	err := p.Task(ctx, title, func(ctx context.Context) error {
		client, err := s.Client()
		if err != nil {
			return err
		}
		return client.EachStoreJSON(ctx, s.Answers.TargetEnvironmentID(), func(st api.StoreJSON) error {
			if st.Type() != api.StoreTypeSalesforce {
				return nil
			}
			spoolErr = addJSON(out, n, st.AppendMaskedIndentJSON)
			n++
			return spoolErr
		})
	})
	if spoolErr != nil {
		return spoolErr
	}
	if err != nil {
		return fail(s, "sfstore could not list the stores", err)
	}
	if err := closeJSON(out, n); err != nil {
		return err
	}
	return out.writeTo(s.Out)
}

// addJSON adds the i-th store of a JSON array to out, indented in place
// as json.MarshalIndent would: write appends the store with prefix and
// indent (StoreJSON.AppendMaskedIndentJSON, or Store.AppendIndentJSON of a
// masked store).
func addJSON(out *spool, i int, write func(dst []byte, prefix, indent string) []byte) error {
	sep := ",\n  "
	if i == 0 {
		sep = "[\n  "
	}
	out.buf = write(append(out.buf, sep...), "  ", "  ")
	return out.write(nil)
}

// closeJSON ends the array of n stores, then a newline.
func closeJSON(out *spool, n int) error {
	if n == 0 {
		return out.write([]byte("[]\n"))
	}
	return out.write([]byte("\n]\n"))
}
