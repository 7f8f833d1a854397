package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// maxPages bounds how many pages a list follows, against a server whose
// "next" links go round in circles.
const maxPages = 100

// listPage is one page of a PingOne collection: the items under
// _embedded.{key} and, when there are more, a _links.next link.
type listPage struct {
	Embedded map[string]json.RawMessage `json:"_embedded"`
	Links    struct {
		Next *Link `json:"next"`
	} `json:"_links"`
}

// list gets every item of a collection under _embedded.{key}, following
// _links.next. A next link is followed only through this client's own base
// URL (its path and query after "/v1/" are kept), so a proxy in front of
// PingOne keeps working and the token is never sent to another host.
func (c *Client) list(ctx context.Context, k call, key string) ([]json.RawMessage, error) {
	var items []json.RawMessage
	seen := map[string]bool{k.path: true}
	for range maxPages {
		var p listPage
		resp, err := c.send(ctx, k, &p)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("%s: pingone answered %s, want 200 OK", k.op, resp.Status)
		}
		if raw, ok := p.Embedded[key]; ok && string(raw) != "null" {
			var page []json.RawMessage
			if err := json.Unmarshal(raw, &page); err != nil {
				return nil, fmt.Errorf("%s: decode pingone response: _embedded.%s: %w", k.op, key, err)
			}
			items = append(items, page...)
		}
		if p.Links.Next == nil || p.Links.Next.Href == "" {
			return items, nil
		}
		_, next, ok := strings.Cut(p.Links.Next.Href, "/v1/")
		if !ok || seen[next] {
			return nil, fmt.Errorf("%s: pingone's next page link is unusable or repeats; got %d items so far", k.op, len(items))
		}
		seen[next] = true
		k.path = next
	}
	return nil, fmt.Errorf("%s: more than %d pages; giving up", k.op, maxPages)
}
