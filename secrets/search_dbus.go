//go:build linux || freebsd || openbsd || netbsd || dragonfly

package secrets

import (
	"context"
	"fmt"

	"github.com/godbus/dbus/v5"
)

// secretServiceSearcher searches the Secret Service, where go-keyring stores
// items with the attributes "service" and "username".
type secretServiceSearcher struct{}

func osSearcher() Searcher { return secretServiceSearcher{} }

// osLookHint says where the user can look for items sfstore left behind.
func osLookHint() string {
	return "look with `secret-tool search --all service " + Service + "`"
}

// osNotSearchable is used only when the search was turned off, since this OS
// can be searched.
func osNotSearchable() string {
	return "the keyring was not searched, so only sfstore's index of saved names was used; " + osLookHint()
}

// SearchAccounts calls Service.SearchItems on the session bus and reads the
// attributes of every item found, locked or unlocked (attributes are public
// even on locked items, so no unlock prompt can appear). It opens its own
// connection without autolaunch: godbus would otherwise exec dbus-launch
// when no bus address is known, which the probe also guards against.
func (secretServiceSearcher) SearchAccounts(ctx context.Context, service string) ([]string, error) {
	conn, err := dbus.SessionBusPrivateNoAutoStartup(dbus.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { _ = conn.Close() }) // unblocks Auth and Hello too
	defer stop()
	if err := conn.Auth(nil); err != nil {
		return nil, err
	}
	if err := conn.Hello(); err != nil {
		return nil, err
	}
	var unlocked, locked []dbus.ObjectPath
	err = conn.Object("org.freedesktop.secrets", "/org/freedesktop/secrets").
		CallWithContext(ctx, "org.freedesktop.Secret.Service.SearchItems", 0, map[string]string{"service": service}).
		Store(&unlocked, &locked)
	if err != nil {
		return nil, fmt.Errorf("search the Secret Service: %w", err)
	}
	accounts := make([]string, 0, len(unlocked)+len(locked))
	for _, path := range append(unlocked, locked...) {
		var v dbus.Variant
		err := conn.Object("org.freedesktop.secrets", path).
			CallWithContext(ctx, "org.freedesktop.DBus.Properties.Get", 0, "org.freedesktop.Secret.Item", "Attributes").
			Store(&v)
		if err != nil {
			return nil, fmt.Errorf("read the attributes of %s: %w", path, err)
		}
		attrs, _ := v.Value().(map[string]string)
		accounts = append(accounts, attrs["username"]) // "" when missing: see Searcher
	}
	return accounts, nil
}
