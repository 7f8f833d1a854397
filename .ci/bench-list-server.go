//go:build ignore

// bench-list-server serves an environment's store list in pages, as
// PingOne does, for .ci/bench-list: go run .ci/bench-list-server.go
// -stores 10000 -page 100. It prints its base URL, then serves until
// killed. Each store has the shape of the documented Create Store answer
// (about 1.2 KB); every page is built before the first request, so the
// server costs the same for every client.
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
)

const env = "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6"

func store(i int) string {
	id := fmt.Sprintf("8305f20e-d0e2-4a92-aa0d-%012d", i)
	self := `"https://api.pingone.com/v1/environments/` + env + `/propagation/stores/` + id + `"`
	return `{"id":"` + id + `","environment":{"id":"` + env + `"},` +
		`"createdAt":"2022-11-28T18:12:22.282Z","updatedAt":"2022-11-28T18:12:22.282Z",` +
		`"image":{"href":"https://d1oekt4jpdthse.cloudfront.net/branding/market/cb933bfe-8282-405a-a780-0a19b97edc02.png"},` +
		`"type":"Salesforce","status":"INACTIVE","configuration":{"FREEZE_USER_FLAG":false,"ENABLE_COMMUNITIES":true,` +
		`"PERMISSION_SET_MANAGEMENT":"Merge with permission sets in Salesforce","CREATE_USERS":true,"UPDATE_USERS":true,` +
		`"DISABLE_USERS":true,"PROVISION_DISABLED_USERS":true,"SALESFORCE_DOMAIN":"https://example.com","PROFILE_ID":"fds",` +
		`"ACCOUNT_ID":"fdsf","CLIENT_ID":"fdsfd","CLIENT_SECRET":"fdsafds","OAUTH_ACCESS_TOKEN":"fdsfds","OAUTH_REFRESH_TOKEN":"fdsfdsa"},` +
		`"name":"store ` + strconv.Itoa(i) + `","_links":{"self":{"href":` + self + `},"update":{"href":` + self + `},"delete":{"href":` + self + `}}}`
}

func main() {
	total := flag.Int("stores", 10000, "stores in the environment")
	size := flag.Int("page", 100, "stores per page")
	flag.Parse()
	path := "/v1/environments/" + env + "/propagation/stores"
	pages := map[string][]byte{}
	for first := 0; first < *total; first += *size {
		n := min(*size, *total-first)
		var b strings.Builder
		b.WriteString(`{"_links":{"self":{"href":"https://api.pingone.com` + path + `"}`)
		if first+n < *total {
			b.WriteString(`,"next":{"href":"https://api.pingone.com` + path + `?cursor=` + strconv.Itoa(first+n) + `"}`)
		}
		b.WriteString(`},"_embedded":{"stores":[`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(store(first + i))
		}
		fmt.Fprintf(&b, `]},"count":%d,"size":%d}`, n, n)
		pages[strconv.Itoa(first)] = []byte(b.String())
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("http://%s\n", ln.Addr())
	os.Stdout.Close()
	err = http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cursor := r.URL.Query().Get("cursor")
		if cursor == "" {
			cursor = "0"
		}
		body, ok := pages[cursor]
		if r.URL.Path != path || !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	}))
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
