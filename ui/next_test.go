package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	"sfstore/api/simulator"
)

// nextScript is a script whose person answers "What next?".
type nextScript struct {
	*Script
	next         Next
	asked        bool
	publishAsked bool
}

func (p *nextScript) NextStep(context.Context) (Next, error) { p.asked = true; return p.next, nil }

func (p *nextScript) Publish(context.Context) (bool, error) { p.publishAsked = true; return false, nil }

func TestAfterACreateWhatNextCanProvisionTheNewStore(t *testing.T) {
	errProvision := errors.New("provisioned")
	for _, tt := range []struct {
		next      Next
		provision bool
		want      error
	}{{NextProvision, true, errProvision}, {NextPublish, false, nil}, {NextNothing, false, nil}} {
		r := newScriptRun(t, simulator.Options{})
		s := NewSession(context.Background(), r.answers, r.opts, Streams{Out: &r.out, Err: &r.err, OutWidth: 80, ErrWidth: 80})
		var provisioned string
		s.ProvisionNext = func(_ context.Context, id string) error { provisioned = id; return errProvision }
		p := &nextScript{Script: NewScript(s), next: tt.next}
		store, err := Create(context.Background(), s, p)
		if !errors.Is(err, tt.want) || store == nil || !p.asked || p.publishAsked {
			t.Errorf("next %d: err %v, store %v, asked %v, publish asked %v", tt.next, err, store != nil, p.asked, p.publishAsked)
			continue
		}
		if tt.provision != (provisioned == store.ID) {
			t.Errorf("next %d: provisioned %q, store %s", tt.next, provisioned, store.ID)
		}
		if tt.next == NextPublish && len(r.sim.RequestsWith("POST")) < 2 {
			t.Errorf("publish chosen, but no revision was created")
		}
		if tt.next == NextNothing && !strings.Contains(r.err.String(), "provision "+store.ID) {
			t.Errorf("nothing chosen: the provision command is not suggested:\n%s", r.err.String())
		}
	}
}
