package api

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"sfstore/api/redact"
)

// Bounds on a list's answers. Pages are decoded one item at a time, so
// memory follows the largest item, not the page: the page bound is only a
// guard against a runaway answer, sized so that one page of 100,000 stores
// of about 1 KiB (about 100 MiB) still lists. Variables only so that a test
// can lower them.
var (
	maxListPage int64 = 256 << 20 // 256 MiB
	maxListItem int64 = 1 << 20   // 1 MiB: a store is about 1 KiB
)

// listRead is how much of a page one read takes.
const listRead = 64 << 10

// list calls each for every item of a collection under _embedded.{key}, in
// order, following _links.next for as many pages as PingOne gives. each
// receives decode, which decodes the current item into a value as
// json.Unmarshal would; an item each does not decode is skipped. An error
// from each stops the list and is returned, prefixed with the operation.
//
// The pages are fetched and cut into items on a goroutine of their own
// (see fetchAhead), a little ahead of each: on two cores a list takes
// about the longer of fetching and decoding, not both.
func (c *Client) list(ctx context.Context, k call, key string, each func(decode func(v any) error) error) error {
	return c.listRaw(ctx, k, key, func(item []byte) error { return each(itemDecoder(item)) })
}

// listRaw is list handing each item's JSON itself, valid only until each
// returns: no decode to build for each of 10,000 stores.
func (c *Client) listRaw(ctx context.Context, k call, key string, each func(item []byte) error) error {
	f := c.fetchAhead(ctx, k, key)
	defer f.close()
	for {
		b := <-f.full
		if err := ctx.Err(); err != nil {
			// Cancelled: the batches already read are not handed on.
			return fmt.Errorf("%s: %w", k.op, c.sendError(err, nil))
		}
		for i := range b.ends {
			if err := each(b.item(i)); err != nil {
				return fmt.Errorf("%s: %w", k.op, redact.Err(err, c.redactions))
			}
		}
		if b.last {
			return b.err
		}
		f.free <- b
	}
}

// pages reads every page of call k, handing each item to add as its page
// arrives, and calling ended at the end of each page.
//
// A next link is followed only through this client's own base URL (its
// path and query after "/v1/" are kept), so a proxy in front of PingOne
// keeps working and the token is never sent to another host. A next link
// already followed, or one on a page with no items, would go round in
// circles: the list stops with an error saying how far it got.
func (c *Client) pages(ctx context.Context, k call, key string, add func(item []byte) error, ended func() error) error {
	seen := map[string]bool{k.path: true}
	total := 0
	var buf []byte // one page's read buffer, for every page
	for {
		pg := &listPage{key: key, add: add, buf: buf}
		_, err := c.send(ctx, k, pg)
		buf = pg.buf
		if err != nil {
			return err
		}
		if err := ended(); err != nil {
			return err
		}
		total += pg.items
		if pg.next == "" {
			return nil
		}
		_, next, ok := strings.Cut(pg.next, "/v1/")
		switch {
		case !ok:
			return fmt.Errorf("%s: pingone's next page link does not name a /v1/ path; got %d items so far", k.op, total)
		case seen[next]:
			return fmt.Errorf("%s: pingone's next page link repeats an earlier page; got %d items so far", k.op, total)
		case pg.items == 0:
			// UNCONFIRMED: PingOne documents no empty middle pages; an empty
			// page that points further could go on forever.
			return fmt.Errorf("%s: pingone sent an empty page that links to another; got %d items so far", k.op, total)
		}
		seen[next] = true
		k.path = next
	}
}

// listPage reads one page of a collection as it arrives (see do): each item
// under _embedded.{key} goes to add, _links.next is kept, and anything
// else is skipped.
type listPage struct {
	key   string
	add   func(item []byte) error
	items int    // items read from this page
	next  string // _links.next.href, "" when this is the last page
	buf   []byte // the read buffer, handed from page to page
}

// read decodes the page from body, within maxListPage and maxListItem.
func (p *listPage) read(body io.Reader) error {
	r := &pageReader{r: &boundedBody{r: body, limit: maxListPage}, buf: p.buf[:0]}
	defer func() { p.buf = r.buf }()
	err := r.object(func(name string) error {
		switch name {
		case "_embedded":
			return r.object(func(name string) error {
				if name != p.key {
					return r.skip()
				}
				return r.array(p.item)
			})
		case "_links":
			v, err := r.value()
			if err != nil {
				return err
			}
			var links struct {
				Next *Link `json:"next"`
			}
			if err := json.Unmarshal(v, &links); err != nil {
				return fmt.Errorf("decode pingone response: _links: %w", err)
			}
			if links.Next != nil {
				p.next = links.Next.Href
			}
			return nil
		}
		return r.skip()
	})
	if r.r.err != nil {
		// A bound crossed, whatever was decoding then and however that
		// wrapped it.
		return r.r.err
	}
	if err != nil {
		return err
	}
	// Reading to the end lets the connection serve the next page.
	return r.end()
}

// item hands the reader's next value to add.
func (p *listPage) item(v []byte) error {
	p.items++
	return p.add(v)
}

// itemDecoder returns the decode a list hands each for item v: it
// decodes v once, as json.Unmarshal would.
func itemDecoder(v []byte) func(dst any) error {
	used := false
	return func(dst any) error {
		if used {
			return fmt.Errorf("an item of the list is decoded once")
		}
		used = true
		return json.Unmarshal(v, dst)
	}
}

// boundedBody reads a page up to limit bytes, and fails at the first byte
// past it, so a runaway answer is never read whole.
type boundedBody struct {
	r     io.Reader
	limit int64
	read  int64
	err   error // the bound crossed, once it is
}

func (b *boundedBody) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	if len(p) > listRead {
		p = p[:listRead]
	}
	n, err := b.r.Read(p)
	if b.read += int64(n); b.read > b.limit {
		b.err = fmt.Errorf("pingone response is larger than %d MiB; refusing to read more (is this really PingOne?)", b.limit>>20)
		return n, b.err
	}
	return n, err
}
