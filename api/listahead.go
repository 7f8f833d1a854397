package api

import (
	"context"
	"errors"
)

// A list's pages are fetched and cut into items on a goroutine of their
// own, a little ahead of whoever takes the items: while one batch of
// items is decoded and handed on, the next come over the network and are
// found in the page. On two cores a list then takes about the longer of
// the two, not both, and holds no more than aheadBatches of items it has
// not handed on.

const (
	aheadBatches = 4
	batchSize    = 128 << 10 // bytes of items in a batch, about 100 stores
)

// batch is a run of items, copied end to end out of the page that held
// them (whose buffer the fetcher goes on reading into).
type batch struct {
	data []byte
	ends []int // where each item ends in data
	last bool  // the list ends after these items, with err
	err  error
}

// item returns the i-th item of the batch.
func (b *batch) item(i int) []byte {
	start := 0
	if i > 0 {
		start = b.ends[i-1]
	}
	return b.data[start:b.ends[i]]
}

// fetcher reads the pages of one list (Client.pages) and hands their
// items over in batches, in order, the last one marked.
type fetcher struct {
	cancel context.CancelFunc
	full   chan *batch   // batches of items, in order
	free   chan *batch   // batches taken, to fill again
	stop   chan struct{} // closed when the taker wants no more
	exited chan struct{} // closed when the fetcher has returned
	cur    *batch
}

// errStopped ends the fetching when nobody takes the items any more.
var errStopped = errors.New("the list's items are no longer taken")

// fetchAhead starts reading the pages of call k, from k.path on, for the
// items under _embedded.{key}.
func (c *Client) fetchAhead(ctx context.Context, k call, key string) *fetcher {
	ctx, cancel := context.WithCancel(ctx)
	f := &fetcher{
		cancel: cancel,
		full:   make(chan *batch, aheadBatches), free: make(chan *batch, aheadBatches+1),
		stop: make(chan struct{}), exited: make(chan struct{}),
	}
	for range aheadBatches + 1 {
		f.free <- &batch{data: make([]byte, 0, batchSize)}
	}
	go func() {
		defer close(f.exited)
		err := c.pages(ctx, k, key, f.add, f.pageEnded)
		if f.cur == nil && !f.take() {
			return
		}
		f.cur.last, f.cur.err = true, err
		f.hand()
	}()
	return f
}

// add copies an item into the current batch, handing the batch over when
// it is full.
func (f *fetcher) add(item []byte) error {
	if f.cur == nil && !f.take() {
		return errStopped
	}
	f.cur.data = append(f.cur.data, item...)
	f.cur.ends = append(f.cur.ends, len(f.cur.data))
	if len(f.cur.data) >= batchSize && !f.hand() {
		return errStopped
	}
	return nil
}

// pageEnded hands over the items of a page that ended, so that they are
// not held back while the next one is fetched.
func (f *fetcher) pageEnded() error {
	if f.cur != nil && len(f.cur.ends) > 0 && !f.hand() {
		return errStopped
	}
	return nil
}

// take makes an emptied batch the current one, unless the taker stopped.
func (f *fetcher) take() bool {
	select {
	case b := <-f.free:
		b.data, b.ends, b.last, b.err = b.data[:0], b.ends[:0], false, nil
		f.cur = b
		return true
	case <-f.stop:
		return false
	}
}

// hand gives the current batch to the taker, unless it stopped.
func (f *fetcher) hand() bool {
	select {
	case f.full <- f.cur:
		f.cur = nil
		return true
	case <-f.stop:
		return false
	}
}

// close stops the fetcher, cancelling what it is fetching, and waits for
// it to return.
func (f *fetcher) close() {
	close(f.stop)
	f.cancel()
	<-f.exited
}
