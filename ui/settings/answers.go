package settings

import "sfstore/api"

// AuthMethod says how sfstore gets a PingOne access token.
type AuthMethod string

// The two ways to sign in to PingOne.
const (
	AuthWorkerApp   AuthMethod = "worker"
	AuthPastedToken AuthMethod = "token"
)

// SignInMethod says how the wizard gets the Salesforce OAuth tokens.
type SignInMethod string

// The ways to get the Salesforce tokens: sign in, paste them, or keep the
// ones already given (from the environment, the keyring or the store).
const (
	SignInBrowser SignInMethod = "browser"
	SignInPaste   SignInMethod = "paste"
	SignInKeep    SignInMethod = "keep"
)

// Answers holds every answer of a run. Values are normalised when they
// enter (Field.Set, or Normalize after a form), so what is here is what is
// reviewed and sent. Secrets are marked: they leave this struct only into
// the request, the keyring, or masked.
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
	// Status is "" when nobody chose one: the key is then left out and
	// PingOne applies its default, INACTIVE.
	Status string
	// Managed is nil when nobody chose: PingOne documents no default, so
	// the key is left out rather than guessed.
	Managed *bool

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

	// CaseRestored holds, by field key, an 18-character Salesforce ID as it
	// was typed when its letter case was restored from its checksum, so the
	// review can say the ID sent differs from the one given.
	CaseRestored map[string]string
}

// Defaults returns the answers a run starts from: the cautious choices.
// Salesforce permission sets are merged rather than overwritten and
// disabled users are not provisioned. PingOne documents no defaults for the
// provisioning booleans (UNCONFIRMED), so every one of them is sent.
func Defaults() Answers {
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

// Secrets lists every secret the answers hold, for redaction.
func (a Answers) Secrets() []string {
	var out []string
	for _, f := range Fields {
		if f.Kind == Secret {
			if v := f.Get(&a); v != "" {
				out = append(out, v)
			}
		}
	}
	return out
}
