package api

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// summaryRef is what summaryOf reads, as encoding/json reads it.
type summaryRef struct {
	ID, Type, Name, Status, CreatedAt, UpdatedAt string
	SyncStatus                                   *SyncStatus
	Configuration                                struct {
		SalesforceDomain any `json:"SALESFORCE_DOMAIN"`
		ClientID         any `json:"CLIENT_ID"`
	}
}

func TestSummaryOfReadsAsEncodingJSONDoes(t *testing.T) {
	for _, in := range []string{
		`{}`,
		`{ "id" : "a" , "name":"b" }`,
		`{"ID":"upper","id":"last wins","Name":"x","name":null}`,
		`{"name":"caf\u00e9 \"quoted\" \\ tab\t","type":"Salesforce","status":"ACTIVE"}`,
		`{"name":"naïve ☃ 😀","createdAt":"2022-11-28T18:12:22.282Z","updatedAt":"u"}`,
		`{"name":"bad utf-8 ` + "\xff" + `"}`,
		`{"syncStatus":{"syncState":"FAILED","failedCount":3,"lastSyncAt":"x","details":"d"},"id":"s"}`,
		`{"syncStatus":null,"configuration":null}`,
		`{"configuration":{"SALESFORCE_DOMAIN":"https://x","client_id":"cid","CLIENT_SECRET":"s"}}`,
		`{"configuration":{"SALESFORCE_DOMAIN":5,"CLIENT_ID":{"a":[1,2]}}}`,
		`{"nested":{"id":"not this"},"list":[{"id":"nor this"}],"n":-1.5e3,"t":true,"f":false}`,
		`{"n\u0061me":"escaped name"}`,
	} {
		got, err := summaryOf([]byte(in))
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		want, err := summaryByEncodingJSON([]byte(in))
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", in, got, want)
		}
	}
}

// summaryByEncodingJSON is the summary of b that encoding/json reads.
func summaryByEncodingJSON(b []byte) (Store, error) {
	var ref summaryRef
	if err := json.Unmarshal(b, &ref); err != nil {
		return Store{}, err
	}
	want := Store{ID: ref.ID, Type: ref.Type, Name: ref.Name, Status: ref.Status, CreatedAt: ref.CreatedAt, UpdatedAt: ref.UpdatedAt, SyncStatus: ref.SyncStatus}
	want.Configuration.SalesforceDomain, _ = ref.Configuration.SalesforceDomain.(string)
	want.Configuration.ClientID, _ = ref.Configuration.ClientID.(string)
	return want, nil
}

// Another type's configuration that is not an object is not read.
func TestSummaryOfSkipsAConfigurationThatIsNotAnObject(t *testing.T) {
	got, err := summaryOf([]byte(`{"configuration":"text","id":"s"}`))
	if err != nil || got.ID != "s" || got.Configuration != (SalesforceConfiguration{}) {
		t.Errorf("%+v, %v", got, err)
	}
}

func TestSummaryOfRefusesWhatEncodingJSONRefuses(t *testing.T) {
	for _, in := range []string{`{"id":5}`, `{"name":["x"]}`, `{"syncStatus":"FAILED"}`, `{"syncStatus":{"failedCount":"3"}}`, `{"name":"bad \q escape"}`} {
		if _, err := summaryOf([]byte(in)); err == nil {
			t.Errorf("%s: no error", in)
		}
	}
}

func TestScanValueFindsTheEndOrAsksForMore(t *testing.T) {
	doc := `{"a":[1,-2.5e3,true,false,null,"s\"\\"],"b":{"c":{}},"d":[]}`
	for n := range len(doc) {
		if _, err := scanValue([]byte(doc[:n]), 0, 0); err != errMore {
			t.Fatalf("%q: %v, want more", doc[:n], err)
		}
	}
	if end, err := scanValue([]byte(doc+" ,"), 0, 0); err != nil || end != len(doc) {
		t.Errorf("end %d, %v", end, err)
	}
	for _, bad := range []string{`{"a" 1}`, `{"a":1 "b":2}`, `[1,]`, `{a:1}`, `tru}`, `[-]`, `]`} {
		if _, err := scanValue([]byte(bad), 0, 0); err == nil || err == errMore {
			t.Errorf("%s: %v, want a syntax error", bad, err)
		}
	}
	if _, err := scanValue([]byte(strings.Repeat("[", maxDepth+1)), 0, 0); err == nil || err == errMore {
		t.Errorf("deep nesting: %v", err)
	}
}
