package api

import (
	"context"
	"io"
)

// A list's pages are fetched on a goroutine of their own, a little ahead
// of the reading: while one page's items are decoded and handed on, the
// rest of it, and the next page once its link is known, come over the
// network. On two cores a list then takes about the longer of fetching
// and decoding, not both, and still holds no more than aheadChunks of
// what it has not read.

// Read-ahead: at most aheadChunks reads of up to listRead bytes each wait
// for the reader, about two pages of 100 stores.
const aheadChunks = 4

// chunk is what the fetcher hands the reader: a read of a page's body, or
// the end of the page with how its call ended.
type chunk struct {
	b    []byte
	done bool
	err  error // with done: send's error for the page, nil when it was read whole
}

// fetcher fetches the pages of one list in order: the first, then each
// path given to follow, handing their bodies over in chunks.
type fetcher struct {
	c      *Client
	ctx    context.Context
	cancel context.CancelFunc
	full   chan chunk    // chunks read, in order
	free   chan []byte   // buffers the reader is done with
	next   chan string   // the path of the page to fetch after the current one
	stop   chan struct{} // closed when the reader wants no more
	exited chan struct{} // closed when the fetcher has returned
}

// fetchAhead starts fetching the pages of call k, from k.path on.
func (c *Client) fetchAhead(ctx context.Context, k call) *fetcher {
	ctx, cancel := context.WithCancel(ctx)
	f := &fetcher{
		c: c, ctx: ctx, cancel: cancel,
		full: make(chan chunk, aheadChunks), free: make(chan []byte, aheadChunks+1),
		next: make(chan string, 1), stop: make(chan struct{}), exited: make(chan struct{}),
	}
	for range aheadChunks + 1 {
		f.free <- make([]byte, listRead)
	}
	go f.run(k)
	return f
}

func (f *fetcher) run(k call) {
	defer close(f.exited)
	for {
		_, err := f.c.send(f.ctx, k, f)
		if !f.hand(chunk{done: true, err: err}) || err != nil {
			return
		}
		select {
		case path := <-f.next:
			k.path = path
		case <-f.stop:
			return
		}
	}
}

// read hands a page's body over as it arrives, within maxListPage (see
// send: it is called for a 2xx answer, once per page).
func (f *fetcher) read(body io.Reader) error {
	r := &boundedBody{r: body, limit: maxListPage}
	for {
		var buf []byte
		select {
		case buf = <-f.free:
		case <-f.stop:
			return context.Canceled
		}
		n, err := r.Read(buf[:cap(buf)])
		if n > 0 && !f.hand(chunk{b: buf[:n]}) {
			return context.Canceled
		}
		if n == 0 {
			f.free <- buf
		}
		switch {
		case err == io.EOF:
			return nil
		case err != nil:
			return err
		}
	}
}

// hand gives the reader a chunk, unless it wants no more.
func (f *fetcher) hand(c chunk) bool {
	select {
	case f.full <- c:
		return true
	case <-f.stop:
		return false
	}
}

// follow asks for the page at path after the current one.
func (f *fetcher) follow(path string) { f.next <- path }

// close stops the fetcher, cancelling what it is fetching, and waits for
// it to return.
func (f *fetcher) close() {
	close(f.stop)
	f.cancel()
	<-f.exited
}

// page returns a reader of the current page's body. Its error, after the
// last byte, is send's for the page: the answer's status, the network,
// the bound on a page.
func (f *fetcher) page() *aheadBody { return &aheadBody{f: f} }

// aheadBody reads one page's body from the fetcher's chunks.
type aheadBody struct {
	f    *fetcher
	cur  []byte // what is left of the chunk being read
	buf  []byte // that chunk's buffer, to give back
	done bool
	err  error // send's error for the page, once done
}

func (a *aheadBody) Read(p []byte) (int, error) {
	for len(a.cur) == 0 {
		if a.buf != nil {
			a.f.free <- a.buf
			a.buf = nil
		}
		if a.done {
			if a.err != nil {
				return 0, a.err
			}
			return 0, io.EOF
		}
		c := <-a.f.full
		a.cur, a.buf, a.done, a.err = c.b, c.b, c.done, c.err
	}
	n := copy(p, a.cur)
	a.cur = a.cur[n:]
	return n, nil
}
