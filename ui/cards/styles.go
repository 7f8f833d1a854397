package cards

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"sfstore/ui/term"
)

// Styles are the lipgloss styles of everything sfstore prints outside a
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

	// Plain draws cards as lines without a border: for screen readers,
	// dumb terminals and output that is not a terminal at all.
	Plain bool
	// Secrets are masked in every value before it is laid out: once
	// wrapped, a secret split across two lines could no longer be found.
	Secrets *term.Secrets
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

// Clean makes text from outside safe to lay out: escape sequences and
// control characters removed, known secrets masked. Newlines are kept.
func (s Styles) Clean(text string) string {
	return s.Secrets.Redact(term.Sanitize(text))
}

// card draws lines in a bordered box, or as they are when Plain.
func (s Styles) card(box lipgloss.Style, lines []string) string {
	body := strings.Join(lines, "\n")
	if s.Plain {
		return body
	}
	return box.Render(body)
}

// innerWidth is the width a card's content may take in width cells: a
// border and padding take four.
func (s Styles) innerWidth(width int) int {
	if s.Plain {
		return max(width, 40)
	}
	return max(width, 40) - 4
}

// paragraph wraps cleaned text at width in a style.
func (s Styles) paragraph(style lipgloss.Style, text string, width int) string {
	return renderLines(style, wrapWords(s.Clean(text), width, !s.Plain), "")
}
