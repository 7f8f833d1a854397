package wizard

import (
	"github.com/charmbracelet/huh"
)

// Theme is huh's Charm theme with the choice made visible without
// colour. Charm shows the chosen button of a yes/no question only by its
// background, which NO_COLOR, TERM=dumb and many screen captures drop, so
// each button carries a marker too: "(•) Yes  ( ) No". It is built once per
// wizard: huh rebuilds a default theme on every style lookup.
func Theme() *huh.Theme {
	t := huh.ThemeCharm()
	for _, fs := range []*huh.FieldStyles{&t.Focused, &t.Blurred} {
		fs.FocusedButton = fs.FocusedButton.Transform(chosenButton)
		fs.BlurredButton = fs.BlurredButton.Transform(otherButton)
	}
	return t
}

func chosenButton(label string) string { return "(•) " + label }
func otherButton(label string) string  { return "( ) " + label }
