package secrets_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/zalando/go-keyring"

	"sfstore/secrets"
)

func TestMemoryKeyringRoundTrip(t *testing.T) {
	k, ctx := secrets.NewMemory(), context.Background()
	if err := k.Set(ctx, acct, "v1"); err != nil {
		t.Fatal(err)
	}
	if err := k.Set(ctx, acct, "v2"); err != nil {
		t.Fatal(err)
	}
	if got, err := k.Get(ctx, acct); got != "v2" || err != nil {
		t.Fatalf("Get = %q, %v", got, err)
	}
	if err := k.Delete(ctx, acct); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Get(ctx, acct); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatalf("Get after Delete = %v", err)
	}
}

func TestMemoryKeyringNeverTouchesTheOS(t *testing.T) {
	keyring.MockInitWithError(errors.New("the OS keyring was called"))
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	k, ctx := secrets.NewMemory(), context.Background()
	if err := k.Available(); err != nil {
		t.Fatalf("Available = %v", err)
	}
	if err := k.Set(ctx, acct, "v"); err != nil {
		t.Fatalf("Set = %v", err)
	}
	if _, err := k.List(ctx); err != nil {
		t.Fatalf("List = %v", err)
	}
}

func TestMemoryKeyringIsSafeForConcurrentUse(t *testing.T) {
	k, ctx := secrets.NewMemory(), context.Background()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			a := secrets.PingOneAccount("env", fmt.Sprint("client-", i))
			if err := k.Set(ctx, a, "v"); err != nil {
				t.Error(err)
			}
			if _, err := k.Get(ctx, a); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if entries, err := k.List(ctx); err != nil || len(entries) != 8 {
		t.Fatalf("List = %d entries, %v; want 8 (the index lock lost a name?)", len(entries), err)
	}
}
