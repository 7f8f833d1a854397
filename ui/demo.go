package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"sfstore/ui/cards"
	"sfstore/ui/settings"
)

// The demo's simulators are wired where the program is put together
// (ui/cli); the create flow only knows that it runs in one (Options.Demo).

// demoWorkerSecret signs in to the demo's PingOne, which takes any secret:
// someone trying `sfstore list --demo` or `doctor --demo` has nothing to
// type.
const demoWorkerSecret = "demo-worker-app-secret"

// DemoSignIn gives the demo's worker app its secret when none was given.
func (s *Session) DemoSignIn() {
	a := s.Answers
	if s.Opts.Demo && a.AuthMethod == settings.AuthWorkerApp && a.WorkerClientSecret == "" {
		a.WorkerClientSecret = demoWorkerSecret
		s.NoteSecrets()
	}
}

// demoMarked is wrapStyled with the DEMO marker before the text, wrapped
// with it so the marker takes its place on the first line.
func demoMarked(st cards.Styles, style lipgloss.Style, text string, width int) string {
	mark := st.Demo.Render("DEMO")
	// A stand-in as wide as the marker drawn (it is padded) is wrapped in
	// its place, so the first line keeps to the width.
	stand := strings.Repeat("D", lipgloss.Width(mark))
	lines := strings.Split(cards.Wrap(stand+" "+st.Clean(text), width), "\n")
	for i, l := range lines {
		if i > 0 {
			lines[i] = style.Render(l)
			continue
		}
		lines[0] = mark
		if rest := strings.TrimPrefix(strings.TrimPrefix(l, stand), " "); rest != "" {
			lines[0] += " " + style.Render(rest)
		}
	}
	return strings.Join(lines, "\n")
}

// NoteDemoJSON says on stderr, in the demo with --json, that what stdout
// gets is the simulators': the JSON itself stays as PingOne's would be, so
// the marker goes beside it.
func (s *Session) NoteDemoJSON() {
	if s.Opts.Demo && s.Opts.JSON {
		fmt.Fprintln(s.Err, demoMarked(s.ErrStyles, lipgloss.NewStyle(), "JSON from the demo's simulators; nothing left this machine.", s.ErrWidth))
	}
}
