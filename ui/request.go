package ui

import "sfstore/api"

// Request turns the answers into the Create Store (Salesforce) body. It is a
// pure function of the answers: the review, a dry run and the real call all
// see the same request.
func (a Answers) Request() api.CreateSalesforceStoreRequest {
	a.Normalize()
	status := api.StatusInactive
	if a.Active {
		status = api.StatusActive
	}
	managed := a.Managed
	req := api.CreateSalesforceStoreRequest{
		Type:        api.StoreTypeSalesforce,
		Name:        a.Name,
		Description: a.Description,
		Status:      status,
		Managed:     &managed,
		Configuration: api.SalesforceConfiguration{
			SalesforceDomain:        a.SalesforceDomain,
			ClientID:                a.ClientID,
			ClientSecret:            a.ClientSecret,
			OAuthAccessToken:        a.SalesforceAccessToken,
			OAuthRefreshToken:       a.SalesforceRefreshToken,
			PermissionSetManagement: a.PermissionSets,
			EnableCommunities:       a.EnableCommunities,
			FreezeUserFlag:          a.FreezeUsers,
			CreateUsers:             a.CreateUsers,
			UpdateUsers:             a.UpdateUsers,
			DisableUsers:            a.DisableUsers,
			ProvisionDisabledUsers:  a.ProvisionDisabledUsers,
			AccountID:               a.AccountID,
			ProfileID:               a.ProfileID,
		},
	}
	if a.ImageURL != "" {
		req.Image = &api.Image{Href: a.ImageURL}
	}
	return req
}
