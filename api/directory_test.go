package api_test

import (
	"context"
	"net/http"
	"testing"

	"sfstore/api"
)

func TestCreateDirectoryStoreSendsAnEmptyConfiguration(t *testing.T) {
	var got capture
	c := setup(t, got.handler(201, `{"id":"`+testDirID+`","type":"directory","name":"PingOne Directory","status":"ACTIVE","configuration":{}}`))
	s, err := c.CreateDirectoryStore(context.Background(), testEnvID, "PingOne Directory")
	if err != nil || s.ID != testDirID || s.Type != api.StoreTypeDirectory {
		t.Fatalf("store %+v, err %v", s, err)
	}
	if got.method != http.MethodPost || got.path != envPath("/propagation/stores") ||
		!jsonEqual(t, got.body, []byte(`{"type":"directory","name":"PingOne Directory","configuration":{}}`)) {
		t.Errorf("sent %s %s %s", got.method, got.path, got.body)
	}
}

func TestFindDirectoryStoresKeepsOnlyTheDirectoryType(t *testing.T) {
	c := setup(t, respond(200, `{"_embedded":{"stores":[{"id":"s1","type":"Salesforce","name":"a","configuration":{}},
	{"id":"d1","type":"directory","name":"PingOne Directory"},{"id":"d2","type":"Directory","name":"odd case"}]}}`))
	found, err := c.FindDirectoryStores(context.Background(), testEnvID)
	if err != nil || len(found) != 2 || found[0].ID != "d1" || found[1].ID != "d2" {
		t.Errorf("found %+v, err %v", found, err)
	}
}
