package cards

import (
	"strings"

	"sfstore/ui/settings"
)

// RenderReview shows every answer that will be sent, grouped by step, with
// secrets masked and keys left to PingOne marked. Width is the terminal
// width.
func RenderReview(st Styles, a settings.Answers, width int) string {
	return renderSteps(st, a, width, settings.Steps)
}

// renderSteps renders the answers of steps, their labels aligned.
func renderSteps(st Styles, a settings.Answers, width int, steps []settings.Step) string {
	sections := map[settings.Step][]row{}
	var all []row
	for _, step := range steps {
		sections[step] = settings.ReviewRows(a, step)
		all = append(all, sections[step]...)
	}
	lw := labelWidth(all)
	var b strings.Builder
	for _, step := range steps {
		b.WriteString("\n" + st.Section.Render(step.String()) + "\n")
		b.WriteString(st.alignedTable(sections[step], width, lw) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}
