package salesforce

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// queryPage is one answer of the query resource or of its nextRecordsUrl.
type queryPage[T any] struct {
	TotalSize      int    `json:"totalSize"`
	Done           bool   `json:"done"`
	NextRecordsURL string `json:"nextRecordsUrl"`
	Records        []T    `json:"records"`
}

// queryResult is what queryAll read.
type queryResult[T any] struct {
	records   []T
	total     int  // totalSize, or the records read when Salesforce said less
	truncated bool // stopped at the limit before Salesforce said done
}

// queryAll runs soql and follows nextRecordsUrl until Salesforce says done,
// or until limit records are kept. progress, if not nil, is called after
// each page with the records kept so far and the total Salesforce reported.
//
// Every page is fetched from the instance: a nextRecordsUrl on another host
// is refused (see nextPageURL), so the token goes nowhere else.
func queryAll[T any](ctx context.Context, hc *http.Client, instanceURL, token, soql string, limit int, progress func(read, total int)) (*queryResult[T], error) {
	base, err := baseURL(instanceURL, "instance url")
	if err != nil {
		return nil, err
	}
	if token == "" {
		return nil, errors.New("salesforce access token is required")
	}
	next := base + "/services/data/" + APIVersion + "/query?q=" + url.QueryEscape(soql)
	res := &queryResult[T]{}
	for {
		var page queryPage[T]
		if err := getJSON(ctx, hc, next, token, &page); err != nil {
			return nil, err
		}
		res.records = append(res.records, page.Records...)
		res.total = max(res.total, page.TotalSize, len(res.records))
		if len(res.records) > limit || (len(res.records) == limit && !page.Done) {
			res.records = res.records[:limit]
			res.truncated = true
		}
		if progress != nil {
			progress(len(res.records), res.total)
		}
		if page.Done || res.truncated {
			return res, nil
		}
		if len(page.Records) == 0 {
			// Without this a server could keep the loop going forever.
			return nil, errors.New("salesforce sent an empty page of query results that was not the last")
		}
		if next, err = nextPageURL(base, page.NextRecordsURL); err != nil {
			return nil, err
		}
	}
}

// nextPageURL returns the address of the next page: nextRecordsUrl is a
// path on the instance, such as /services/data/v62.0/query/01gD0000002HU6KIAW-2000.
// An absolute URL is followed only on the instance's own scheme and host;
// anything else would send the token elsewhere and is refused.
func nextPageURL(base, next string) (string, error) {
	if next == "" {
		return "", errors.New("salesforce said more query results follow but sent no nextRecordsUrl")
	}
	u, err := url.Parse(next)
	if err != nil {
		return "", errors.New("salesforce sent a nextRecordsUrl that is not an address; it was not followed")
	}
	if u.Scheme == "" && u.Host == "" {
		if !strings.HasPrefix(next, "/services/data/") {
			return "", errors.New("salesforce sent a nextRecordsUrl outside /services/data/; it was not followed")
		}
		return base + next, nil
	}
	b, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	if !strings.EqualFold(u.Scheme, b.Scheme) || !strings.EqualFold(u.Host, b.Host) || u.User != nil {
		host := u.Host
		if host == "" {
			host = "an address without a host"
		}
		return "", fmt.Errorf("salesforce sent a nextRecordsUrl on %s, not on the instance %s; it was not followed, so the access token was not sent there", host, b.Host)
	}
	if !strings.HasPrefix(u.EscapedPath(), "/services/data/") {
		return "", errors.New("salesforce sent a nextRecordsUrl outside /services/data/; it was not followed")
	}
	return b.Scheme + "://" + b.Host + u.RequestURI(), nil
}
