package stores

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"sfstore/api"
	"sfstore/api/simulator"
	"sfstore/ui"
	"sfstore/ui/settings"
	"sfstore/ui/settings/settingstest"
)

// onePUT is the body of the one PUT sent.
func (b *bench) onePUT(t *testing.T) api.UpdateSalesforceStoreRequest {
	t.Helper()
	puts := b.apiRequests("PUT")
	if len(puts) != 1 {
		t.Fatalf("%d PUTs, want one", len(puts))
	}
	var sent api.UpdateSalesforceStoreRequest
	if err := json.Unmarshal(puts[0].Body, &sent); err != nil {
		t.Fatal(err)
	}
	return sent
}

// An edit sends the whole store once with only what changed, shows the
// change first, and sends nothing when nothing changes.
func TestEditSendsOnlyTheChangeInOnePUT(t *testing.T) {
	b := newBench(t, simulator.Options{})
	before, _ := b.stored(t, failedID)
	r := b.session(t, nil)
	describe := func(a *settings.Answers) error { a.Description, a.FreezeUsers = "Partners", true; return nil }
	if _, err := Edit(context.Background(), r.s, NewScript(r.s, false), failedName, describe); err != nil {
		t.Fatalf("edit: %v\n%s", err, r.err.String())
	}
	want := before.Request()
	want.Description, want.Configuration.FreezeUserFlag = "Partners", true
	if got := b.onePUT(t); !reflect.DeepEqual(got, want) {
		t.Errorf("PUT body:\n got %+v\nwant %+v", got.Masked(), want.Masked())
	}
	if !strings.Contains(r.err.String(), "Changes to the store") || !strings.Contains(r.err.String(), "Partners") {
		t.Errorf("stderr lacks the change:\n%s", r.err.String())
	}

	r = b.session(t, func(_ *settings.Answers, o *ui.Options) { o.JSON = true })
	st, err := Edit(context.Background(), r.s, NewScript(r.s, false), failedName, describe)
	if err != nil || st == nil || st.ID != failedID || len(b.apiRequests("PUT")) != 1 || !strings.Contains(r.err.String(), "Nothing to change") {
		t.Fatalf("an edit that changes nothing: %v, %d PUTs in all:\n%s", err, len(b.apiRequests("PUT")), r.err.String())
	}
	var shown api.Store
	if err := json.Unmarshal(r.out.Bytes(), &shown); err != nil || shown.ID != failedID {
		t.Errorf("--json of an edit that changes nothing: %v\n%s", err, r.out.String())
	}
}

// A new Salesforce domain never goes to PingOne with the old app's
// secrets: a script must supply the new app's.
func TestEditOfTheAppNeedsTheNewAppsSecrets(t *testing.T) {
	b := newBench(t, simulator.Options{})
	move := func(a *settings.Answers) error {
		return settings.FieldSalesforceDomain.Set(a, "other.my.salesforce.com")
	}
	r := b.session(t, nil)
	_, err := Edit(context.Background(), r.s, NewScript(r.s, false), failedID, move)
	var input *settings.InputError
	if !errors.As(err, &input) || !strings.Contains(err.Error(), "the Salesforce domain or client ID changes") || len(b.apiRequests("PUT")) != 0 {
		t.Fatalf("edit of the domain without secrets = %v", err)
	}
	r = b.session(t, func(a *settings.Answers, _ *ui.Options) {
		a.ClientSecret, a.SalesforceAccessToken, a.SalesforceRefreshToken = settingstest.ClientSecret, newAccess, newRefresh
	})
	if _, err := Edit(context.Background(), r.s, NewScript(r.s, false), failedID, move); err != nil {
		t.Fatalf("edit of the domain with secrets: %v\n%s", err, r.err.String())
	}
	if c := b.onePUT(t).Configuration; c.SalesforceDomain != "other.my.salesforce.com" || c.OAuthAccessToken != newAccess {
		t.Errorf("PUT configuration = %+v", c.Masked())
	}
}

// What apply refuses ends the edit before anything is sent.
func TestEditStopsOnAFlagItCannotApply(t *testing.T) {
	b := newBench(t, simulator.Options{})
	r := b.session(t, nil)
	bad := &settings.InputError{Problems: []string{"--profile-id: not an ID"}}
	if _, err := Edit(context.Background(), r.s, NewScript(r.s, false), healthyID, func(*settings.Answers) error { return bad }); !errors.Is(err, bad) {
		t.Fatalf("edit = %v", err)
	}
	if n := len(b.apiRequests("PUT")); n != 0 {
		t.Errorf("%d PUTs", n)
	}
}

// An edit replaces the app's secrets the keyring held with the store's,
// though the person chose not to save, so the next command is not offered
// a session the store no longer uses.
func TestEditRefreshesTheAppsSavedSecrets(t *testing.T) {
	b := newBench(t, simulator.Options{})
	app := b.saveApp(t, failedID)
	if err := b.kr.Set(context.Background(), ui.SalesforceSecrets(app)[1].Account, "stale"); err != nil {
		t.Fatal(err)
	}
	r := b.session(t, func(a *settings.Answers, _ *ui.Options) { a.SaveSecrets = false })
	describe := func(a *settings.Answers) error { a.Description = "Partners"; return nil }
	if _, err := Edit(context.Background(), r.s, NewScript(r.s, false), failedID, describe); err != nil {
		t.Fatalf("edit: %v\n%s", err, r.err.String())
	}
	got, err := b.kr.Get(context.Background(), ui.SalesforceSecrets(app)[1].Account)
	if err != nil || got != oldAccess {
		t.Errorf("the keyring's access token is not the store's new one (%v)", err)
	}
	if !strings.Contains(flat(r.err.String()), "Replaced the app's saved secrets") {
		t.Errorf("stderr:\n%s", r.err.String())
	}
}
