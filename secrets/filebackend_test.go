package secrets_test

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/zalando/go-keyring"

	"sfstore/secrets"
)

// fileBackend is a keyring that processes share: a JSON file of items, each
// call atomic under its own file lock, as each Secret Service call is. It is
// a fake of the OS keyring for the multi-process test, never a place for
// real secrets. It knows all its items, so it is a Searcher too.
type fileBackend struct{ path string }

func (b fileBackend) update(f func(items map[string]string) bool) error {
	release, err := secrets.LockFileForTest(b.path+".lock", 20*time.Second)
	if err != nil {
		return err
	}
	defer release()
	items := make(map[string]string)
	data, err := os.ReadFile(b.path)
	switch {
	case err == nil:
		if err := json.Unmarshal(data, &items); err != nil {
			return err
		}
	case !errors.Is(err, fs.ErrNotExist):
		return err
	}
	if !f(items) {
		return nil
	}
	data, err = json.Marshal(items)
	if err != nil {
		return err
	}
	return os.WriteFile(b.path, data, 0o600)
}

func itemKey(service, user string) string { return service + "\x00" + user }

func (b fileBackend) Get(service, user string) (string, error) {
	var v string
	found := false
	if err := b.update(func(items map[string]string) bool {
		v, found = items[itemKey(service, user)]
		return false
	}); err != nil {
		return "", err
	}
	if !found {
		return "", keyring.ErrNotFound
	}
	return v, nil
}

func (b fileBackend) Set(service, user, password string) error {
	return b.update(func(items map[string]string) bool {
		items[itemKey(service, user)] = password
		return true
	})
}

func (b fileBackend) Delete(service, user string) (err error) {
	uerr := b.update(func(items map[string]string) bool {
		if _, ok := items[itemKey(service, user)]; !ok {
			err = keyring.ErrNotFound
			return false
		}
		delete(items, itemKey(service, user))
		return true
	})
	return errors.Join(uerr, err)
}

func (b fileBackend) SearchAccounts(_ context.Context, service string) ([]string, error) {
	var accounts []string
	err := b.update(func(items map[string]string) bool {
		for k := range items {
			if s, user, _ := strings.Cut(k, "\x00"); s == service {
				accounts = append(accounts, user)
			}
		}
		return false
	})
	slices.Sort(accounts)
	return accounts, err
}
