package ui

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"sfstore/api"
	"sfstore/api/simulator"
)

// TestALostUpdateAnswerIsResolvedNotGuessed plays the ways an update's
// answer is lost: the store reads as sent (updated after all), as it was
// (not updated, safe to run again), or as neither (cannot tell).
func TestALostUpdateAnswerIsResolvedNotGuessed(t *testing.T) {
	t.Run("500 after storing: updated after all", func(t *testing.T) {
		r := newScriptRun(t, simulator.Options{UpdateFaults: []simulator.Fault{simulator.FaultAppliedThen500}})
		store, err := r.update(t, r.create(t), nil)
		if err != nil || store == nil {
			t.Fatalf("update = %v, %v; stderr:\n%s", store, err, r.err.String())
		}
		if !strings.Contains(r.err.String(), "PingOne updated it after all") {
			t.Fatalf("stderr does not say so:\n%s", r.err.String())
		}
	})
	t.Run("500 without storing: not updated, safe to run again", func(t *testing.T) {
		r := newScriptRun(t, simulator.Options{})
		_, err := r.update(t, r.create(t), func(http.ResponseWriter, *http.Request) {})
		var verdict *OutcomeError
		if !errors.As(err, &verdict) || !strings.Contains(verdict.Verdict, "did not update it; it is safe to run again") {
			t.Fatalf("err = %v; stderr:\n%s", err, r.err.String())
		}
	})
	t.Run("500 while someone else changed the store: cannot tell", func(t *testing.T) {
		r := newScriptRun(t, simulator.Options{})
		created := r.create(t)
		_, err := r.update(t, created, func(w http.ResponseWriter, req *http.Request) {
			// Another admin's edit lands instead of this one.
			body, _ := io.ReadAll(req.Body)
			body = bytes.Replace(body, []byte(`"name":"Salesforce production"`), []byte(`"name":"Renamed by someone else"`), 1)
			req.Body = io.NopCloser(bytes.NewReader(body))
			req.ContentLength = int64(len(body))
			r.sim.ServeHTTP(httptest.NewRecorder(), req)
		})
		var verdict *OutcomeError
		if !errors.As(err, &verdict) || !strings.Contains(verdict.Verdict, "could not find out") ||
			!strings.Contains(verdict.Verdict, "neither what was sent nor what it was") {
			t.Fatalf("err = %v; stderr:\n%s", err, r.err.String())
		}
		if strings.Contains(r.err.String(), "safe to run again") {
			t.Fatalf("a guess:\n%s", r.err.String())
		}
	})
}

// create makes the store the update cases start from.
func (r *scriptRun) create(t *testing.T) *api.Store {
	t.Helper()
	store, err := r.run(t)
	if err != nil {
		t.Fatalf("create: %v\n%s", err, r.err.String())
	}
	return store
}

// update changes the store's description with a scripted update. When
// onPut is set, a stand-in in front of the simulator hands it each PUT and
// then answers 500, as a PingOne that lost its answer would.
func (r *scriptRun) update(t *testing.T, store *api.Store, onPut http.HandlerFunc) (*api.Store, error) {
	t.Helper()
	if onPut != nil {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			if req.Method != http.MethodPut {
				r.sim.ServeHTTP(w, req)
				return
			}
			onPut(w, req)
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = w.Write([]byte(`{"id":"5e0c","code":"UNEXPECTED_ERROR","message":"An unexpected error occurred."}`))
		}))
		t.Cleanup(srv.Close)
		r.opts.APIURL, r.opts.AuthURL = srv.URL, srv.URL
	}
	r.out.Reset()
	r.err.Reset()
	s := NewSession(context.Background(), r.answers, r.opts, Streams{Out: &r.out, Err: &r.err, OutWidth: 80, ErrWidth: 80})
	original := *s.Answers
	s.Answers.Description = "changed by this update"
	return Update(context.Background(), s, NewScript(s), Editing{StoreID: store.ID, Original: original})
}
