package provision

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"sfstore/api"
)

// describe runs writes against a recorder instead of PingOne and returns
// what each sends: its method, path and body, with the secrets the
// session knows masked by redact. Nothing leaves the process. IDs not yet
// known read as placeholders such as {new-rule-id}.
func describe(writes []Write, ids *IDs, redact func(string) string) ([]WriteView, error) {
	rec := &recorder{}
	c, err := api.NewClient("https://dry-run.invalid", api.WithHTTPClient(&http.Client{Transport: rec}))
	if err != nil {
		return nil, err
	}
	ids = ids.clone()
	views := make([]WriteView, 0, len(writes))
	for _, w := range writes {
		n := rec.count()
		if err := w.send(context.Background(), c, ids); err != nil {
			return nil, fmt.Errorf("describe %s: %w", w.What, err)
		}
		v := WriteView{Step: w.Step, Action: w.Action, What: w.What, Why: w.Why, Target: w.target}
		if r, ok := rec.at(n); ok {
			v.Method, v.Path = r.method, r.path
			// The bytes as sent (keys in the client's order), masked.
			if body := []byte(redact(string(r.body))); len(body) > 0 && json.Valid(body) {
				v.Body = json.RawMessage(body)
			}
		}
		views = append(views, v)
	}
	return views, nil
}

type recorded struct {
	method, path string
	body         []byte
}

// recorder is an http.RoundTripper that answers every write as PingOne
// would accept it: the body sent back with an ID, 201 for a POST.
type recorder struct {
	mu   sync.Mutex
	reqs []recorded
}

func (r *recorder) count() int { r.mu.Lock(); defer r.mu.Unlock(); return len(r.reqs) }

func (r *recorder) at(i int) (recorded, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if i >= len(r.reqs) {
		return recorded{}, false
	}
	return r.reqs[i], true
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		body, _ = io.ReadAll(req.Body)
		_ = req.Body.Close()
	}
	path := strings.TrimPrefix(req.URL.EscapedPath(), "/v1")
	if p, err := url.PathUnescape(path); err == nil {
		path = p
	}
	r.mu.Lock()
	r.reqs = append(r.reqs, recorded{method: req.Method, path: path, body: body})
	r.mu.Unlock()
	status, answer := http.StatusOK, map[string]any{}
	if len(bytes.TrimSpace(body)) > 0 {
		_ = json.Unmarshal(body, &answer)
	}
	switch req.Method {
	case http.MethodPost:
		status = http.StatusCreated
		answer["id"] = placeholder(path)
		answer["createdAt"] = time.Now().UTC().Format(time.RFC3339)
	case http.MethodPut:
		answer["id"] = path[strings.LastIndex(path, "/")+1:]
	case http.MethodDelete:
		return &http.Response{StatusCode: http.StatusNoContent, Status: "204 No Content", Body: io.NopCloser(strings.NewReader("")),
			Header: http.Header{}, Request: req}, nil
	}
	out, _ := json.Marshal(answer)
	return &http.Response{StatusCode: status, Status: fmt.Sprint(status, " ", http.StatusText(status)),
		Body: io.NopCloser(bytes.NewReader(out)), Header: http.Header{"Content-Type": {"application/json"}}, Request: req}, nil
}

// placeholder names the ID a create at path would get.
func placeholder(path string) string {
	switch {
	case strings.HasSuffix(path, "/mappings"):
		return "{new-mapping-id}"
	case strings.HasSuffix(path, "/rules"):
		return "{new-rule-id}"
	case strings.HasSuffix(path, "/plans"):
		return "{new-plan-id}"
	case strings.HasSuffix(path, "/stores"):
		return "{new-directory-store-id}"
	case strings.HasSuffix(path, "/revisions"):
		return "{new-revision-id}"
	}
	return "{new-id}"
}
