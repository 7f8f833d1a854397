package ui

import (
	"strings"

	"sfstore/api"
	"sfstore/api/redact"
)

// RenderReview shows every answer that will be sent, grouped by step, with
// secrets masked. Width is the terminal width.
func RenderReview(st Styles, a Answers, width int) string {
	a.Normalize()
	req := a.Request()
	c := req.Configuration
	sections := map[Step][]row{}
	sections[StepPingOne] = pingOneRows(a)
	sections[StepStore] = []row{
		{FieldName.Label, req.Name},
		{FieldDescription.Label, req.Description},
		{FieldImageURL.Label, a.ImageURL},
		{"Status", req.Status},
		{FieldManaged.Label, yesNo(a.Managed)},
	}
	sections[StepSalesforce] = []row{
		{FieldSalesforceDomain.Label, c.SalesforceDomain},
		{FieldClientID.Label, c.ClientID},
		{FieldClientSecret.Label, redact.Mask(c.ClientSecret)},
		{FieldAccessToken.Label, redact.Mask(c.OAuthAccessToken)},
		{FieldRefreshToken.Label, redact.Mask(c.OAuthRefreshToken)},
	}
	sections[StepProvisioning] = []row{
		{FieldCreateUsers.Label, yesNo(c.CreateUsers)},
		{FieldUpdateUsers.Label, yesNo(c.UpdateUsers)},
		{FieldDisableUsers.Label, yesNo(c.DisableUsers)},
		{FieldProvisionDisabledUsers.Label, yesNo(c.ProvisionDisabledUsers)},
		{FieldFreezeUsers.Label, yesNo(c.FreezeUserFlag)},
		{FieldPermissionSets.Label, c.PermissionSetManagement},
	}
	communities := []row{{FieldEnableCommunities.Label, yesNo(c.EnableCommunities)}}
	if c.EnableCommunities {
		communities = append(communities, row{FieldAccountID.Label, c.AccountID})
	}
	communities = append(communities, row{FieldProfileID.Label, c.ProfileID})
	sections[StepCommunities] = communities

	var all []row
	for _, rows := range sections {
		all = append(all, rows...)
	}
	lw := labelWidth(all)
	var b strings.Builder
	for _, step := range Steps {
		b.WriteString("\n" + st.Section.Render(step.String()) + "\n")
		b.WriteString(st.alignedTable(sections[step], width, lw) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

func pingOneRows(a Answers) []row {
	rows := []row{{FieldRegion.Label, regionLabel(a.Region)}}
	if a.AuthMethod == AuthPastedToken {
		rows = append(rows, row{FieldPingOneToken.Label, redact.Mask(a.PingOneAccessToken)})
	} else {
		rows = append(rows,
			row{FieldWorkerEnvironment.Label, a.WorkerEnvironmentID},
			row{FieldWorkerClientID.Label, a.WorkerClientID},
			row{FieldWorkerClientSecret.Label, redact.Mask(a.WorkerClientSecret)},
		)
	}
	return append(rows, row{FieldEnvironmentID.Label, a.TargetEnvironmentID()})
}

func regionLabel(code string) string {
	if r, ok := api.LookupRegion(code); ok {
		return r.Code + " · " + r.Name
	}
	return code
}
