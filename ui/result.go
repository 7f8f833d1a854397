package ui

import (
	"fmt"
	"strings"
	"time"

	"sfstore/api"
)

// RenderStore renders the store PingOne created as a card, followed by the
// next steps. PingOne echoes the secrets in clear: the card shows them masked.
// Width is the terminal width; demo marks the card as simulated.
func RenderStore(st Styles, store *api.Store, width int, demo bool) string {
	s := store.Masked()
	inner := cardWidth(width)
	title := st.OK.Render("✓ ") + st.Title.Render("Salesforce store created")
	if demo {
		title += " " + st.Demo.Render("DEMO")
	}
	env := ""
	if s.Environment != nil {
		env = s.Environment.ID
	}
	rows := []row{
		{"Name", s.Name},
		{"ID", s.ID},
		{"Type", s.Type},
		{"Status", s.Status},
		{"Environment", env},
		{"Created", formatTime(s.CreatedAt)},
	}
	if s.Description != "" {
		rows = append(rows, row{"Description", s.Description})
	}
	if s.Image != nil && s.Image.Href != "" {
		rows = append(rows, row{"Image", s.Image.Href})
	}
	if s.Managed != nil {
		rows = append(rows, row{"Deprovision on delete", yesNo(*s.Managed)})
	}
	config := configurationRows(s.Configuration)
	lw := labelWidth(append(append([]row{}, rows...), config...))
	body := strings.Join([]string{
		title,
		"",
		st.alignedTable(rows, inner, lw),
		"",
		st.Section.Render("Configuration"),
		st.alignedTable(config, inner, lw),
	}, "\n")
	return st.Card.Render(body) + "\n" + renderNextSteps(st, s, width)
}

// configurationRows lists the configuration under its API keys, so a support
// engineer can match it against a request body.
func configurationRows(c api.SalesforceConfiguration) []row {
	rows := []row{
		{"SALESFORCE_DOMAIN", c.SalesforceDomain},
		{"CLIENT_ID", c.ClientID},
		{"CLIENT_SECRET", c.ClientSecret},
		{"OAUTH_ACCESS_TOKEN", c.OAuthAccessToken},
		{"OAUTH_REFRESH_TOKEN", c.OAuthRefreshToken},
		{"PERMISSION_SET_MANAGEMENT", c.PermissionSetManagement},
		{"CREATE_USERS", yesNo(c.CreateUsers)},
		{"UPDATE_USERS", yesNo(c.UpdateUsers)},
		{"DISABLE_USERS", yesNo(c.DisableUsers)},
		{"PROVISION_DISABLED_USERS", yesNo(c.ProvisionDisabledUsers)},
		{"FREEZE_USER_FLAG", yesNo(c.FreezeUserFlag)},
		{"ENABLE_COMMUNITIES", yesNo(c.EnableCommunities)},
	}
	if c.AccountID != "" {
		rows = append(rows, row{"ACCOUNT_ID", c.AccountID})
	}
	if c.ProfileID != "" {
		rows = append(rows, row{"PROFILE_ID", c.ProfileID})
	}
	return rows
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
