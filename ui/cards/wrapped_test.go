package cards

import (
	"io"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// A style's split drawing is Render's, in colour and without, for names
// of every kind: the list draws 10,000 names with it.
func TestWrappedDrawsAsRender(t *testing.T) {
	texts := []string{"store 1", "", " ", "a  b ", "Ünïcödé · 名前", "tab\there", "x", "xx", "\x1b[31mred", "…"}
	for _, profile := range []termenv.Profile{termenv.Ascii, termenv.ANSI, termenv.ANSI256, termenv.TrueColor} {
		r := lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(profile)
		for _, style := range []lipgloss.Style{NewStyles(r).Title, NewStyles(r).Muted, r.NewStyle().Padding(0, 1).Bold(true), r.NewStyle().Width(12)} {
			w := wrap(style)
			for _, text := range texts {
				if got, want := string(w.append([]byte("<"), text)), "<"+style.Render(text); got != want {
					t.Errorf("profile %v, %q: got %q, want %q", profile, text, got, want)
				}
			}
		}
	}
}
