package wizard

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"sfstore/ui/profile"
)

func screenProfiles() *profile.Config {
	return &profile.Config{Profiles: map[string]profile.Profile{
		"acme":       {Description: "Acme production", Region: "EU"},
		"acme-sbx":   {Description: "Acme sandbox \x1b[31mred\x1b[0m"},
		"globex-prd": {},
	}}
}

// TestScreenProfilePicker is the first step's question when profiles are
// saved, at the sizes the wizard supports.
func TestScreenProfilePicker(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {40, 12}} {
		w := screenWizard(t)
		picked := newConnection
		var m tea.Model = w.profileForm(screenProfiles(), &picked)
		m.Init()
		m, _ = m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		view := m.View()
		if strings.Contains(view, "\x1b[31m") {
			t.Fatalf("a description's escape reached the screen:\n%q", view)
		}
		for _, want := range []string{"acme · Acme production", "globex-prd", "A new connection"} {
			if !strings.Contains(view, want) {
				t.Errorf("%dx%d lacks %q:\n%s", sz[0], sz[1], want, view)
			}
		}
		requireScreen(t, fmt.Sprintf("profile-picker-%dx%d", sz[0], sz[1]), view, sz[0], sz[1])
	}
}

// TestScreenSaveProfile is the name and description asked after a create.
func TestScreenSaveProfile(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {40, 12}} {
		w := screenWizard(t)
		name, desc := "", ""
		var m tea.Model = w.saveProfileForm(&name, &desc, profile.CheckName)
		m.Init()
		m, _ = m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		requireScreen(t, fmt.Sprintf("profile-save-%dx%d", sz[0], sz[1]), m.View(), sz[0], sz[1])
	}
}
