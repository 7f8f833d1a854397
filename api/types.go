package api

import "sfstore/api/redact"

// StoreTypeSalesforce is the propagation store type this client creates.
// The value is case-sensitive.
const StoreTypeSalesforce = "Salesforce"

// Store status values. The community OpenAPI lists only INACTIVE, but the
// documented Read One Store example returns ACTIVE, so both are accepted.
const (
	StatusActive   = "ACTIVE"
	StatusInactive = "INACTIVE"
)

// PERMISSION_SET_MANAGEMENT values. The merge label appears verbatim in the
// documented example body. The overwrite label is UNCONFIRMED: it follows the
// second option of the PingOne console and the "… in PingOne" pattern of the
// sibling PingOne store key MFA_USER_DEVICE_MANAGEMENT.
const (
	PermissionSetsMerge     = "Merge with permission sets in Salesforce"
	PermissionSetsOverwrite = "Overwrite permission sets in Salesforce"
)

// Image is a store's image reference.
type Image struct {
	ID   string `json:"id,omitempty"`
	Href string `json:"href,omitempty"`
}

// ObjectRef references another PingOne resource by ID.
type ObjectRef struct {
	ID string `json:"id"`
}

// Link is one HAL link of a resource.
type Link struct {
	Href string `json:"href"`
}

// SalesforceConfiguration is the configuration object of a store of type
// Salesforce. The JSON keys are the documented upper-case keys.
//
// The booleans are always sent: the wizard has an answer for each of them, and
// the documentation gives no defaults for them (UNCONFIRMED), so leaving one out
// would leave the behaviour to PingOne.
//
// https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-stores/create-store-salesforce.html
type SalesforceConfiguration struct {
	SalesforceDomain        string `json:"SALESFORCE_DOMAIN"`
	ClientID                string `json:"CLIENT_ID"`
	ClientSecret            string `json:"CLIENT_SECRET"`
	OAuthAccessToken        string `json:"OAUTH_ACCESS_TOKEN"`
	OAuthRefreshToken       string `json:"OAUTH_REFRESH_TOKEN"`
	PermissionSetManagement string `json:"PERMISSION_SET_MANAGEMENT"`
	EnableCommunities       bool   `json:"ENABLE_COMMUNITIES"`
	FreezeUserFlag          bool   `json:"FREEZE_USER_FLAG"`
	CreateUsers             bool   `json:"CREATE_USERS"`
	UpdateUsers             bool   `json:"UPDATE_USERS"`
	DisableUsers            bool   `json:"DISABLE_USERS"`
	ProvisionDisabledUsers  bool   `json:"PROVISION_DISABLED_USERS"`
	AccountID               string `json:"ACCOUNT_ID,omitempty"`
	ProfileID               string `json:"PROFILE_ID,omitempty"`
}

// Secrets returns the secret values of the configuration, for redaction.
func (c SalesforceConfiguration) Secrets() []string {
	return []string{c.ClientSecret, c.OAuthAccessToken, c.OAuthRefreshToken}
}

// Masked returns a copy with every secret masked by Mask.
func (c SalesforceConfiguration) Masked() SalesforceConfiguration {
	c.ClientSecret = redact.Mask(c.ClientSecret)
	c.OAuthAccessToken = redact.Mask(c.OAuthAccessToken)
	c.OAuthRefreshToken = redact.Mask(c.OAuthRefreshToken)
	return c
}

// CreateSalesforceStoreRequest is the body of Create Store (Salesforce).
type CreateSalesforceStoreRequest struct {
	Type          string                  `json:"type"`
	Name          string                  `json:"name"`
	Description   string                  `json:"description,omitempty"`
	Image         *Image                  `json:"image,omitempty"`
	Status        string                  `json:"status,omitempty"`
	Managed       *bool                   `json:"managed,omitempty"`
	Configuration SalesforceConfiguration `json:"configuration"`
}

// Masked returns a copy of the request with every secret masked.
func (r CreateSalesforceStoreRequest) Masked() CreateSalesforceStoreRequest {
	r.Configuration = r.Configuration.Masked()
	return r
}

// SyncStatus is the read-only synchronisation state of a store.
type SyncStatus struct {
	Details                string `json:"details,omitempty"`
	FailedCount            int    `json:"failedCount,omitempty"`
	FailedDeprovisionCount int    `json:"failedDeprovisionCount,omitempty"`
	LastSyncAt             string `json:"lastSyncAt,omitempty"`
	SuccessCount           int    `json:"successCount,omitempty"`
	SyncState              string `json:"syncState,omitempty"`
	UserTotal              int    `json:"userTotal,omitempty"`
}

// Store is a Salesforce propagation store as PingOne returns it.
//
// PingOne echoes CLIENT_SECRET, OAUTH_ACCESS_TOKEN and OAUTH_REFRESH_TOKEN
// in clear in Configuration: use Masked before showing or logging a Store.
type Store struct {
	ID            string                  `json:"id"`
	Environment   *ObjectRef              `json:"environment,omitempty"`
	Type          string                  `json:"type"`
	Name          string                  `json:"name"`
	Description   string                  `json:"description,omitempty"`
	Image         *Image                  `json:"image,omitempty"`
	Status        string                  `json:"status,omitempty"`
	Managed       *bool                   `json:"managed,omitempty"`
	CreatedAt     string                  `json:"createdAt,omitempty"`
	UpdatedAt     string                  `json:"updatedAt,omitempty"`
	Configuration SalesforceConfiguration `json:"configuration"`
	SyncStatus    *SyncStatus             `json:"syncStatus,omitempty"`
	Links         map[string]Link         `json:"_links,omitempty"`
}

// Masked returns a copy of the store with every secret masked.
func (s Store) Masked() Store {
	s.Configuration = s.Configuration.Masked()
	return s
}
