package ui

import "github.com/charmbracelet/lipgloss"

// Styles are the lipgloss styles of everything the wizard prints outside a
// form. They are bound to a renderer so that output for stdout and stderr,
// and for tests with a fixed color profile, each get the right colors.
type Styles struct {
	Title     lipgloss.Style
	Demo      lipgloss.Style
	Label     lipgloss.Style
	Value     lipgloss.Style
	Muted     lipgloss.Style
	Section   lipgloss.Style
	OK        lipgloss.Style
	Warn      lipgloss.Style
	Bad       lipgloss.Style
	Card      lipgloss.Style
	ErrorCard lipgloss.Style
}

// Plain colors, not adaptive ones: an AdaptiveColor makes lipgloss query
// the terminal's background, which leaks escape codes in some terminals.
var (
	colorAccent = lipgloss.Color("63")
	colorGreen  = lipgloss.Color("35")
	colorYellow = lipgloss.Color("214")
	colorRed    = lipgloss.Color("203")
	colorMuted  = lipgloss.Color("245")
)

// NewStyles builds the styles for one renderer.
func NewStyles(r *lipgloss.Renderer) Styles {
	card := r.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 1)
	return Styles{
		Title:     r.NewStyle().Bold(true).Foreground(colorAccent),
		Demo:      r.NewStyle().Bold(true).Reverse(true).Foreground(colorYellow).Padding(0, 1),
		Label:     r.NewStyle().Foreground(colorMuted),
		Value:     r.NewStyle(),
		Muted:     r.NewStyle().Foreground(colorMuted),
		Section:   r.NewStyle().Bold(true),
		OK:        r.NewStyle().Foreground(colorGreen),
		Warn:      r.NewStyle().Foreground(colorYellow),
		Bad:       r.NewStyle().Foreground(colorRed).Bold(true),
		Card:      card.BorderForeground(colorGreen),
		ErrorCard: card.BorderForeground(colorRed),
	}
}
