package api_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"sfstore/api"
)

func TestGetLatestRevisionAsksForIDLatestWithTheColonEscaped(t *testing.T) {
	var uri string
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		uri = r.RequestURI
		respond(200, `{"id":"r2","createdAt":"2024-05-01T10:00:05.000Z","createdBy":{"id":"actor"},
		"environment":{"id":"`+testEnvID+`"},"previousRevision":{"id":"r1"}}`)(w, r)
	})
	rev, err := c.GetLatestRevision(context.Background(), testEnvID)
	if err != nil || rev.None || rev.ID != "r2" || rev.CreatedBy != "actor" || rev.PreviousRevisionID != "r1" || rev.EnvironmentID != testEnvID {
		t.Fatalf("rev %+v, err %v", rev, err)
	}
	if uri != basePath+"/v1/environments/"+testEnvID+"/propagation/revisions/id%3Alatest" {
		t.Errorf("request URI %s", uri)
	}
	if !rev.Covers("2024-05-01T10:00:04.999Z", "", "2024-05-01T10:00:05Z") || rev.Covers("2024-05-01T10:00:05.001Z") || rev.Covers("yesterday") {
		t.Error("Covers compares wrongly")
	}
}

func TestNoRevisionYetIsAResultNotAnError(t *testing.T) {
	c := setup(t, respond(404, `{"id":"e","code":"NOT_FOUND","message":"The requested resource was not found."}`, "Content-Type", "application/json"))
	rev, err := c.GetLatestRevision(context.Background(), testEnvID)
	if err != nil || rev == nil || !rev.None || rev.Covers() {
		t.Fatalf("rev %+v, err %v", rev, err)
	}
}

func TestGetLatestRevisionFailures(t *testing.T) {
	for _, tt := range []struct {
		name string
		h    http.HandlerFunc
		want string
	}{
		{"500", respond(500, `{"id":"e5","code":"UNEXPECTED_ERROR","message":"An unexpected error occurred."}`), "get latest revision: pingone returned 500"},
		{"404 html from a proxy", respond(404, "<html><body>Not here</body></html>", "Content-Type", "text/html"), "get latest revision: pingone returned 404 Not Found with an HTML page"},
		{"200 html from a proxy", respond(200, "<html><body>Sign in to the proxy</body></html>", "Content-Type", "text/html"), "get latest revision: pingone answered 200 OK with a body that is not a JSON object: Sign in to the proxy"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rev, err := setup(t, tt.h).GetLatestRevision(context.Background(), testEnvID)
			if rev != nil || err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("rev %+v, err %v, want %q", rev, err, tt.want)
			}
		})
	}
}

func TestCreateRevisionThatFailsAfterSendingIsAnUnknownOutcome(t *testing.T) {
	c := setup(t, respond(503, ""))
	_, err := c.CreateRevision(context.Background(), testEnvID)
	var u *api.OutcomeUnknownError
	var e *api.Error
	if !errors.As(err, &u) || !errors.As(err, &e) || u.Resource != "revision" || !strings.Contains(u.Hint(), "latest revision") {
		t.Fatalf("err = %v", err)
	}
	if !strings.HasPrefix(err.Error(), "create revision: outcome unknown, the revision may or may not have been created") {
		t.Errorf("err = %v", err)
	}
}
