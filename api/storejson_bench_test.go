package api

import "testing"

// benchStoreJSON is a store as .ci/bench-list's server sends it, the shape
// of the documented Create Store answer: what each step of a list costs a
// store, measured apart from the network.
var benchStoreJSON = []byte(`{"id":"8305f20e-d0e2-4a92-aa0d-000000000001","environment":{"id":"abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6"},"createdAt":"2022-11-28T18:12:22.282Z","updatedAt":"2022-11-28T18:12:22.282Z","image":{"href":"https://d1oekt4jpdthse.cloudfront.net/branding/market/cb933bfe-8282-405a-a780-0a19b97edc02.png"},"type":"Salesforce","status":"INACTIVE","configuration":{"FREEZE_USER_FLAG":false,"ENABLE_COMMUNITIES":true,"PERMISSION_SET_MANAGEMENT":"Merge with permission sets in Salesforce","CREATE_USERS":true,"UPDATE_USERS":true,"DISABLE_USERS":true,"PROVISION_DISABLED_USERS":true,"SALESFORCE_DOMAIN":"https://example.com","PROFILE_ID":"fds","ACCOUNT_ID":"fdsf","CLIENT_ID":"fdsfd","CLIENT_SECRET":"fdsafds","OAUTH_ACCESS_TOKEN":"fdsfds","OAUTH_REFRESH_TOKEN":"fdsfdsa"},"name":"store 1","_links":{"self":{"href":"https://api.pingone.com/v1/environments/abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6/propagation/stores/8305f20e-d0e2-4a92-aa0d-000000000001"},"update":{"href":"https://api.pingone.com/v1/environments/abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6/propagation/stores/8305f20e-d0e2-4a92-aa0d-000000000001"},"delete":{"href":"https://api.pingone.com/v1/environments/abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6/propagation/stores/8305f20e-d0e2-4a92-aa0d-000000000001"}}}`)

func BenchmarkScanStore(b *testing.B) {
	for b.Loop() {
		if _, err := scanValue(benchStoreJSON, 0, 0); err != nil {
			b.Fatal(err)
		}
	}
}
func BenchmarkFastStore(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := fastStore(benchStoreJSON); !ok {
			b.Fatal("not plain")
		}
	}
}
func BenchmarkSummaryOf(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := summaryOf(benchStoreJSON); err != nil {
			b.Fatal(err)
		}
	}
}
func BenchmarkAppendMaskedIndentJSON(b *testing.B) {
	s, _ := fastStore(benchStoreJSON)
	buf := make([]byte, 0, 4096)
	b.ReportAllocs()
	for b.Loop() {
		buf = s.Masked().AppendIndentJSON(buf[:0], "  ", "  ")
	}
}
func BenchmarkStraightMaskedJSON(b *testing.B) {
	var v storeView
	buf := make([]byte, 0, 4096)
	b.ReportAllocs()
	for b.Loop() {
		if err := v.read(benchStoreJSON); err != nil {
			b.Fatal(err)
		}
		buf = v.appendIndent(buf[:0], "  ", "  ", true)
	}
}
