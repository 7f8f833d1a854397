package secrets_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"sfstore/secrets"
)

// raceWindowBackend widens the index's read-modify-write window the way a
// slow Secret Service does: the first reads of the index head, once they
// have read, wait until want of them hold the same old state, or for
// patience at most; later reads pass straight through. Under a working lock
// only one reader can be inside, so the wait ends by patience, once.
type raceWindowBackend struct {
	secrets.Backend
	want     int
	patience time.Duration
	mu       sync.Mutex
	waiting  int
	open     chan struct{}
	once     sync.Once
}

func newRaceWindowBackend(next secrets.Backend, want int) *raceWindowBackend {
	return &raceWindowBackend{Backend: next, want: want, patience: 300 * time.Millisecond, open: make(chan struct{})}
}

func (b *raceWindowBackend) Get(service, user string) (string, error) {
	v, err := b.Backend.Get(service, user)
	if user == secrets.IndexAccount {
		b.hold()
	}
	return v, err
}

func (b *raceWindowBackend) hold() {
	b.mu.Lock()
	select {
	case <-b.open:
		b.mu.Unlock()
		return
	default:
	}
	b.waiting++
	if b.waiting >= b.want {
		b.once.Do(func() { close(b.open) })
	}
	b.mu.Unlock()
	timer := time.NewTimer(b.patience)
	defer timer.Stop()
	select {
	case <-b.open:
	case <-timer.C:
		b.once.Do(func() { close(b.open) })
	}
}

// Several Keyrings saving at once, each from its own goroutines, are what
// several sfstore processes are; all of their names must be indexed.
func TestConcurrentKeyringsIndexEveryName(t *testing.T) {
	lock := filepath.Join(t.TempDir(), "index.lock")
	shared := newRaceWindowBackend(secrets.NewMemoryBackend(), 4)
	var keyrings []*secrets.Keyring
	for range 4 {
		keyrings = append(keyrings, secrets.New(noProbe, secrets.WithBackend(shared), secrets.WithLockFile(lock)))
	}
	var want []string
	var wg sync.WaitGroup
	for i, k := range keyrings {
		for j := range 3 {
			a := secrets.PingOneAccount(fmt.Sprint("env-", i), fmt.Sprint("client-", j))
			want = append(want, a)
			wg.Go(func() {
				if err := k.Set(context.Background(), a, "v"); err != nil {
					t.Errorf("Set %s: %v", a, err)
				}
			})
		}
	}
	wg.Wait()
	requireListed(t, keyrings[0], want...)
}

// interloper stands in for a writer without the lock (an older sfstore, or
// one whose lock file is elsewhere): right after this sfstore first writes
// an index item, it writes its own view of the index, as if it had read the
// index just before.
type interloper struct {
	secrets.Backend
	times int // how many of our index writes it follows; 0 means once
	mu    sync.Mutex
	done  int
	write func(b secrets.Backend)
}

func (b *interloper) Set(service, user, password string) error {
	err := b.Backend.Set(service, user, password)
	if err != nil || !isIndexItem(user) {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.done < max(b.times, 1) {
		b.done++
		b.write(b.Backend)
	}
	return nil
}

func v1Head(accounts ...string) string {
	var entries []string
	for _, a := range accounts {
		entries = append(entries, fmt.Sprintf(`{"account":%q,"savedAt":"2025-01-02T03:04:05Z"}`, a))
	}
	return `{"version":1,"entries":[` + strings.Join(entries, ",") + `]}`
}

// An older sfstore reads the head (no names in version 2), adds its own and
// writes it back as version 1 while this one is writing: both names stay.
func TestOlderSfstoreWritingMeanwhileLosesNoName(t *testing.T) {
	old := secrets.PingOneAccount("old", "writer")
	mem := secrets.NewMemoryBackend()
	b := &interloper{Backend: mem, write: func(b secrets.Backend) {
		_ = b.Set(secrets.Service, old, "v")
		_ = b.Set(secrets.Service, secrets.IndexAccount, v1Head(old))
	}}
	k := secrets.New(noProbe, secrets.WithBackend(b), secrets.WithLockFile(""))
	if err := k.Set(context.Background(), acct, "v"); err != nil {
		t.Fatal(err)
	}
	requireListed(t, k, acct, old)
}

// A writer without the lock overwrites the part this sfstore just wrote;
// reading it back shows the name missing, so it is written again, merged.
func TestLocklessWriterIsMergedByReadingBack(t *testing.T) {
	ctx := context.Background()
	mem := secrets.NewMemoryBackend()
	first, other := secrets.PingOneAccount("e", "first"), secrets.PingOneAccount("e", "other")
	if err := secrets.New(noProbe, secrets.WithBackend(mem), secrets.WithLockFile("")).Set(ctx, first, "v"); err != nil {
		t.Fatal(err)
	}
	part, _ := mem.Get(secrets.Service, "index/1")
	theirs := strings.Replace(part, `]}`, fmt.Sprintf(`,{"account":%q,"savedAt":"2025-01-02T03:04:05Z"}]}`, other), 1)
	b := &interloper{Backend: mem, write: func(b secrets.Backend) { _ = b.Set(secrets.Service, "index/1", theirs) }}
	k := secrets.New(noProbe, secrets.WithBackend(b), secrets.WithLockFile(""))
	if err := k.Set(ctx, acct, "v"); err != nil {
		t.Fatal(err)
	}
	requireListed(t, k, first, other, acct)
}

// A writer that keeps undoing every write wins, after a bounded number of
// attempts, and Set says so instead of claiming the name is indexed.
func TestEndlessRaceGivesUpWithAnError(t *testing.T) {
	mem := secrets.NewMemoryBackend()
	b := &interloper{Backend: mem, times: 100, write: func(b secrets.Backend) {
		_ = b.Set(secrets.Service, "index/1", `{"version":2,"entries":[]}`)
	}}
	k := secrets.New(noProbe, secrets.WithBackend(b), secrets.WithLockFile(""))
	err := k.Set(context.Background(), acct, "v")
	if err == nil || !strings.Contains(err.Error(), "kept changing") || !strings.Contains(err.Error(), "gave up after") {
		t.Fatalf("Set = %v, want a bounded give-up", err)
	}
	if b.done > 10 {
		t.Errorf("wrote the index %d times", b.done)
	}
}
