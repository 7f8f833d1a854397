package secretscmd_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/secretscmd"
	"sfstore/ui/settings"
	"sfstore/ui/settings/settingstest"
)

const (
	domain    = "acme.my.salesforce.com"
	clientID  = "3MVG9consumerKey"
	workerEnv = "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6"
	workerID  = "6a4e7e1c-5d0f-4f3e-9a51-2b8f0c7d9e10"
)

// saved is a keyring holding one Salesforce app's three secrets and one
// worker app's, all sentinels.
func saved(t *testing.T, opts ...secrets.Option) *secrets.Keyring {
	t.Helper()
	kr := secrets.NewMemory(opts...)
	for account, v := range map[string]string{
		secrets.SalesforceAccount(domain, clientID, secrets.ClientSecret): settingstest.ClientSecret,
		secrets.SalesforceAccount(domain, clientID, secrets.AccessToken):  settingstest.AccessToken,
		secrets.SalesforceAccount(domain, clientID, secrets.RefreshToken): settingstest.RefreshToken,
		secrets.PingOneAccount(workerEnv, workerID):                       settingstest.WorkerSecret,
	} {
		if err := kr.Set(context.Background(), account, v); err != nil {
			t.Fatal(err)
		}
	}
	return kr
}

type run struct {
	s        *ui.Session
	out, err bytes.Buffer
}

func session(t *testing.T, kr *secrets.Keyring, json bool) *run {
	t.Helper()
	r := &run{}
	r.s = ui.NewSession(context.Background(), settings.Defaults(), ui.Options{Keyring: kr, JSON: json, NoInput: true},
		ui.Streams{Out: &r.out, Err: &r.err, OutWidth: 80, ErrWidth: 80})
	t.Cleanup(func() {
		if all := r.out.String() + r.err.String(); strings.Contains(all, settingstest.Marker) {
			t.Errorf("a saved value shows:\n%s", all)
		}
	})
	return r
}

func TestListNamesEachSavedSecretAndItsAppNeverItsValue(t *testing.T) {
	r := session(t, saved(t), false)
	if err := secretscmd.List(context.Background(), r.s); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(r.out.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines, want one a secret:\n%s", len(lines), r.out.String())
	}
	for _, want := range []string{"CLIENT_SECRET", "OAUTH_ACCESS_TOKEN", "OAUTH_REFRESH_TOKEN",
		"Salesforce " + domain + ", client ID " + clientID, "PingOne worker app " + workerID + " in environment " + workerEnv, "saved 20"} {
		if !strings.Contains(r.out.String(), want) {
			t.Errorf("list lacks %q:\n%s", want, r.out.String())
		}
	}
}

func TestListJSONIsTheEntriesAndAnEmptyListWhenNothingIsSaved(t *testing.T) {
	r := session(t, saved(t), true)
	if err := secretscmd.List(context.Background(), r.s); err != nil {
		t.Fatal(err)
	}
	var entries []secrets.Entry
	if err := json.Unmarshal(r.out.Bytes(), &entries); err != nil || len(entries) != 4 {
		t.Fatalf("list --json = %v, %d entries:\n%s", err, len(entries), r.out.String())
	}
	r = session(t, secrets.NewMemory(), true)
	if err := secretscmd.List(context.Background(), r.s); err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(r.out.String()); got != "[]" {
		t.Errorf("list --json of an empty keyring = %q, want []", got)
	}
	r = session(t, secrets.NewMemory(), false)
	if err := secretscmd.List(context.Background(), r.s); err != nil || !strings.Contains(r.out.String(), "saved no secrets") {
		t.Errorf("list of an empty keyring = %v, %q", err, r.out.String())
	}
}

// Names in the keyring come from whatever else can write it: they reach
// the terminal inert.
func TestListMakesNamesFromTheKeyringInert(t *testing.T) {
	kr := secrets.NewMemory()
	if err := kr.Set(context.Background(), secrets.SalesforceAccount("evil\x1b]0;pwned\x07.my.salesforce.com", "id\x1b[2J", secrets.ClientSecret), settingstest.ClientSecret); err != nil {
		t.Fatal(err)
	}
	r := session(t, kr, false)
	if err := secretscmd.List(context.Background(), r.s); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(r.out.String(), '\x1b') || strings.ContainsRune(r.out.String(), '\a') {
		t.Errorf("an escape reached the output: %q", r.out.String())
	}
}

func TestForgetRemovesOneAppsSecretsByItsNames(t *testing.T) {
	kr := saved(t)
	r := session(t, kr, false)
	err := secretscmd.Forget(context.Background(), r.s, secretscmd.Target{SalesforceDomain: "https://ACME.my.salesforce.com/", ClientID: clientID})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.err.String(), "Removed 3 saved secrets.") {
		t.Errorf("stderr:\n%s", r.err.String())
	}
	entries, _ := kr.List(context.Background())
	if len(entries) != 1 || entries[0].Kind != secrets.KindPingOne {
		t.Fatalf("left %+v, want the worker app's", entries)
	}
	// Again: nothing is there, nothing fails.
	r = session(t, kr, false)
	if err := secretscmd.Forget(context.Background(), r.s, secretscmd.Target{SalesforceDomain: domain, ClientID: clientID}); err != nil || !strings.Contains(r.err.String(), "Removed 0 saved secrets.") {
		t.Errorf("forget again = %v:\n%s", err, r.err.String())
	}
	// The worker app's, its environment ID in any case.
	r = session(t, kr, false)
	if err := secretscmd.Forget(context.Background(), r.s, secretscmd.Target{WorkerEnvironmentID: strings.ToUpper(workerEnv), WorkerClientID: workerID}); err != nil {
		t.Fatal(err)
	}
	if entries, _ := kr.List(context.Background()); len(entries) != 0 {
		t.Errorf("left %+v", entries)
	}
}

func TestForgetAllRemovesEverySavedSecret(t *testing.T) {
	kr := saved(t)
	r := session(t, kr, false)
	if err := secretscmd.Forget(context.Background(), r.s, secretscmd.Target{All: true}); err != nil {
		t.Fatal(err)
	}
	if entries, _ := kr.List(context.Background()); len(entries) != 0 {
		t.Errorf("left %+v", entries)
	}
	if !strings.Contains(r.err.String(), "Removed 4 saved secrets") || strings.Count(r.err.String(), "removed ") != 4 {
		t.Errorf("stderr:\n%s", r.err.String())
	}
}

func TestForgetWithoutATargetSaysWhatToGive(t *testing.T) {
	r := session(t, saved(t), false)
	for _, target := range []secretscmd.Target{{}, {SalesforceDomain: domain}, {WorkerClientID: workerID}} {
		if err := secretscmd.Forget(context.Background(), r.s, target); !errors.Is(err, secretscmd.ErrForgetWhat) {
			t.Errorf("forget %+v = %v", target, err)
		}
	}
}

// failingBackend is a keyring whose deletes fail, as a locked one's can.
type failingBackend struct{ secrets.Backend }

func (failingBackend) Delete(string, string) error { return errors.New("the keyring is locked") }

func TestForgetThatTheKeyringRefusesSaysSo(t *testing.T) {
	kr := saved(t, secrets.WithBackend(failingBackend{secrets.NewMemoryBackend()}))
	r := session(t, kr, false)
	err := secretscmd.Forget(context.Background(), r.s, secretscmd.Target{SalesforceDomain: domain, ClientID: clientID})
	if err == nil || !strings.Contains(err.Error(), "the keyring is locked") || !strings.Contains(err.Error(), "remove ") {
		t.Errorf("forget with a locked keyring = %v", err)
	}
	r = session(t, kr, false)
	err = secretscmd.Forget(context.Background(), r.s, secretscmd.Target{All: true})
	var shown *ui.ShownError
	if !errors.As(err, &shown) || !strings.Contains(r.err.String(), "could not remove") {
		t.Errorf("forget --all with a locked keyring = %v:\n%s", err, r.err.String())
	}
}

func TestWithoutAKeyringNothingIsListedOrForgotten(t *testing.T) {
	r := session(t, nil, false)
	if err := secretscmd.List(context.Background(), r.s); err == nil || !strings.Contains(err.Error(), "no keyring") {
		t.Errorf("list without a keyring = %v", err)
	}
	gone := secrets.NewMemory(secrets.WithProbe(func() error { return &secrets.UnavailableError{Reason: "no D-Bus session"} }))
	r = session(t, gone, false)
	if err := secretscmd.Forget(context.Background(), r.s, secretscmd.Target{All: true}); err == nil || !strings.Contains(err.Error(), "no D-Bus session") {
		t.Errorf("forget with an unavailable keyring = %v", err)
	}
}

// The demo's keyring is its own: the list says so, its JSON does not.
func TestListInTheDemoSaysDEMO(t *testing.T) {
	for _, asJSON := range []bool{false, true} {
		r := session(t, secrets.NewMemory(), asJSON)
		r.s.Opts.Demo = true
		if err := secretscmd.List(context.Background(), r.s); err != nil {
			t.Fatal(err)
		}
		if got := r.out.String(); strings.Contains(got, "DEMO") == asJSON {
			t.Errorf("the demo's list (JSON %v):\n%s", asJSON, got)
		}
	}
}
