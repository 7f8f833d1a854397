package cards

import (
	"github.com/charmbracelet/x/ansi"

	"sfstore/api"
	"sfstore/ui/settings"
	"sfstore/ui/term"
)

// RenderStoreSummary is the created (or updated) store in a short card:
// the headline, what identifies the store and the choices that matter. It
// fits on an 80×24 screen with the question that follows a create; the
// whole store is in RenderStore (for `sfstore show`) and in --json.
func RenderStoreSummary(st Styles, store *api.Store, width int, demo, updated bool) string {
	s := store.Masked()
	inner := st.innerWidth(width)
	title := resultHeadline(st, demo, updated)
	status := s.Status
	switch s.Status {
	case "":
		status = "(not stated by PingOne)"
	case api.StatusActive:
	default:
		status += ": provisions nothing until enabled"
	}
	c := s.Configuration
	rows := []row{
		{Label: "Name", Value: s.Name},
		{Label: "ID", Value: s.ID},
		{Label: "Status", Value: status},
		{Label: "Environment", Value: environmentID(s)},
		{Label: "Salesforce", Value: c.SalesforceDomain},
		{Label: "Users", Value: usersLine(answersOf(c))},
		{Label: "Communities", Value: communitiesLine(c.EnableCommunities, c.AccountID, c.ProfileID)},
	}
	more := "Everything: sfstore show " + s.ID + ", or --json"
	if demo {
		// Each demo run starts a fresh simulator: a later `show --demo`
		// would not find this store.
		more = "This demo store is gone when sfstore exits; sfstore list --demo shows the demo's own stores."
	}
	return st.card(st.Card, []string{title, st.table(rows, inner), st.paragraph(st.Muted, more, inner)})
}

// resultHeadline is the first line of a result card.
func resultHeadline(st Styles, demo, updated bool) string {
	headline := "Salesforce store created"
	if updated {
		headline = "Salesforce store updated"
	}
	title := st.OK.Render("✓ ") + st.Title.Render(headline)
	if demo {
		title += " " + st.Demo.Render("DEMO")
	}
	return title
}

// RenderStoreShort is the created (or updated) store in three lines, for a
// screen too short for RenderStoreSummary and the question after it: the
// headline, the name and status, and the ID, whole (`sfstore show` has
// the rest).
func RenderStoreShort(st Styles, store *api.Store, width int, demo, updated bool) string {
	s := store.Masked()
	inner := st.innerWidth(width)
	name := st.Clean(term.Line(s.Name))
	if s.Status != "" {
		name += " · " + term.Line(s.Status)
	}
	lines := []string{resultHeadline(st, demo, updated),
		st.Value.Render(ansi.Truncate(name, inner, "…")),
		st.paragraph(st.Muted, "ID "+term.Line(s.ID), inner)}
	return st.card(st.Card, lines)
}

// environmentID is the ID of the environment a store is in, "" when
// PingOne did not say.
func environmentID(s api.Store) string {
	if s.Environment == nil {
		return ""
	}
	return s.Environment.ID
}

// answersOf reads the provisioning choices of a store's configuration
// back into answers, for usersLine.
func answersOf(c api.SalesforceConfiguration) settings.Answers {
	return settings.Answers{
		CreateUsers: c.CreateUsers, UpdateUsers: c.UpdateUsers, DisableUsers: c.DisableUsers,
		ProvisionDisabledUsers: c.ProvisionDisabledUsers, FreezeUsers: c.FreezeUserFlag,
		PermissionSets: c.PermissionSetManagement,
	}
}
