package secrets_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"sfstore/secrets"
)

func TestBlockedKeyringTimesOut(t *testing.T) {
	keyring.MockInit()
	b := newBlockingBackend(t, secrets.NewMemoryBackend())
	k := secrets.New(noProbe, secrets.WithBackend(b), secrets.WithTimeout(50*time.Millisecond))
	start := time.Now()
	_, err := k.Get(context.Background(), acct)
	var te *secrets.TimeoutError
	if !errors.As(err, &te) || te.Op != "get" || te.After != 50*time.Millisecond || secrets.Classify(err) != secrets.TimedOut {
		t.Fatalf("Get = %v, want a 50ms get timeout", err)
	}
	if !strings.Contains(err.Error(), "within 50ms while trying to get a secret (locked, or waiting for an unlock window?)") {
		t.Errorf("message = %q", err)
	}
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("took %v", elapsed)
	}
}

func TestCancelledContextReturnsPromptly(t *testing.T) {
	b := newBlockingBackend(t, secrets.NewMemoryBackend())
	k := secrets.New(noProbe, secrets.WithBackend(b), secrets.WithTimeout(time.Hour))
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-b.started // cancel once go-keyring is "waiting for the prompt"
		cancel()
	}()
	start := time.Now()
	err := k.Set(ctx, acct, "v")
	if !errors.Is(err, context.Canceled) || secrets.Classify(err) != secrets.Cancelled {
		t.Fatalf("Set = %v, want cancelled", err)
	}
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("took %v", elapsed)
	}
}

func TestCancelledContextNeverReachesTheBackend(t *testing.T) {
	keyring.MockInit()
	c := &countingBackend{}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := secrets.New(noProbe, secrets.WithBackend(c)).Get(ctx, acct)
	if !errors.Is(err, context.Canceled) || c.calls.Load() != 0 {
		t.Fatalf("Get = %v after %d backend calls", err, c.calls.Load())
	}
}

// A Set given up on may still land once the keyring answers: this is the
// documented cost of go-keyring having no context.
func TestTimedOutSetMayStillLandLater(t *testing.T) {
	mem := secrets.NewMemoryBackend()
	b := newBlockingBackend(t, mem)
	k := secrets.New(noProbe, secrets.WithBackend(b), secrets.WithTimeout(20*time.Millisecond))
	if err := k.Set(context.Background(), acct, "late"); secrets.Classify(err) != secrets.TimedOut {
		t.Fatalf("Set = %v, want timed out", err)
	}
	b.unblock()
	if err := <-b.finished; err != nil {
		t.Fatalf("late Set failed: %v", err)
	}
	if got, err := mem.Get(secrets.Service, acct); got != "late" || err != nil {
		t.Fatalf("backend holds %q, %v", got, err)
	}
	if entries, _ := secrets.New(noProbe, secrets.WithBackend(mem)).List(context.Background()); len(entries) != 0 {
		t.Errorf("a timed-out Set was indexed: %+v", entries)
	}
}
