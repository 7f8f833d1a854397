package ui

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"sfstore/api"
	"sfstore/ui/settings"
	"sfstore/ui/settings/settingstest"
)

// The result card leaves the publish question room on the screen, so its
// headline is never scrolled away: the summary where it fits, a short
// card, then the short card unboxed; without a known height (a script, a
// pipe) always the summary.
func TestTheResultCardGivesWayToTheQuestionOnAShortScreen(t *testing.T) {
	store := &api.Store{ID: "8305f20e-d0e2-4a92-aa0d-c7af0f88d2d5", Name: "Salesforce production", Status: api.StatusInactive,
		Environment:   &api.ObjectRef{ID: "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6"},
		Configuration: api.SalesforceConfiguration{SalesforceDomain: "acme.my.salesforce.com", ClientSecret: settingstest.ClientSecret}}
	for _, tt := range []struct {
		width, height int
		want          string // a line only that card has
	}{
		{80, 24, "Communities"}, {200, 50, "Communities"}, {40, 0, "Communities"},
		{40, 24, "╭"}, {40, 12, "ID " + store.ID},
	} {
		var out bytes.Buffer
		s := NewSession(context.Background(), settings.Defaults(), Options{Demo: true},
			Streams{Out: &out, Err: &out, OutWidth: tt.width, ErrWidth: tt.width, OutTTY: true, ErrTTY: true, Height: tt.height})
		s.ReportCreated(store)
		card := strings.TrimSuffix(out.String(), "\n")
		lines := strings.Split(card, "\n")
		if !strings.Contains(card, "✓ Salesforce store created") || !strings.Contains(card, tt.want) || strings.Contains(card, settingstest.Marker) {
			t.Errorf("at %dx%d the card lacks %q:\n%s", tt.width, tt.height, tt.want, card)
		}
		if tt.height > 0 && len(lines)+publishQuestionRows > tt.height {
			t.Errorf("at %dx%d the card takes %d lines: with the question, more than the screen", tt.width, tt.height, len(lines))
		}
		if tt.height == 24 && tt.width == 40 && strings.Contains(card, "Communities") {
			t.Errorf("at 40x24 the summary is shown, which pushes its headline off:\n%s", card)
		}
	}
}
