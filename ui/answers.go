package ui

import "sfstore/api"

// AuthMethod says how the wizard gets a PingOne access token.
type AuthMethod string

// The two ways to sign in to PingOne.
const (
	AuthWorkerApp   AuthMethod = "worker"
	AuthPastedToken AuthMethod = "token"
)

// SignInMethod says how the wizard gets the Salesforce OAuth tokens.
type SignInMethod string

// The two ways to get the Salesforce tokens.
const (
	SignInBrowser SignInMethod = "browser"
	SignInPaste   SignInMethod = "paste"
)

// Answers holds every answer of the wizard. Secrets are marked: they never
// leave this struct except into the request, the keyring, or masked.
type Answers struct {
	// PingOne connection.
	Region              string
	AuthMethod          AuthMethod
	WorkerEnvironmentID string
	WorkerClientID      string
	WorkerClientSecret  string // secret
	PingOneAccessToken  string // secret, held in memory only
	EnvironmentID       string // the environment the store is created in

	// Store.
	Name        string
	Description string
	ImageURL    string
	Active      bool
	Managed     bool

	// Salesforce connection.
	SalesforceSignIn       SignInMethod
	SalesforceDomain       string
	ClientID               string
	ClientSecret           string // secret
	SalesforceAccessToken  string // secret
	SalesforceRefreshToken string // secret

	// Provisioning.
	CreateUsers            bool
	UpdateUsers            bool
	DisableUsers           bool
	ProvisionDisabledUsers bool
	FreezeUsers            bool
	PermissionSets         string

	// Communities.
	EnableCommunities bool
	AccountID         string
	ProfileID         string

	// SaveSecrets says whether the secrets go into the OS keyring after the
	// store is created.
	SaveSecrets bool
}

// DefaultAnswers returns the answers the wizard starts from. The defaults are
// the cautious choices: the store is created inactive, PingOne does not
// deprovision users when the store is deleted, Salesforce permission sets are
// merged rather than overwritten, and disabled users are not provisioned.
// PingOne documents no defaults for the provisioning booleans (UNCONFIRMED),
// so the wizard always sends an explicit value.
func DefaultAnswers() Answers {
	return Answers{
		Region:           "NA",
		AuthMethod:       AuthWorkerApp,
		SalesforceSignIn: SignInBrowser,
		CreateUsers:      true,
		UpdateUsers:      true,
		DisableUsers:     true,
		PermissionSets:   api.PermissionSetsMerge,
		SaveSecrets:      true,
	}
}

// TargetEnvironmentID is the environment the store is created in: the one
// given, or else the worker app's own.
func (a Answers) TargetEnvironmentID() string {
	if a.EnvironmentID != "" {
		return a.EnvironmentID
	}
	return a.WorkerEnvironmentID
}

// secretValues lists every secret the answers hold, for redaction.
func (a Answers) secretValues() []string {
	return []string{
		a.WorkerClientSecret, a.PingOneAccessToken,
		a.ClientSecret, a.SalesforceAccessToken, a.SalesforceRefreshToken,
	}
}
