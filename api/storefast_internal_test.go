package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"sfstore/api/redact"
)

// storeSeeds are store bodies a server might send: PingOne's own and
// hostile ones, for fastStore to read as encoding/json does or to leave
// to it.
var storeSeeds = []string{
	`{"id":"8305f20e-d0e2-4a92-aa0d-000000000001","environment":{"id":"abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6"},` +
		`"createdAt":"2022-11-28T18:12:22.282Z","updatedAt":"2022-11-28T18:12:22.282Z",` +
		`"image":{"href":"https://d1oekt4jpdthse.cloudfront.net/branding/x.png"},"type":"Salesforce","status":"INACTIVE",` +
		`"configuration":{"FREEZE_USER_FLAG":false,"ENABLE_COMMUNITIES":true,"PERMISSION_SET_MANAGEMENT":"Merge with permission sets in Salesforce",` +
		`"CREATE_USERS":true,"UPDATE_USERS":true,"DISABLE_USERS":true,"PROVISION_DISABLED_USERS":true,"SALESFORCE_DOMAIN":"https://example.com",` +
		`"PROFILE_ID":"fds","ACCOUNT_ID":"fdsf","CLIENT_ID":"fdsfd","CLIENT_SECRET":"client-secret-SENTINEL-1234",` +
		`"OAUTH_ACCESS_TOKEN":"access-token-SENTINEL-5678","OAUTH_REFRESH_TOKEN":"refresh-token-SENTINEL-9abc"},` +
		`"name":"store 1","syncStatus":{"syncState":"FAILED","failedCount":3,"lastSyncAt":"2024-01-01T00:00:00Z","userTotal":12},` +
		`"managed":false,"_links":{"self":{"href":"https://api.pingone.com/v1/x"},"delete":{"href":"https://api.pingone.com/v1/y"}}}`,
	`{"id":"a","type":"LDAP","name":"other","configuration":{"CLIENT_ID":5,"HOST":"x"}}`,
	`{"id":"a","ID":"b","type":"Salesforce"}`,
	`{"id":"a","id":"b","name":null,"configuration":null,"_links":null}`,
	`{"id":"\u0041\ud800x\u2028<&>","name":"caf\u00e9 \"q\" \\ \/","type":"Salesforce","description":"` + "\xff\xfe" + `"}`,
	`{"type":"Salesforce","configuration":{"CLIENT_SECRET":12345678901234,"OAUTH_ACCESS_TOKEN":{"v":"tok-SENTINEL-000000"}}}`,
	`{"type":"Salesforce","configuration":{"CLIENT_SECRET":["s"],"OAUTH_REFRESH_TOKEN":true}}`,
	`{"syncStatus":{"failedCount":1.0,"userTotal":1e2},"managed":"yes"}`,
	`{"syncStatus":{"failedCount":99999999999999999999},"x":[1,-0,0.5e-3,{"y":null}]}`,
	`{"syncStatus":{"failedCount":-0,"successCount":01}}`,
	`{"\u0069d":"escaped name","nam\u0065":"n","ſtatus":"long s","_links":{"a":null}}`,
	`{"_links":{"b":{"href":"1"},"a":{"href":"2"},"b":{"href":"3"}}}`,
	`{"image":{},"environment":{},"_links":{},"syncStatus":{}}`,
	`{"name":"tab	raw","x":"\q"}`,
	"{\"na\tme\":\"raw tab in a name\",\"x\":\"a\u0001b\",\"y\":[\"\x01\"]}",
	`{"unknown":[01,1.,-,2e],"syncStatus":{"userTotal":+1}}`,
	`{"configuration":{"CLIENT_SECRET":"short","CLIENT_ID":null,"client_secret":"folded-SENTINEL-1234567"}}`,
	`[]`, `null`, `"s"`, `{"id":{}}`,
}

// FuzzStoreJSON checks the fast paths of a store, from the server's bytes
// to list's and list --json's, against encoding/json's: summaryOf reads
// what encoding/json reads, what fastStore takes it reads as
// json.Unmarshal does, decodeStore's result is encoding/json's in every
// case, and AppendIndentJSON writes what json.Marshal and json.Indent
// would: valid JSON, the same bytes, every secret masked.
func FuzzStoreJSON(f *testing.F) {
	for _, s := range storeSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		end, err := scanValue(raw, 0, 0)
		if err != nil || skipSpace(raw, end) != len(raw) {
			return // not an item a list page hands on
		}
		b := raw[skipSpace(raw, 0):end]
		checkSummary(t, b)
		want, wantErr := decodeStoreJSON(b)
		if fast, ok := fastStore(b); ok {
			if wantErr != nil {
				t.Fatalf("fastStore read %q, which encoding/json rejects: %v", b, wantErr)
			}
			if !reflect.DeepEqual(fast, want) {
				t.Fatalf("fastStore(%q) =\n%#v\nencoding/json:\n%#v", b, fast, want)
			}
		}
		got, err := decodeStore(b)
		if (err != nil) != (wantErr != nil) || !reflect.DeepEqual(got, want) {
			t.Fatalf("decodeStore(%q) = %#v, %v; want %#v, %v", b, got, err, want, wantErr)
		}
		if err != nil {
			return
		}
		checkIndentJSON(t, got)
		checkStraightJSON(t, b, got)
	})
}

// checkStraightJSON checks list --json's writing of a store from the
// server's bytes against its writing of the Store decoded from them: the
// same bytes, whether or not the view took the store.
func checkStraightJSON(t *testing.T, b []byte, st Store) {
	t.Helper()
	want := st.Masked().AppendIndentJSON([]byte("["), "  ", "  ")
	var v storeView
	if v.read(b) != nil {
		return
	}
	if got := v.appendIndent([]byte("["), "  ", "  ", true); !bytes.Equal(got, want) {
		t.Fatalf("writing %q straight:\n%s\nwant\n%s", b, got, want)
	}
}

// checkSummary checks summaryOf against encoding/json: the same summary
// of whatever encoding/json reads. (summaryOf may take what encoding/json
// refuses: it checks only the structure of the members it skips.)
func checkSummary(t *testing.T, b []byte) {
	t.Helper()
	want, err := summaryByEncodingJSON(b)
	if err != nil {
		return
	}
	got, err := summaryOf(b)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("summaryOf(%q) = %#v, %v; encoding/json: %#v", b, got, err, want)
	}
}

// checkIndentJSON checks AppendIndentJSON of st masked against
// json.Marshal and json.Indent, and that no secret of st shows.
func checkIndentJSON(t *testing.T, st Store) {
	t.Helper()
	out := st.Masked().AppendIndentJSON([]byte("["), "  ", "  ")
	compact, err := json.Marshal(st.Masked())
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	want.WriteByte('[')
	if err := json.Indent(&want, compact, "  ", "  "); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, want.Bytes()) {
		t.Fatalf("AppendIndentJSON:\n%s\nwant\n%s", out, want.Bytes())
	}
	// Another layout, not of spaces alone, as json.Indent lays it out too.
	want.Reset()
	_ = json.Indent(&want, compact, "\t>", "\t")
	if tabs := st.Masked().AppendIndentJSON(nil, "\t>", "\t"); !bytes.Equal(tabs, want.Bytes()) {
		t.Fatalf("AppendIndentJSON with tabs:\n%s\nwant\n%s", tabs, want.Bytes())
	}
	var back Store
	if err := json.Unmarshal(out[1:], &back); err != nil {
		t.Fatalf("AppendIndentJSON wrote invalid JSON: %v\n%s", err, out)
	}
	c := back.Configuration
	for _, kv := range [][2]string{{c.ClientSecret, st.Configuration.ClientSecret},
		{c.OAuthAccessToken, st.Configuration.OAuthAccessToken}, {c.OAuthRefreshToken, st.Configuration.OAuthRefreshToken}} {
		if kv[0] != redact.Mask(kv[1]) {
			t.Fatalf("a secret reads %q, want %q", kv[0], redact.Mask(kv[1]))
		}
	}
}

// A realistic store and the hostile ones decode as encoding/json decodes
// them, and the realistic one's secrets appear nowhere in its output.
func TestFastStoreSeeds(t *testing.T) {
	plain := 0
	for _, s := range storeSeeds {
		if _, ok := fastStore([]byte(s)); ok {
			plain++
		}
	}
	if plain < 3 {
		t.Fatalf("fastStore took %d of the seeds; it should take the plain ones", plain)
	}
	st, err := decodeStore([]byte(storeSeeds[0]))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := fastStore([]byte(storeSeeds[0])); !ok {
		t.Fatal("fastStore left PingOne's own store to encoding/json")
	}
	checkIndentJSON(t, st)
	out := st.Masked().AppendIndentJSON(nil, "", "  ")
	for _, secret := range []string{"client-secret-SENTINEL", "access-token-SENTINEL", "refresh-token-SENTINEL", "SENTINEL"} {
		if bytes.Contains(out, []byte(secret)) {
			t.Errorf("%q in the output:\n%s", secret, out)
		}
	}
}

// A _links key with an escape is unescaped into a copy, whose capacity
// tells nothing of where it stood in the store: with the store at the end
// of its buffer, taking it at its word made another string of the store
// the key, a secret in clear among them. Whatever room is left after the
// store, the key read is encoding/json's and no secret shows.
func TestAnEscapedLinkKeyIsNeverAnotherStringOfTheStore(t *testing.T) {
	// The copy's capacity is its length's size class; the store is laid
	// out, for each length, so that a secret as long as the key stands
	// where that capacity points, whatever the padding after it.
	for _, n := range []int{12, 20, 40, 100, 200} {
		key := "a" + strings.Repeat("b", n-1)
		secret := "SENTINEL" + strings.Repeat("s", n-8)
		for pad := range 300 {
			raw := `{"type":"Salesforce","_links":{"\u0061` + key[1:] + `":{"href":"h"}},"id":"x","configuration":{"CLIENT_SECRET":"` +
				secret + `"}` + strings.Repeat(" ", pad) + `}`
			b := []byte(raw)
			b = b[:len(b):len(b)] // the store ends its buffer
			if st, ok := fastStore(b); ok {
				if _, found := st.Links[key]; !found || len(st.Links) != 1 {
					t.Fatalf("key of %d, pad %d: links %v", n, pad, st.Links)
				}
			}
			var v storeView
			if v.read(b) == nil {
				if out := v.appendIndent(nil, "  ", "  ", true); bytes.Contains(out, []byte("SENTINEL")) {
					t.Fatalf("key of %d, pad %d: a secret in clear:\n%s", n, pad, out)
				}
			}
		}
	}
}

// A store with more links than a view takes is read by encoding/json,
// whole and as it would read it, not compared link against link.
func TestAStoreOfManyLinksIsLeftToEncodingJSON(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"id":"x","_links":{`)
	for i := range 5000 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"l%d":{"href":"h"}`, i)
	}
	b.WriteString(`}}`)
	raw := []byte(b.String())
	var v storeView
	if err := v.read(raw); err != errNotPlain {
		t.Fatalf("the view took %d links: %v", len(v.links), err)
	}
	st, err := decodeStore(raw)
	if err != nil || len(st.Links) != 5000 {
		t.Fatalf("%d links, %v", len(st.Links), err)
	}
}
