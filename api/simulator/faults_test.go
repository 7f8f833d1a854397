package simulator_test

import (
	"testing"

	"sfstore/api/simulator"
)

func TestCreateFaultsStoreThenLoseTheAnswer(t *testing.T) {
	sim := simulator.New(simulator.Options{AccessTokens: []string{goodToken},
		CreateFaults: []simulator.Fault{simulator.FaultAppliedThen500, simulator.FaultAppliedEmptyBody}})
	w := createStore(t, sim, validBody())
	if w.Code != 500 || decodeError(t, w).Code != "UNEXPECTED_ERROR" || len(sim.Stores()) != 1 {
		t.Errorf("ambiguous create: %d %s, %d stores; want 500 and the store kept", w.Code, w.Body, len(sim.Stores()))
	}
	w = createStore(t, sim, validBody())
	if w.Code != 201 || w.Body.Len() != 0 || w.Header().Get("Content-Type") != "" || len(sim.Stores()) != 2 {
		t.Errorf("empty create: %d %q %v, %d stores", w.Code, w.Body, w.Header(), len(sim.Stores()))
	}
	if w := createStore(t, sim, validBody()); w.Code != 201 || w.Body.Len() == 0 {
		t.Errorf("third create, past the faults: %d %q", w.Code, w.Body)
	}
}

func TestRefusedCallsDoNotUseUpAFault(t *testing.T) {
	sim := simulator.New(simulator.Options{AccessTokens: []string{goodToken},
		CreateFaults: []simulator.Fault{simulator.FaultAppliedThen500}})
	bad := validBody()
	delete(bad, "name")
	if w := createStore(t, sim, bad); w.Code != 400 {
		t.Fatalf("invalid create: %d", w.Code)
	}
	if w := createStore(t, sim, validBody()); w.Code != 500 {
		t.Errorf("first create carried out: %d, want the fault's 500", w.Code)
	}
}

func TestUpdateAndDeleteFaults(t *testing.T) {
	sim := simulator.New(simulator.Options{AccessTokens: []string{goodToken},
		UpdateFaults: []simulator.Fault{simulator.FaultNone, simulator.FaultAppliedThen500, simulator.FaultAppliedEmptyBody},
		DeleteFaults: []simulator.Fault{simulator.FaultAppliedThen500}})
	id := created(t, sim)
	put := validBody()
	for i, want := range []int{200, 500, 200} {
		put["name"] = "name " + string(rune('A'+i))
		w := send(t, sim, "PUT", storesURL+"/"+id, put)
		if w.Code != want || sim.Stores()[0].Name != put["name"] {
			t.Errorf("PUT %d: %d %q, stored name %q; want %d and the update made", i, w.Code, w.Body, sim.Stores()[0].Name, want)
		}
		if i == 2 && w.Body.Len() != 0 {
			t.Errorf("PUT %d: body %q, want empty", i, w.Body)
		}
	}
	if w := send(t, sim, "DELETE", storesURL+"/"+id, nil); w.Code != 500 || len(sim.Stores()) != 0 {
		t.Errorf("ambiguous delete: %d, %d stores; want 500 and the store gone", w.Code, len(sim.Stores()))
	}
	if w := send(t, sim, "DELETE", storesURL+"/"+id, nil); w.Code != 404 {
		t.Errorf("delete retried: %d, want 404", w.Code)
	}
}
