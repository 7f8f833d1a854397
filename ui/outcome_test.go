package ui

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"sfstore/api"
	"sfstore/api/simulator"
)

// TestALostAnswerIsResolvedNotGuessed plays the ways a create's answer is
// lost and requires exactly one verdict each: created (with the ID),
// not created (safe to run again), or unknown (check first).
func TestALostAnswerIsResolvedNotGuessed(t *testing.T) {
	t.Run("500 after storing: created after all", func(t *testing.T) {
		r := newScriptRun(t, simulator.Options{CreateFaults: []simulator.Fault{simulator.FaultAppliedThen500}})
		r.opts.JSON = true
		store, err := r.run(t)
		if err != nil || store == nil {
			t.Fatalf("run = %v, %v; stderr:\n%s", store, err, r.err.String())
		}
		stored := r.sim.Stores()
		if len(stored) != 1 || store.ID != stored[0].ID {
			t.Fatalf("reported %s; the stand-in holds %+v", store.ID, stored)
		}
		var printed api.Store
		if json.Unmarshal(r.out.Bytes(), &printed) != nil || printed.ID != store.ID {
			t.Fatalf("stdout does not carry the store: %s", r.out.String())
		}
		if !strings.Contains(r.err.String(), "PingOne created it after all: ID "+store.ID) {
			t.Fatalf("stderr does not say so:\n%s", r.err.String())
		}
	})
	t.Run("201 with an empty body: created after all", func(t *testing.T) {
		r := newScriptRun(t, simulator.Options{CreateFaults: []simulator.Fault{simulator.FaultAppliedEmptyBody}})
		store, err := r.run(t)
		if err != nil || store == nil || store.ID == "" {
			t.Fatalf("run = %+v, %v; stderr:\n%s", store, err, r.err.String())
		}
	})
	t.Run("500 without storing: safe to run again", func(t *testing.T) {
		r := newScriptRun(t, simulator.Options{})
		refuseCreates(t, r)
		_, err := r.run(t)
		var verdict *OutcomeError
		if !errors.As(err, &verdict) || !strings.Contains(verdict.Verdict, "did not create it; it is safe to run again") {
			t.Fatalf("err = %v; stderr:\n%s", err, r.err.String())
		}
		if strings.Contains(r.err.String(), "retry later") {
			t.Fatalf("advice without a check:\n%s", r.err.String())
		}
	})
	t.Run("500 and the stores cannot be listed: check first", func(t *testing.T) {
		r := newScriptRun(t, simulator.Options{})
		refuseCreates(t, r)
		r.failListsAfter = 1 // the same-name check works, the look afterwards does not
		_, err := r.run(t)
		var verdict *OutcomeError
		if !errors.As(err, &verdict) || !strings.Contains(verdict.Verdict, "could not find out") ||
			!strings.Contains(r.err.String(), "sfstore list") {
			t.Fatalf("err = %v; stderr:\n%s", err, r.err.String())
		}
	})
	t.Run("with --json, the verdict, the advice and PingOne's IDs", func(t *testing.T) {
		r := newScriptRun(t, simulator.Options{})
		r.opts.JSON = true
		refuseCreates(t, r)
		r.failListsAfter = 1
		_, err := r.run(t)
		if err == nil {
			t.Fatal("the run succeeded")
		}
		var out jsonError
		if jerr := json.Unmarshal(r.out.Bytes(), &out); jerr != nil {
			t.Fatalf("stdout is not an error as JSON: %v\n%s", jerr, r.out.String())
		}
		e := out.Error
		if !strings.Contains(e.Outcome, "could not find out") || !strings.Contains(e.Hint, "sfstore list") ||
			e.Status != 500 || e.ID != "5e0b" {
			t.Fatalf("--json error = %+v", e)
		}
	})
}

// refuseCreates puts a stand-in in front of the simulator that answers
// every create 500 without passing it on, and lists fail after
// r.failListsAfter lists when set.
func refuseCreates(t *testing.T, r *scriptRun) {
	t.Helper()
	var lists atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		isStores := strings.HasSuffix(req.URL.Path, "/propagation/stores")
		switch {
		case req.Method == http.MethodPost && isStores:
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = w.Write([]byte(`{"id":"5e0b","code":"UNEXPECTED_ERROR","message":"An unexpected error occurred."}`))
			return
		case req.Method == http.MethodGet && isStores:
			if n := lists.Add(1); r.failListsAfter > 0 && int(n) > r.failListsAfter {
				w.Header().Set("Retry-After", "0") // the read's retries need not wait
				w.WriteHeader(http.StatusBadGateway)
				return
			}
		}
		r.sim.ServeHTTP(w, req)
	}))
	t.Cleanup(srv.Close)
	r.opts.APIURL, r.opts.AuthURL = srv.URL, srv.URL
}

func TestARefusedActiveCreateSaysToCreateItInactive(t *testing.T) {
	r := newScriptRun(t, simulator.Options{})
	r.answers.Status = api.StatusActive
	r.sim.FailWith(400, "application/json", `{"id":"a1","code":"INVALID_DATA","message":"The request could not be completed.",
	  "details":[{"code":"INVALID_VALUE","target":"status","message":"must be INACTIVE"}]}`)
	if _, err := r.run(t); err == nil {
		t.Fatal("the refused create succeeded")
	}
	if !strings.Contains(r.err.String(), "PingOne refused to create the store active") {
		t.Fatalf("stderr:\n%s", r.err.String())
	}
}

// TestCtrlCWhileACreateLandsEndsAsCreated: the person cancels while the
// create is out, but PingOne had stored the store: sfstore looks, and the
// run ends as created with the store on stdout, asking nothing more.
func TestCtrlCWhileACreateLandsEndsAsCreated(t *testing.T) {
	r := newScriptRun(t, simulator.Options{})
	r.opts.JSON, r.opts.Publish = true, true
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r.ctx = ctx
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Method == http.MethodPost && strings.HasSuffix(req.URL.Path, "/propagation/stores") {
			r.sim.ServeHTTP(httptest.NewRecorder(), req) // stored…
			cancel()                                     // …and the person presses Ctrl-C
			<-req.Context().Done()
			return
		}
		r.sim.ServeHTTP(w, req)
	}))
	defer srv.Close()
	r.opts.APIURL, r.opts.AuthURL = srv.URL, srv.URL
	store, err := r.run(t)
	if err != nil || store == nil || len(r.sim.Stores()) != 1 || store.ID != r.sim.Stores()[0].ID {
		t.Fatalf("run = %+v, %v; stderr:\n%s", store, err, r.err.String())
	}
	var printed api.Store
	if json.Unmarshal(r.out.Bytes(), &printed) != nil || printed.ID != store.ID {
		t.Fatalf("stdout: %s", r.out.String())
	}
	for _, req := range r.sim.RequestsWith("POST") {
		if strings.HasSuffix(req.Path, "/revisions") {
			t.Fatalf("published after Ctrl-C:\n%s", r.err.String())
		}
	}
}

// Ctrl-C while a create that never arrived is in flight: sfstore finds out,
// says nothing changed, and does not tell the person to fix anything.
func TestCtrlCWhileACreateGoesNowhereSaysNothingChanged(t *testing.T) {
	r := newScriptRun(t, simulator.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r.ctx = ctx
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Method == http.MethodPost && strings.HasSuffix(req.URL.Path, "/propagation/stores") {
			// The server notices a closed connection only once the body
			// is read.
			_, _ = io.Copy(io.Discard, req.Body)
			cancel() // the person presses Ctrl-C before PingOne stores anything
			<-req.Context().Done()
			return
		}
		r.sim.ServeHTTP(w, req)
	}))
	defer srv.Close()
	r.opts.APIURL, r.opts.AuthURL = srv.URL, srv.URL
	if _, err := r.run(t); !errors.Is(err, ErrCancelled) {
		t.Fatalf("run = %v; stderr:\n%s", err, r.err.String())
	}
	if !strings.Contains(r.err.String(), "Nothing changed in PingOne") || strings.Contains(r.err.String(), "Fix what the message says") {
		t.Fatalf("stderr:\n%s", r.err.String())
	}
}
