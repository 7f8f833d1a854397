package chain

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestTargetsFromMetadataTakesWhatItFinds(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
		ok         bool
	}{
		{"object keyed by name", `{"attributeMetadata":{"userAttributes":{"Username":{"type":"string"},"Email":{}}}}`, []string{"Email", "Username"}, true},
		{"list of objects", `{"attributeMetadata":{"userAttributes":[{"name":"Username"},{"attributeName":"Alias"},{"x":1}]}}`, []string{"Username", "Alias"}, true},
		{"list of names", `{"userAttributes":["Username","Title__c"," "]}`, []string{"Username", "Title__c"}, true},
		{"objects naming themselves", `{"attributeMetadata":{"userAttributes":{"a":{"name":"LastName"}}}}`, []string{"LastName"}, true},
		{"deeper", `{"connectionProfiles":[{"x":{"userAttributes":["Email"]}}]}`, []string{"Email"}, true},
		{"none", `{"connectionProfiles":[]}`, DocumentedTargets, false},
		{"empty list", `{"attributeMetadata":{"userAttributes":[]}}`, DocumentedTargets, false},
		{"not an object", `"hello"`, DocumentedTargets, false},
	}
	for _, tt := range tests {
		var v any
		if err := json.Unmarshal([]byte(tt.body), &v); err != nil {
			t.Fatal(err)
		}
		got, ok := TargetsFromMetadata(v)
		if ok != tt.ok || got.FromMetadata != tt.ok || !reflect.DeepEqual(got.Names, tt.want) {
			t.Errorf("%s: %+v, %v; want %v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}
