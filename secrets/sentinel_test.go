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

// No error the package returns may carry a secret, whatever the backend does.
func TestNoErrorEverContainsTheSecret(t *testing.T) {
	backends := map[string]secrets.Backend{
		"echoing":  echoBackend{},
		"other":    failingBackend{errors.New("boom")},
		"too big":  failingBackend{keyring.ErrSetDataTooBig},
		"missing":  failingBackend{keyring.ErrNotFound},
		"blocking": newBlockingBackend(t, secrets.NewMemoryBackend()),
	}
	for _, f := range goKeyringFailures {
		backends[f.err.Error()] = failingBackend{f.err}
	}
	ctx := context.Background()
	for name, b := range backends {
		k := secrets.New(noProbe, secrets.WithBackend(b), secrets.WithTimeout(20*time.Millisecond))
		got, getErr := k.Get(ctx, acct)
		if got != "" && getErr != nil {
			t.Errorf("%s: Get returned a value with an error", name)
		}
		_, listErr := k.List(ctx)
		for _, err := range []error{k.Set(ctx, acct, sentinel), getErr, listErr, k.Set(ctx, acct, strings.Repeat(sentinel, 200))} {
			assertNoSentinel(t, err)
		}
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	assertNoSentinel(t, secrets.NewMemory().Set(cancelled, acct, sentinel))
}

func TestEchoedSecretIsRedactedButTheRestKept(t *testing.T) {
	err := secrets.New(noProbe, secrets.WithBackend(echoBackend{})).Set(context.Background(), acct, sentinel)
	if err == nil || !strings.Contains(err.Error(), "[redacted]") || !strings.Contains(err.Error(), acct) {
		t.Fatalf("Set = %v", err)
	}
}
