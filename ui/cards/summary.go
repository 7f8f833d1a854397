package cards

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"sfstore/ui/settings"
)

// RenderReviewSummary is the review in a few lines, one per part of the
// store, so that it fits on an 80×24 screen together with the review's
// menu: the choices that matter, secrets masked. RenderReview has every
// answer.
func RenderReviewSummary(st Styles, a settings.Answers, width int) string {
	return st.table(SummaryRows(a), max(width, 40))
}

// SummaryRows are the rows of RenderReviewSummary, built from the field
// table's Show, so a value reads as it does in the full review.
func SummaryRows(a settings.Answers) []row {
	show := func(f *settings.Field) string { return f.Show(a) }
	signIn := show(settings.FieldRegion) + " · pasted token " + show(settings.FieldPingOneToken)
	if a.AuthMethod == settings.AuthWorkerApp {
		signIn = show(settings.FieldRegion) + " · worker app " + show(settings.FieldWorkerClientID) +
			" · secret " + show(settings.FieldWorkerClientSecret)
	}
	store := join(show(settings.FieldName), show(settings.FieldStatus))
	if a.Managed != nil {
		store = join(store, "deprovision on delete: "+show(settings.FieldManaged))
	}
	if a.Description != "" {
		store = join(store, "described")
	}
	if a.ImageURL != "" {
		store = join(store, "with an icon")
	}
	sf := join(show(settings.FieldSalesforceDomain), "client "+show(settings.FieldClientID),
		"secret "+show(settings.FieldClientSecret),
		"tokens "+show(settings.FieldAccessToken)+" "+show(settings.FieldRefreshToken))
	return []row{
		{Label: "Sign-in", Value: signIn},
		{Label: "Environment", Value: show(settings.FieldEnvironmentID)},
		{Label: "Store", Value: store},
		{Label: "Salesforce", Value: sf},
		{Label: "Users", Value: usersLine(a)},
		{Label: "Communities", Value: communitiesLine(a.EnableCommunities, a.AccountID, a.ProfileID)},
	}
}

// communitiesLine says whether community users are provisioned, to which
// account, and the profile new users get: the review's summary and the
// created store's card read alike.
func communitiesLine(on bool, accountID, profileID string) string {
	line := "off"
	if on {
		line = join("on", "account "+orNone(accountID))
	}
	return join(line, "profile "+orDefault(profileID))
}

// usersLine says what PingOne does to Salesforce users, in words.
func usersLine(a settings.Answers) string {
	var on, off []string
	for _, c := range []struct {
		set  bool
		word string
	}{
		{a.CreateUsers, "create"}, {a.UpdateUsers, "update"}, {a.DisableUsers, "disable"},
		{a.ProvisionDisabledUsers, "provision disabled"}, {a.FreezeUsers, "freeze"},
	} {
		if c.set {
			on = append(on, c.word)
		} else {
			off = append(off, c.word)
		}
	}
	// "yes"/"no" lists read unambiguously; "not a, b" could be read as
	// "not a", then "b".
	var parts []string
	if len(on) > 0 {
		parts = append(parts, "yes: "+strings.Join(on, ", "))
	}
	if len(off) > 0 {
		parts = append(parts, "no: "+strings.Join(off, ", "))
	}
	return strings.Join(parts, "; ") + " · permission sets: " + permissionSetsWord(a.PermissionSets)
}

// permissionSetsWord is the permission-set choice in the one word the
// field gives it (merge, overwrite); a value it does not know, as it is.
func permissionSetsWord(v string) string {
	for _, c := range settings.FieldPermissionSets.Choices {
		if strings.EqualFold(c.Value, v) && c.Word != "" {
			return c.Word
		}
	}
	return v
}

func join(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " · ")
}

func orNone(v string) string {
	if v == "" {
		return "(none)"
	}
	return v
}

func orDefault(v string) string {
	if v == "" {
		return "(Salesforce's default)"
	}
	return v
}

// RenderReviewColumns is the full review in two columns, for a terminal
// wide enough to show every answer beside the menu.
func RenderReviewColumns(st Styles, a settings.Answers, width int) string {
	colWidth := (width - 3) / 2
	left, right := renderSteps(st, a, colWidth, settings.Steps[:3]), renderSteps(st, a, colWidth, settings.Steps[3:])
	return lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(colWidth).Render(left), "   ", right)
}
