package api_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"sfstore/api"
)

func TestCreateRevisionPostsNoBodyAndDecodesLeniently(t *testing.T) {
	tests := []struct {
		name, body  string
		status      int
		id, created string
		wantErr     string
	}{
		{"documented shape", `{"id":"r1","createdAt":"2024-01-02T03:04:05.006Z","createdBy":"u","previousRevision":{"id":"r0"}}`, 201, "r1", "2024-01-02T03:04:05.006Z", ""},
		{"200 accepted", `{"id":"r2"}`, 200, "r2", "", ""},
		{"empty body", ``, 201, "", "", ""},
		{"odd types", `{"id":7,"createdAt":null}`, 201, "", "", ""},
		{"not an object", `["r1"]`, 201, "", "", "create revision: pingone answered 201 Created with a body that is not a JSON object"},
		{"202", `{}`, 202, "", "", "create revision: pingone answered 202 Accepted, want 201 Created"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := setup(t, func(w http.ResponseWriter, r *http.Request) {
				b, _ := io.ReadAll(r.Body)
				if r.Method != http.MethodPost || r.URL.Path != "/v1/environments/"+testEnvID+"/propagation/revisions" || len(b) != 0 || r.Header.Get("Content-Type") != "" {
					t.Errorf("got %s %s %q with Content-Type %q", r.Method, r.URL.Path, b, r.Header.Get("Content-Type"))
				}
				respond(tt.status, tt.body)(w, r)
			})
			rev, err := c.CreateRevision(context.Background(), testEnvID)
			if tt.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Errorf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || rev.ID != tt.id || rev.CreatedAt != tt.created {
				t.Errorf("rev %+v err %v", rev, err)
			}
		})
	}
}

func TestCreateRevisionAgainstTheSimulator(t *testing.T) {
	c, sim := simClient(t)
	rev, err := c.CreateRevision(context.Background(), testEnvID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := time.Parse("2006-01-02T15:04:05.000Z", rev.CreatedAt); !uuidV4.MatchString(rev.ID) || err != nil {
		t.Errorf("revision %+v", rev)
	}
	if countPath(sim, "/v1/environments/"+testEnvID+"/propagation/revisions") != 1 {
		t.Error("no revision request recorded")
	}
	_, err = c.CreateRevision(context.Background(), "not-a-uuid")
	var e *api.Error
	if !errors.As(err, &e) || e.StatusCode != 404 || e.Op != api.OpCreateRevision || !strings.Contains(e.Hint(), "no such environment") {
		t.Errorf("err = %v", err)
	}
}
