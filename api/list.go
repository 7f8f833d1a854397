package api

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
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

// listRead is how much of a page one read takes, so that the item bound is
// checked within that many bytes of being crossed.
const listRead = 64 << 10

// list calls each for every item of a collection under _embedded.{key}, in
// order, following _links.next for as many pages as PingOne gives. each
// receives decode, which decodes the current item into a value as
// json.Unmarshal would; an item each does not decode is skipped. An error
// from each stops the list and is returned as it is.
//
// A next link is followed only through this client's own base URL (its
// path and query after "/v1/" are kept), so a proxy in front of PingOne
// keeps working and the token is never sent to another host. A next link
// already followed, or one on a page with no items, would go round in
// circles: the list stops with an error saying how far it got.
func (c *Client) list(ctx context.Context, k call, key string, each func(decode func(v any) error) error) error {
	seen := map[string]bool{k.path: true}
	total := 0
	for {
		pg := &listPage{key: key, each: each}
		if _, err := c.send(ctx, k, pg); err != nil {
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
// under _embedded.{key} goes to each, _links.next is kept, and anything
// else is skipped.
type listPage struct {
	key   string
	each  func(decode func(v any) error) error
	items int    // items read from this page
	next  string // _links.next.href, "" when this is the last page
}

// read decodes the page from body, within maxListPage and maxListItem.
func (p *listPage) read(body io.Reader) error {
	r := &boundedBody{r: body, page: maxListPage, item: maxListItem}
	d := &pageDecoder{dec: json.NewDecoder(r), r: r}
	err := d.object(func(name string) error {
		switch name {
		case "_embedded":
			return d.object(func(name string) error {
				if name != p.key {
					return d.skip()
				}
				return d.array(p.item)
			})
		case "_links":
			var links struct {
				Next *Link `json:"next"`
			}
			if err := d.decode(&links); err != nil {
				return err
			}
			if links.Next != nil {
				p.next = links.Next.Href
			}
			return nil
		}
		return d.skip()
	})
	if r.err != nil {
		// A bound crossed, whatever was decoding then and however that
		// wrapped it.
		return r.err
	}
	if err != nil {
		return err
	}
	// Reading to the end lets the connection serve the next page.
	if _, err := d.token(); err != io.EOF {
		return r.failed(fmt.Errorf("decode pingone response: data after the page's JSON object"))
	}
	return nil
}

// item hands the decoder's current value to each.
func (p *listPage) item(d *pageDecoder) error {
	p.items++
	used := false
	err := p.each(func(v any) error {
		if used {
			return fmt.Errorf("an item of the list is decoded once")
		}
		used = true
		return d.decode(v)
	})
	if err != nil {
		return err
	}
	if !used {
		return d.skip()
	}
	return nil
}

// pageDecoder walks a page's JSON token by token, marking where each value
// starts so that boundedBody can bound it.
type pageDecoder struct {
	dec *json.Decoder
	r   *boundedBody
}

func (d *pageDecoder) token() (json.Token, error) {
	d.r.mark(d.dec.InputOffset())
	t, err := d.dec.Token()
	return t, d.r.failed(err)
}

// open reads the token that opens a value, where the page cannot end.
func (d *pageDecoder) open() (json.Token, error) {
	t, err := d.token()
	if err == io.EOF {
		return nil, fmt.Errorf("decode pingone response: %w", io.ErrUnexpectedEOF)
	}
	return t, err
}

func (d *pageDecoder) decode(v any) error {
	d.r.mark(d.dec.InputOffset())
	err := d.dec.Decode(v)
	if err == io.EOF {
		err = fmt.Errorf("decode pingone response: %w", io.ErrUnexpectedEOF)
	}
	return d.r.failed(err)
}

// skip reads past the next value; a value too large fails as an item does.
func (d *pageDecoder) skip() error {
	var v json.RawMessage
	return d.decode(&v)
}

func (d *pageDecoder) more() bool {
	d.r.mark(d.dec.InputOffset())
	return d.dec.More()
}

// object reads a JSON object (or null), calling field for each member with
// the decoder before its value; field must read the value.
func (d *pageDecoder) object(field func(name string) error) error {
	t, err := d.open()
	if err != nil {
		return err
	}
	if t == nil {
		return nil
	}
	if t != json.Delim('{') {
		return fmt.Errorf("decode pingone response: want a JSON object, got %s", tokenKind(t))
	}
	for d.more() {
		t, err := d.open()
		if err != nil {
			return err
		}
		if err := field(t.(string)); err != nil {
			return err
		}
	}
	_, err = d.open() // '}'
	return err
}

// array reads a JSON array (or null), calling item with the decoder before
// each element; item must read it.
func (d *pageDecoder) array(item func(*pageDecoder) error) error {
	t, err := d.open()
	if err != nil {
		return err
	}
	if t == nil {
		return nil
	}
	if t != json.Delim('[') {
		return fmt.Errorf("decode pingone response: want a JSON array of items, got %s", tokenKind(t))
	}
	for d.more() {
		if err := item(d); err != nil {
			return err
		}
	}
	_, err = d.open() // ']'
	return err
}

// tokenKind names a JSON token's type, never its value, which may be a
// secret.
func tokenKind(t json.Token) string {
	switch v := t.(type) {
	case json.Delim:
		return "a " + v.String()
	case string:
		return "a string"
	case float64, json.Number:
		return "a number"
	case bool:
		return "a boolean"
	}
	return "null"
}

// boundedBody reads a page within two bounds: the whole page, and the value
// being read since the last mark. It stops at the first byte past either,
// so a runaway answer is never read whole.
type boundedBody struct {
	r          io.Reader
	page, item int64
	read       int64 // bytes read so far
	start      int64 // offset of the value being read
	err        error // the bound crossed, once one is
}

func (b *boundedBody) mark(offset int64) { b.start = offset }

func (b *boundedBody) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	if len(p) > listRead {
		p = p[:listRead]
	}
	n, err := b.r.Read(p)
	b.read += int64(n)
	switch {
	case b.read > b.page:
		b.err = fmt.Errorf("pingone response is larger than %d MiB; refusing to read more (is this really PingOne?)", b.page>>20)
	case b.read-b.start > b.item+listRead:
		// The decoder holds at most one read beyond the value it is on.
		b.err = fmt.Errorf("an item of pingone's list is larger than %d KiB; refusing to read it (is this really PingOne?)", b.item>>10)
	}
	if b.err != nil {
		return n, b.err
	}
	return n, err
}

// failed prefers the bound crossed over the decoder's view of it (which
// may be a syntax error at the cut).
func (b *boundedBody) failed(err error) error {
	if err == nil || err == io.EOF {
		return err
	}
	if b.err != nil {
		return b.err
	}
	if _, ok := err.(*json.SyntaxError); ok {
		return fmt.Errorf("decode pingone response: %w", err)
	}
	return err
}
