package wizard

import (
	"context"
	"fmt"
	"io"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"sfstore/api"
	"sfstore/secrets"
	"sfstore/ui"
	"sfstore/ui/settings"
)

func benchWizard() *Wizard {
	s := ui.NewSession(context.Background(), settings.Defaults(), ui.Options{Keyring: secrets.NewMemory()},
		ui.Streams{Out: io.Discard, Err: io.Discard, OutWidth: 120, ErrWidth: 120})
	return New(s)
}

// BenchmarkFirstFrame measures what stands between starting sfstore and the
// first form on screen: building the session and the wizard (the keyring
// check is a cheap probe, never a keyring call) and rendering the first
// form once.
func BenchmarkFirstFrame(b *testing.B) {
	kr := secrets.NewMemory()
	for b.Loop() {
		s := ui.NewSession(context.Background(), settings.Defaults(), ui.Options{Keyring: kr},
			ui.Streams{Out: io.Discard, Err: io.Discard, OutWidth: 80, ErrWidth: 80})
		f := New(s).signInForm()
		f.Init()
		_ = f.View()
	}
}

var (
	keyDown = tea.KeyMsg{Type: tea.KeyDown}
	keyUp   = tea.KeyMsg{Type: tea.KeyUp}
)

// BenchmarkKeystroke is one arrow key and the redraw that follows on the
// first form at 120×40, as the person sees it (the form inside the
// wizard's back-and-quit wrapper). Target: at most 1 ms.
func BenchmarkKeystroke(b *testing.B) {
	w := benchWizard()
	var m tea.Model = newFormModel(w.signInForm(), true, w.st.Muted)
	m.Init()
	m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	_ = m.View()
	i := 0
	for b.Loop() {
		k := keyDown
		if i%2 == 1 {
			k = keyUp
		}
		i++
		m, _ = m.Update(k)
		_ = m.View()
	}
}

// tenThousandProfiles are options like a large org's profile list.
func tenThousandProfiles() []pickOption {
	opts := make([]pickOption, 0, 10001)
	for i := range 10000 {
		opts = append(opts, pickOption{label: fmt.Sprintf("Generated Profile %05d · Salesforce · 00e5g00000%05dAAA", i, i),
			value: fmt.Sprintf("00e5g00000%05dAAA", i)})
	}
	return append(opts, pickOption{label: "Type a profile ID", value: pickTypeID, pinned: true})
}

// BenchmarkPicker10k is one arrow key and the redraw that follows in a
// picker of 10,000 profiles at 120×40. Target: at most 16 ms (one frame).
func BenchmarkPicker10k(b *testing.B) {
	w := benchWizard()
	m := newPicker(w.st, "Step 5 of 5 · Communities", "Profile ID", "The profile PingOne gives the users it creates.",
		tenThousandProfiles(), "")
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	i := 0
	for b.Loop() {
		k := keyDown
		if i%2 == 1 {
			k = keyUp
		}
		i++
		m.Update(k)
		_ = m.View()
	}
}

// BenchmarkPicker10kFilter is one letter typed into the same picker: the
// filter runs over every label.
func BenchmarkPicker10kFilter(b *testing.B) {
	w := benchWizard()
	m := newPicker(w.st, "", "Profile ID", "", tenThousandProfiles(), "")
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	for b.Loop() {
		m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'7'}})
		_ = m.View()
		m.Update(tea.KeyMsg{Type: tea.KeyBackspace})
	}
}

// tenThousandTwins are 10,000 Salesforce stores that share one name, as an
// environment filled by a runaway script would hold.
func tenThousandTwins() []api.Store {
	twins := make([]api.Store, 0, 10000)
	for i := range 10000 {
		twins = append(twins, api.Store{ID: fmt.Sprintf("5f1e%04d-0000-4000-8000-%012d", i, i), Name: "Salesforce",
			Type: api.StoreTypeSalesforce, Status: api.StatusActive})
	}
	return twins
}

// chooseStorePicker is ChooseStore's picker at 120×40, its first frame
// drawn.
func chooseStorePicker(w *Wizard, twins []api.Store) *pickerModel {
	heading, title, desc := w.chooseStoreText("Salesforce", twins)
	m := newPicker(w.st, heading, title, desc, inert(w.storeOptions(twins)), twins[0].ID)
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	_ = m.View()
	return m
}

// BenchmarkChooseStore10kFirstFrame is what stands between the list of
// 10,000 same-named stores and the question on screen: the options built
// and the first frame drawn. Target: at most 16 ms.
func BenchmarkChooseStore10kFirstFrame(b *testing.B) {
	w, twins := benchWizard(), tenThousandTwins()
	for b.Loop() {
		chooseStorePicker(w, twins)
	}
}

// BenchmarkChooseStore10kKey is one arrow key and the redraw that follows
// in the same picker. Target: at most 16 ms (one frame).
func BenchmarkChooseStore10kKey(b *testing.B) {
	w := benchWizard()
	m := chooseStorePicker(w, tenThousandTwins())
	i := 0
	for b.Loop() {
		k := keyDown
		if i%2 == 1 {
			k = keyUp
		}
		i++
		m.Update(k)
		_ = m.View()
	}
}
