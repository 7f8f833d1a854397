package api

import (
	"context"
	"time"
)

// Tests never wait for a retry: a client's wait returns at once (unless its
// context has ended), and WithRetryClock records it where that matters.
func init() {
	retrySleep = func(ctx context.Context, _ time.Duration) error { return ctx.Err() }
}

// WithRetryClock gives a client its wait before a retry and its clock.
func WithRetryClock(sleep func(context.Context, time.Duration) error, now func() time.Time) Option {
	return func(c *Client) { c.sleep, c.now = sleep, now }
}

// SetListBounds lowers the bounds of a list's page and item, until undo.
func SetListBounds(page, item int64) (undo func()) {
	oldPage, oldItem := maxListPage, maxListItem
	maxListPage, maxListItem = page, item
	return func() { maxListPage, maxListItem = oldPage, oldItem }
}
