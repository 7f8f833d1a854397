package wizard

import (
	"errors"
	"slices"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
)

// errBack is the person going back from the first question of a form
// (Shift+Tab or Esc): the caller shows the previous form or step, every
// answer kept.
var errBack = errors.New("back")

// errSkip is a page of a step that had nothing to ask (a secret already
// reused, a choice that does not apply): the step moves on in the
// direction it was going, so going back never lands on an empty page.
var errSkip = errors.New("nothing to ask")

// formModel runs a huh form and adds what huh v1.0.0 lacks: going back
// from its first question, and a help line that says how to go back and
// quit. huh disables Shift+Tab on a form's first field and ignores Esc, so
// both are read here before the form sees them.
type formModel struct {
	form    *huh.Form
	canBack bool   // there is somewhere to go back to
	hint    string // the help line under the form
	back    bool   // the person went back
}

func newFormModel(f *huh.Form, canBack bool, muted lipgloss.Style) *formModel {
	hint := "ctrl+c quit"
	if canBack {
		hint = "esc back · " + hint
	}
	return &formModel{form: f, canBack: canBack, hint: muted.Render(hint)}
}

func (m *formModel) Init() tea.Cmd { return m.form.Init() }

func (m *formModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && (k.Type == tea.KeyShiftTab || k.Type == tea.KeyEsc) {
		field := m.form.GetFocusedField()
		switch {
		case field == nil || usesKey(field, k.String()):
			// The field has a use for the key (Esc clears a filter).
		case k.Type == tea.KeyShiftTab && usesKey(field, "shift+tab"):
			// huh goes to the previous question itself.
		case k.Type == tea.KeyEsc && usesKey(field, "shift+tab"):
			msg = tea.KeyMsg{Type: tea.KeyShiftTab}
		case m.canBack:
			m.back = true
			return m, tea.Quit
		}
	}
	f, cmd := m.form.Update(msg)
	if f, ok := f.(*huh.Form); ok {
		m.form = f
	}
	return m, cmd
}

func (m *formModel) View() string {
	switch {
	case m.back:
		return ""
	case m.form.State != huh.StateNormal:
		return m.form.View()
	}
	return m.form.View() + "\n" + m.hint
}

// usesKey says whether an enabled binding of the field answers key. huh
// enables a field's "previous" binding only when there is a previous
// question in the form, so this also says whether the field is the first.
func usesKey(f huh.Field, key string) bool {
	for _, b := range f.KeyBinds() {
		if b.Enabled() && slices.Contains(b.Keys(), key) {
			return true
		}
	}
	return false
}
