package stores

import (
	"strings"
	"testing"
	"time"

	"sfstore/api"
	"sfstore/api/simulator"
)

func TestCauseOfSortsFailuresIntoWhatFixesThem(t *testing.T) {
	tests := []struct {
		text string
		want Cause
	}{
		{simulator.SalesforceSessionExpired, CauseSession},
		{`{"error":"invalid_grant","error_description":"expired access/refresh token"}`, CauseSession},
		{"Salesforce rejected the OAuth access token (INVALID_SESSION_ID)", CauseSession},
		{"The refresh token has been revoked", CauseSession},
		{"expired refresh token", CauseSession},
		{`[{"message":"invalid cross reference id","errorCode":"INVALID_CROSS_REFERENCE_KEY","fields":["ProfileId"]}]`, CauseProfile},
		{"Profile 00e5g000004Xq2b not found", CauseProfile},
		{"missing profile for new users", CauseProfile},
		{`{"error":"invalid_client","error_description":"invalid client credentials"}`, CauseClient},
		{"client secret was rejected", CauseClient},
		{`[{"message":"Your attempt to delete jsmith could not be completed","errorCode":"DELETE_FAILED"}]`, CauseOther},
		{"", CauseOther},
	}
	for _, tt := range tests {
		if got := CauseOf(tt.text); got != tt.want {
			t.Errorf("CauseOf(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

func TestReadableTurnsSalesforceErrorsIntoWords(t *testing.T) {
	tests := map[string]string{
		simulator.SalesforceSessionExpired:                                             "Session expired or invalid (INVALID_SESSION_ID)",
		`[{"message":"a","errorCode":"A"},{"message":"b"}]`:                            "a (A); b",
		`{"error":"invalid_grant","error_description":"expired access/refresh token"}`: "expired access/refresh token (invalid_grant)",
		"plain words":  "plain words",
		"[not json":    "[not json",
		`[{"x":1}]`:    `[{"x":1}]`,
		"  padded  \n": "padded",
	}
	for in, want := range tests {
		if got := Readable(in); got != want {
			t.Errorf("Readable(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDiagnosePointsEachFailureToItsCommand(t *testing.T) {
	stores := simulator.DemoStores(time.Now())
	healthy, failed := stores[0], stores[1]
	if d := Diagnose(healthy, "x"); d.State != "SYNCING" || d.Reason != "" || d.Command != "" || len(d.Next) != 0 {
		t.Errorf("healthy: %+v", d)
	}
	d := Diagnose(failed, `"Salesforce partner community"`)
	if d.State != "FAILED" || d.Cause != CauseSession || d.Command != `sfstore reconnect "Salesforce partner community"` || d.Details == "" {
		t.Errorf("failed: %+v", d)
	}
	failed.SyncStatus.Details = `[{"message":"invalid cross reference id","errorCode":"INVALID_CROSS_REFERENCE_KEY"}]`
	if d := Diagnose(failed, "id"); d.Command != "sfstore edit id" {
		t.Errorf("profile: %+v", d)
	}
	healthy.SyncStatus, healthy.Status = nil, api.StatusInactive
	d = Diagnose(healthy, "x")
	if d.State != "NOT_SYNCED" || len(d.Next) != 2 || !strings.Contains(d.Next[1].Command, "--active") {
		t.Errorf("never synced and inactive: %+v", d)
	}
	healthy.SyncStatus = &api.SyncStatus{SyncState: "SYNCING", FailedCount: 3, UserTotal: 10}
	if d := Diagnose(healthy, "x"); !strings.Contains(d.Reason, "3 of 10 users failed") || d.Command != "sfstore test x" {
		t.Errorf("syncing with failures: %+v", d)
	}
}

func TestMatchFindsByIDThenByNameIgnoringCase(t *testing.T) {
	stores := []api.Store{
		{ID: "AAA", Name: "Prod"}, {ID: "BBB", Name: " prod "}, {ID: "CCC", Name: "Sandbox"}, {ID: "prod", Name: "odd"},
	}
	if got := Match(stores, "aaa"); len(got) != 1 || got[0].ID != "AAA" {
		t.Errorf("by ID: %v", got)
	}
	if got := Match(stores, "PROD"); len(got) != 1 || got[0].ID != "prod" {
		t.Errorf("an ID wins over names: %v", got)
	}
	if got := Match(stores[:3], "PROD"); len(got) != 2 {
		t.Errorf("by name: %v", got)
	}
	if got := Match(stores, "  "); got != nil {
		t.Errorf("blank: %v", got)
	}
}

func TestRefNamesAStoreAsACommandLineShould(t *testing.T) {
	a := api.Store{ID: "id-a", Name: "Salesforce production"}
	b := api.Store{ID: "id-b", Name: "sandbox"}
	c := api.Store{ID: "id-c", Name: "Sandbox"}
	d := api.Store{ID: "id-d", Name: "it's $HOME"}
	all := []api.Store{a, b, c, d}
	for _, tt := range []struct {
		st   api.Store
		want string
	}{{a, `"Salesforce production"`}, {b, "id-b"}, {d, "id-d"}} {
		if got := Ref(tt.st, all); got != tt.want {
			t.Errorf("Ref(%q) = %s, want %s", tt.st.Name, got, tt.want)
		}
	}
	if got := Ref(b, []api.Store{a, b}); got != "sandbox" {
		t.Errorf("Ref of a unique plain name = %s", got)
	}
}

func TestSyncLabelSaysWhetherPingOneSyncs(t *testing.T) {
	st := api.Store{}
	if got := SyncLabel(st); got != "not synced" {
		t.Errorf("no sync status: %q", got)
	}
	st.SyncStatus = &api.SyncStatus{SyncState: "FAILED\x1b[2J"}
	if got := SyncLabel(st); got != "sync FAILED" {
		t.Errorf("failed, with an escape from PingOne: %q", got)
	}
}

func TestDiagnosisInTheDemoSuggestsDemoCommands(t *testing.T) {
	failed := simulator.DemoStores(time.Now())[1]
	d := Diagnose(failed, "x").inDemo()
	if d.Command != "sfstore reconnect x --demo" || d.Next[0].Command != d.Command || d.Next[1].Command != "sfstore publish --demo" {
		t.Errorf("demo diagnosis: %+v", d)
	}
}
