package provision

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/settings"
)

// clock is the watch's clock in tests: a sleep moves it on at once.
type clock struct{ t time.Time }

func (c *clock) watch(wait time.Duration) Watch {
	return Watch{Wait: wait, Interval: 5 * time.Second, Now: func() time.Time { return c.t },
		Sleep: func(ctx context.Context, d time.Duration) error { c.t = c.t.Add(d); return ctx.Err() }}
}

type run struct {
	out, err string
	e        error
}

// all is everything the run printed.
func (r run) all() string { return r.out + r.err }

// provisionRun runs provision as a script against f, and checks that no
// secret shows in anything it printed.
func provisionRun(t *testing.T, ctx context.Context, f *fakeP1, o Options, json bool) run {
	t.Helper()
	return provisionRunWith(t, ctx, f, o, json, nil)
}

// provisionRunWith is provisionRun with the session's options changed by
// tweak first (the demo, say).
func provisionRunWith(t *testing.T, ctx context.Context, f *fakeP1, o Options, json bool, tweak func(*ui.Options)) run {
	t.Helper()
	var out, errOut bytes.Buffer
	a := settings.Defaults()
	a.AuthMethod, a.PingOneAccessToken, a.EnvironmentID = settings.AuthPastedToken, sentinelP1Token, fakeEnv
	opts := ui.Options{APIURL: f.srv.URL, AuthURL: f.srv.URL, NoInput: true, JSON: json, DryRun: o.DryRun, Keyring: secrets.NewMemory()}
	var debug bytes.Buffer
	opts.Debug = &debug
	if tweak != nil {
		tweak(&opts)
	}
	s := ui.NewSession(ctx, a, opts, ui.Streams{Out: &out, Err: &errOut, OutWidth: 80, ErrWidth: 80})
	if o.Store == "" {
		o.Store = f.storeID()
	}
	if o.Watch.Now == nil {
		c := &clock{t: time.Date(2026, 12, 7, 1, 0, 0, 0, time.UTC)}
		w := c.watch(o.Watch.Wait)
		o.Watch = w
	}
	err := Run(ctx, s, NewScript(s), o)
	r := run{out: out.String(), err: errOut.String(), e: err}
	for _, v := range []string{sentinelSecret, sentinelAccess, sentinelRefresh, sentinelP1Token} {
		if strings.Contains(r.all()+debug.String(), v) {
			t.Errorf("a secret showed in the output:\n%s\n%s\n%s", r.out, r.err, debug.String())
		}
	}
	return r
}
