package wizard

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"sfstore/ui/cards"
	"sfstore/ui/provision"
)

func mappingRows() []provision.Row {
	rows := []provision.Row{{Target: "Username", Source: "email", Required: true}, {Target: "FirstName", Source: "name.given"}}
	for _, t := range []string{"LastName", "Alias", "TimeZoneSidKey", "LocaleSidKey", "EmailEncodingKey", "LanguageLocaleKey", "Email"} {
		rows = append(rows, provision.Row{Target: t, Expression: "'x'", Required: true})
	}
	return rows
}

func TestTheMappingReviewFitsSmallScreensAndKeepsRequiredRows(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}, {200, 50}} {
		m := &mappingModel{st: cards.NewStyles(lipgloss.NewRenderer(nil)), heading: "2 of 3 · Mappings: Salesforce ← PingOne",
			note: "Target names checked against the 20 user attributes PingOne's store metadata lists.", rows: mappingRows()}
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for range 12 { // to the last row: the table scrolls
			m.Update(tea.KeyMsg{Type: tea.KeyDown})
		}
		view := m.View()
		lines := strings.Split(view, "\n")
		if len(lines) > size[1] {
			t.Errorf("%dx%d: %d lines:\n%s", size[0], size[1], len(lines), view)
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > size[0] {
				t.Errorf("%dx%d: a line of %d columns: %q", size[0], size[1], w, l)
			}
		}
		for _, want := range []string{"> * Email", "c continue"} {
			if !strings.Contains(view, want) {
				t.Errorf("%dx%d: the view lacks %q:\n%s", size[0], size[1], want, view)
			}
		}
		m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'d'}})
		if m.chosen != "" || !strings.Contains(m.View(), "Email is required") {
			t.Errorf("%dx%d: a required row could be dropped (%q):\n%s", size[0], size[1], m.chosen, m.View())
		}
	}
	m := &mappingModel{st: cards.NewStyles(lipgloss.NewRenderer(nil)), rows: mappingRows(), cursor: 1}
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'d'}})
	if m.chosen != "drop" {
		t.Errorf("an optional row was not dropped: %q", m.chosen)
	}
	m = &mappingModel{st: cards.NewStyles(lipgloss.NewRenderer(nil)), rows: mappingRows(), problems: []string{"no mapping sets ProfileId"}}
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'c'}})
	if m.chosen != "" {
		t.Errorf("continued with a problem left")
	}
}

// A problem quotes a target PingOne returned (a mapping of it twice, an
// unknown name): drawn inert, not as the terminal's escape sequences.
func TestTheMappingReviewsProblemsAreInert(t *testing.T) {
	m := &mappingModel{st: cards.NewStyles(lipgloss.NewRenderer(nil)), heading: "Mappings", rows: mappingRows(),
		problems: []string{"evil\x1b]0;owned\x07\x1b[2J is mapped more than once"}}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if view := m.View(); strings.ContainsAny(view, "\x1b\x07") || !strings.Contains(view, "is mapped more than once") {
		t.Errorf("view: %q", view)
	}
}
