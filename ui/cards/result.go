package cards

import (
	"fmt"
	"strings"
	"time"

	"sfstore/api"
	"sfstore/ui/settings"
)

// RenderStore renders the store PingOne created as a card, followed by the
// next steps. PingOne echoes the secrets in clear: the card shows them masked.
// Width is the terminal width; demo marks the card as simulated.
func RenderStore(st Styles, store *api.Store, width int, demo bool) string {
	s := store.Masked()
	inner := st.innerWidth(width)
	title := st.OK.Render("✓ ") + st.Title.Render("Salesforce store created")
	if demo {
		title += " " + st.Demo.Render("DEMO")
	}
	env := ""
	if s.Environment != nil {
		env = s.Environment.ID
	}
	rows := []row{
		{Label: "Name", Value: s.Name},
		{Label: "ID", Value: s.ID},
		{Label: "Type", Value: s.Type},
		{Label: "Status", Value: s.Status},
		{Label: "Environment", Value: env},
		{Label: "Created", Value: formatTime(s.CreatedAt)},
	}
	if s.Description != "" {
		rows = append(rows, row{Label: "Description", Value: s.Description})
	}
	if s.Image != nil && s.Image.Href != "" {
		rows = append(rows, row{Label: "Image", Value: s.Image.Href})
	}
	if s.Managed != nil {
		rows = append(rows, row{Label: "Deprovision on delete", Value: yesNo(*s.Managed)})
	}
	config := settings.ConfigurationRows(*store)
	lw := labelWidth(append(append([]row{}, rows...), config...))
	return st.card(st.Card, []string{
		title,
		"",
		st.alignedTable(rows, inner, lw),
		"",
		st.Section.Render("Configuration"),
		st.alignedTable(config, inner, lw),
	}) + "\n" + renderNextSteps(st, s, width)
}

func renderNextSteps(st Styles, s api.Store, width int) string {
	var steps []string
	if s.Status != api.StatusActive {
		steps = append(steps, "The store is inactive: PingOne provisions nothing to it until you enable it (Integrations › Provisioning in the admin console).")
	}
	steps = append(steps, "A store created through the API shows in the admin console after a new propagation revision: POST …/environments/{envID}/propagation/revisions. That starts a resync.")
	if self, ok := s.Links["self"]; ok {
		steps = append(steps, "API address: "+self.Href)
	}
	lines := []string{"", st.Section.Render("Next steps")}
	for _, step := range steps {
		lines = append(lines, bullet(step, width))
	}
	return strings.Join(lines, "\n")
}

// formatTime shows PingOne's ISO-8601 time in UTC without the milliseconds;
// anything it cannot parse is shown as it came.
func formatTime(s string) string {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return s
	}
	return fmt.Sprint(t.UTC().Format("2006-01-02 15:04:05 UTC"))
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
