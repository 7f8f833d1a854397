package settings

import "sfstore/api"

// Request turns the answers into the Create Store (Salesforce) body. It is a
// pure function of the answers: the review, a dry run and the real call all
// see the same request. Status and managed are sent only when chosen; every
// configuration boolean is sent, since PingOne documents no defaults for
// them (UNCONFIRMED).
func (a Answers) Request() api.CreateSalesforceStoreRequest {
	req := api.CreateSalesforceStoreRequest{
		Type:        api.StoreTypeSalesforce,
		Name:        a.Name,
		Description: a.Description,
		Status:      a.Status,
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
			ProfileID:               a.ProfileID,
		},
	}
	if a.Managed != nil {
		managed := *a.Managed
		req.Managed = &managed
	}
	if FieldAccountID.Applies(a) {
		req.Configuration.AccountID = a.AccountID
	}
	if a.ImageURL != "" {
		req.Image = &api.Image{Href: a.ImageURL}
	}
	return req
}

// FromStore returns the answers a store holds, for editing it: the store's
// settings over the defaults. Secrets PingOne returned masked or not at all
// are left empty, so they are never sent back as they came.
func FromStore(s api.Store) Answers {
	a := Defaults()
	c := s.Configuration
	a.Name, a.Description, a.Status = s.Name, s.Description, s.Status
	if s.Image != nil {
		a.ImageURL = s.Image.Href
	}
	if s.Managed != nil {
		managed := *s.Managed
		a.Managed = &managed
	}
	a.SalesforceDomain, a.ClientID = c.SalesforceDomain, c.ClientID
	a.ClientSecret = unlessMasked(c.ClientSecret)
	a.SalesforceAccessToken = unlessMasked(c.OAuthAccessToken)
	a.SalesforceRefreshToken = unlessMasked(c.OAuthRefreshToken)
	a.PermissionSets = c.PermissionSetManagement
	a.EnableCommunities, a.FreezeUsers = c.EnableCommunities, c.FreezeUserFlag
	a.CreateUsers, a.UpdateUsers, a.DisableUsers = c.CreateUsers, c.UpdateUsers, c.DisableUsers
	a.ProvisionDisabledUsers = c.ProvisionDisabledUsers
	a.AccountID, a.ProfileID = c.AccountID, c.ProfileID
	return a
}
