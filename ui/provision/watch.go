package provision

import (
	"context"
	"fmt"
	"strings"
	"time"

	"sfstore/api"
)

// Outcomes of the watch.
const (
	OutcomeSynced    = "synced"    // a user is synced
	OutcomeFailed    = "failed"    // syncState FAILED
	OutcomeTimedOut  = "timed out" // --wait ran out first
	OutcomeNotWaited = "not waited"
)

// Watch polls a store's syncStatus until the first user is synced, the
// sync FAILED, or Wait runs out. Its clock and sleep are fields so tests
// never really wait.
type Watch struct {
	Interval time.Duration // between polls; 5 s by default
	Wait     time.Duration // how long to watch in all
	Now      func() time.Time
	Sleep    func(ctx context.Context, d time.Duration) error
}

// defaultInterval is the reference sketch's poll interval (§6 step 10).
const defaultInterval = 5 * time.Second

// Figures are the sync figures a poll read.
type Figures struct {
	State      string `json:"syncState,omitempty"`
	Synced     int    `json:"successCount"`
	Failed     int    `json:"failedCount"`
	Total      int    `json:"userTotal"`
	LastSyncAt string `json:"lastSyncAt,omitempty"`
	Details    string `json:"details,omitempty"`
}

// FiguresOf reads a store's syncStatus; nil reads as nothing synced yet.
func FiguresOf(ss *api.SyncStatus) Figures {
	if ss == nil {
		return Figures{}
	}
	return Figures{State: ss.SyncState, Synced: ss.SuccessCount, Failed: ss.FailedCount, Total: ss.UserTotal,
		LastSyncAt: ss.LastSyncAt, Details: ss.Details}
}

// Line is the figures in one line for the progress display, short enough
// for 80 columns.
func (f Figures) Line() string {
	state := f.State
	if state == "" {
		state = "not synced yet"
	}
	last := "never"
	if f.LastSyncAt != "" {
		last = f.LastSyncAt
		if t, err := api.ParseTime(f.LastSyncAt); err == nil {
			last = t.UTC().Format("15:04:05 UTC")
		}
	}
	// What matters first: a narrow screen cuts the end.
	return fmt.Sprintf("%s · synced %d of %d · failed %d · last sync %s", state, f.Synced, f.Total, f.Failed, last)
}

// WatchResult is how the watch ended and the figures it last read.
type WatchResult struct {
	Outcome string
	Figures Figures
	Polls   int
	LastErr error // the last poll's error, when it failed
}

// Run polls get until an outcome. baseline is the status before this run
// published (nil when it did not): while the store still shows exactly
// that status, PingOne has not started the resync, so it is neither
// success nor failure yet. report receives each poll's figures, or the
// poll's error: a read that fails is tried again at the next poll (the
// writes are in; a passing network fault must not end the watch), and
// only Ctrl-C or the deadline end it.
func (w Watch) Run(ctx context.Context, get func(context.Context) (*api.SyncStatus, error), baseline *Figures, report func(Figures, error)) (WatchResult, error) {
	now, sleep, interval := w.Now, w.Sleep, w.Interval
	if now == nil {
		now = time.Now
	}
	if sleep == nil {
		sleep = sleepCtx
	}
	if interval <= 0 {
		interval = defaultInterval
	}
	deadline := now().Add(w.Wait)
	var res WatchResult
	for {
		ss, err := get(ctx)
		res.Polls++
		switch {
		case ctx.Err() != nil:
			return res, ctx.Err()
		case err != nil:
			res.LastErr = err
			report(res.Figures, err)
		default:
			res.Figures, res.LastErr = FiguresOf(ss), nil
			report(res.Figures, nil)
			if out := judge(res.Figures, baseline); out != "" {
				res.Outcome = out
				return res, nil
			}
		}
		left := deadline.Sub(now())
		if left <= 0 {
			res.Outcome = OutcomeTimedOut
			return res, nil
		}
		if err := sleep(ctx, min(interval, left)); err != nil {
			return res, err
		}
	}
}

// judge says whether f ends the watch. A status unchanged since the
// baseline is stale: the resync the revision starts has not reported yet.
func judge(f Figures, baseline *Figures) string {
	if baseline != nil && f == *baseline {
		return ""
	}
	switch {
	case strings.EqualFold(f.State, api.SyncStateFailed):
		return OutcomeFailed
	case f.Synced >= 1:
		return OutcomeSynced
	}
	return ""
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
