package settings

import (
	"strings"

	"sfstore/api"
)

func strVal(p func(*Answers) *string) func(*Answers) any { return func(a *Answers) any { return p(a) } }
func boolVal(p func(*Answers) *bool) func(*Answers) any  { return func(a *Answers) any { return p(a) } }
func optBoolVal(p func(*Answers) **bool) func(*Answers) any {
	return func(a *Answers) any { return p(a) }
}

func workerApp(a Answers) bool   { return a.AuthMethod == AuthWorkerApp }
func pastedToken(a Answers) bool { return a.AuthMethod == AuthPastedToken }

// targetEnvironment shows where the store goes when no ID was given.
func targetEnvironment(a Answers) string {
	if a.EnvironmentID == "" && a.WorkerEnvironmentID != "" {
		return a.WorkerEnvironmentID + " (the worker app's)"
	}
	return a.EnvironmentID
}

func lower(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
func upper(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// The fields, in the order the wizard asks them. The PingOne ones are the
// sign-in, not part of the store, so they have no Path.
var (
	FieldRegion = &Field{Key: "region", Label: "Region", Step: StepPingOne, Flag: true, Env: "PINGONE_REGION_CODE",
		Kind: OneOf, Choices: regionChoices(), normalize: upper,
		Help:  "where your PingOne organization lives; it sets the API and sign-in hosts",
		value: strVal(func(a *Answers) *string { return &a.Region })}
	FieldWorkerEnvironment = &Field{Key: "worker-environment-id", Label: "Worker app environment ID", Step: StepPingOne,
		Flag: true, Env: "PINGONE_ENVIRONMENT_ID", Example: ExampleUUID, normalize: lower, applies: workerApp, validate: validUUID,
		Help:  "the environment the worker app belongs to",
		value: strVal(func(a *Answers) *string { return &a.WorkerEnvironmentID })}
	FieldWorkerClientID = &Field{Key: "worker-client-id", Label: "Worker app client ID", Step: StepPingOne,
		Flag: true, Env: "PINGONE_CLIENT_ID", Example: ExampleUUID, normalize: lower, applies: workerApp, validate: validUUID,
		Help:  "Applications › your worker app › Configuration › Client ID",
		value: strVal(func(a *Answers) *string { return &a.WorkerClientID })}
	FieldWorkerClientSecret = &Field{Key: "worker-client-secret", Label: "Worker app client secret", Step: StepPingOne,
		Env: "PINGONE_CLIENT_SECRET", Kind: Secret, applies: workerApp, validate: validSecret("the client secret"),
		Help:  "shown once when the worker app's secret is generated",
		value: strVal(func(a *Answers) *string { return &a.WorkerClientSecret })}
	FieldPingOneToken = &Field{Key: "pingone-access-token", Label: "PingOne access token", Step: StepPingOne,
		Env: "PINGONE_API_ACCESS_TOKEN", Kind: Secret, applies: pastedToken, validate: validSecret("the access token"),
		Help:  "a ready token with the Environment Admin role, held in memory only",
		value: strVal(func(a *Answers) *string { return &a.PingOneAccessToken })}
	FieldEnvironmentID = &Field{Key: "environment-id", Label: "Target environment ID", Step: StepPingOne,
		Flag: true, Example: ExampleUUID, normalize: lower, validate: validTargetEnvironment, display: targetEnvironment,
		Help:  "the environment the store is in, or is created in (default: the worker app's)",
		value: strVal(func(a *Answers) *string { return &a.EnvironmentID })}

	FieldName = &Field{Key: "name", Label: "Store name", Step: StepStore, Path: "name", Flag: true,
		Example: "Salesforce production", validate: required("a name"),
		Help:  "how the store is listed in PingOne",
		value: strVal(func(a *Answers) *string { return &a.Name })}
	FieldDescription = &Field{Key: "description", Label: "Description", Step: StepStore, Path: "description", Flag: true,
		Help:  "optional: a note for other admins",
		value: strVal(func(a *Answers) *string { return &a.Description })}
	FieldImageURL = &Field{Key: "image-url", Label: "Image URL", Step: StepStore, Path: "image.href", Flag: true,
		Example: "https://example.com/salesforce.png", validate: validImageURL,
		Help:  "optional: the address of an icon for the store",
		value: strVal(func(a *Answers) *string { return &a.ImageURL })}
	// FieldStatus is --active: PingOne creates stores INACTIVE unless told
	// otherwise, so an unset status is not sent. The community OpenAPI
	// allows only INACTIVE on a store, so whether PingOne takes ACTIVE on
	// create is UNCONFIRMED.
	FieldStatus = &Field{Key: "active", Label: "Status", Step: StepStore, Path: "status", Flag: true, Kind: OneOf,
		Choices: []Choice{
			{Value: "", Label: "INACTIVE " + NotSent},
			{Value: api.StatusActive, Word: "true", Label: api.StatusActive},
			{Value: api.StatusInactive, Word: "false", Label: api.StatusInactive},
		},
		normalize: upper, Help: "make it ACTIVE, or INACTIVE with =false (not given on a create: PingOne creates it inactive)",
		value: strVal(func(a *Answers) *string { return &a.Status })}
	FieldManaged = &Field{Key: "managed", Label: "Deprovision users when deleted", Step: StepStore, Path: "managed",
		Flag: true, Kind: OptionalBool,
		Help:  "deprovision the store's users when it is deleted (PingOne documents no default)",
		value: optBoolVal(func(a *Answers) **bool { return &a.Managed })}

	FieldSalesforceDomain = &Field{Key: "salesforce-domain", Label: "Salesforce domain", Step: StepSalesforce,
		Path: "configuration.SALESFORCE_DOMAIN", Flag: true, Example: "acme.my.salesforce.com",
		normalize: NormalizeDomain, validate: validDomain,
		Help:  "your org's My Domain; https:// and a trailing / are removed",
		value: strVal(func(a *Answers) *string { return &a.SalesforceDomain })}
	FieldClientID = &Field{Key: "client-id", Label: "Client ID (consumer key)", Step: StepSalesforce,
		Path: "configuration.CLIENT_ID", Flag: true, Example: "3MVG9…", validate: validSecret("the client ID"),
		Help:  "the Consumer Key of your connected app or external client app",
		value: strVal(func(a *Answers) *string { return &a.ClientID })}
	FieldClientSecret = &Field{Key: "client-secret", Label: "Client secret (consumer secret)", Step: StepSalesforce,
		Path: "configuration.CLIENT_SECRET", Env: "SALESFORCE_CLIENT_SECRET", Kind: Secret, validate: validSecret("the client secret"),
		Help:  "the app's Consumer Secret",
		value: strVal(func(a *Answers) *string { return &a.ClientSecret })}
	FieldAccessToken = &Field{Key: "access-token", Label: "OAuth access token", Step: StepSalesforce,
		Path: "configuration.OAUTH_ACCESS_TOKEN", Env: "SALESFORCE_ACCESS_TOKEN", Kind: Secret, validate: validSecret("the access token"),
		Help:  "issued to a Salesforce admin with View All Data",
		value: strVal(func(a *Answers) *string { return &a.SalesforceAccessToken })}
	FieldRefreshToken = &Field{Key: "refresh-token", Label: "OAuth refresh token", Step: StepSalesforce,
		Path: "configuration.OAUTH_REFRESH_TOKEN", Env: "SALESFORCE_REFRESH_TOKEN", Kind: Secret, validate: validSecret("the refresh token"),
		Help:  "needs the refresh_token scope and a \"valid until revoked\" policy",
		value: strVal(func(a *Answers) *string { return &a.SalesforceRefreshToken })}

	FieldCreateUsers = &Field{Key: "create-users", Label: "Create users", Step: StepProvisioning,
		Path: "configuration.CREATE_USERS", Aliases: []string{"configuration.CREATE_NEW_USERS"}, Flag: true, Kind: Bool,
		Help:  "create a Salesforce user for each PingOne user in scope",
		value: boolVal(func(a *Answers) *bool { return &a.CreateUsers })}
	FieldUpdateUsers = &Field{Key: "update-users", Label: "Update users", Step: StepProvisioning,
		Path: "configuration.UPDATE_USERS", Aliases: []string{"configuration.UPDATE_NEW_USERS"}, Flag: true, Kind: Bool,
		Help:  "keep Salesforce users' attributes in step with PingOne",
		value: boolVal(func(a *Answers) *bool { return &a.UpdateUsers })}
	FieldDisableUsers = &Field{Key: "disable-users", Label: "Disable users", Step: StepProvisioning,
		Path: "configuration.DISABLE_USERS", Flag: true, Kind: Bool,
		Help:  "deactivate the Salesforce user when a PingOne user leaves scope",
		value: boolVal(func(a *Answers) *bool { return &a.DisableUsers })}
	FieldProvisionDisabledUsers = &Field{Key: "provision-disabled-users", Label: "Provision disabled users", Step: StepProvisioning,
		Path: "configuration.PROVISION_DISABLED_USERS", Flag: true, Kind: Bool,
		Help:  "also create users that are disabled in PingOne (they arrive inactive)",
		value: boolVal(func(a *Answers) *bool { return &a.ProvisionDisabledUsers })}
	FieldFreezeUsers = &Field{Key: "freeze-users", Label: "Freeze instead of deactivate", Step: StepProvisioning,
		Path: "configuration.FREEZE_USER_FLAG", Flag: true, Kind: Bool,
		Help:  "freeze deprovisioned users: no sign-in, but licence and data are kept",
		value: boolVal(func(a *Answers) *bool { return &a.FreezeUsers })}
	// FieldPermissionSets: the merge value is the documented example's; the
	// overwrite value follows the console's second option (UNCONFIRMED, see
	// api.PermissionSetsOverwrite).
	FieldPermissionSets = &Field{Key: "permission-sets", Label: "Permission sets", Step: StepProvisioning,
		Path: "configuration.PERMISSION_SET_MANAGEMENT", Flag: true, Kind: OneOf,
		Choices: []Choice{
			{Value: api.PermissionSetsMerge, Word: "merge"},
			{Value: api.PermissionSetsOverwrite, Word: "overwrite"},
		},
		Help:  "what happens to permission sets a user already has in Salesforce",
		value: strVal(func(a *Answers) *string { return &a.PermissionSets })}

	FieldEnableCommunities = &Field{Key: "communities", Label: "Salesforce Communities", Step: StepCommunities,
		Path: "configuration.ENABLE_COMMUNITIES", Flag: true, Kind: Bool,
		Help:  "provision Experience Cloud (community) users",
		value: boolVal(func(a *Answers) *bool { return &a.EnableCommunities })}
	// FieldAccountID and FieldProfileID: Ping's connector guide says
	// community users need both a business account and a customer or partner
	// profile, so both are required with Communities on.
	FieldAccountID = &Field{Key: "account-id", Label: "Account ID", Step: StepCommunities,
		Path: "configuration.ACCOUNT_ID", Flag: true, Example: "001…", applies: communitiesOn, normalize: canonicalID, restoresCase: true,
		validate: salesforceID("account", "001", communitiesOn),
		Help:     "the business account community users join: 001…, 15 or 18 characters",
		value:    strVal(func(a *Answers) *string { return &a.AccountID })}
	FieldProfileID = &Field{Key: "profile-id", Label: "Profile ID", Step: StepCommunities,
		Path: "configuration.PROFILE_ID", Flag: true, Example: "00e…", normalize: canonicalID, restoresCase: true,
		validate: salesforceID("profile", "00e", communitiesOn),
		Help:     "the profile new users get: 00e…, 15 or 18 characters",
		value:    strVal(func(a *Answers) *string { return &a.ProfileID })}
)

// Fields lists every field in the order the wizard asks them.
var Fields = []*Field{
	FieldRegion, FieldWorkerEnvironment, FieldWorkerClientID, FieldWorkerClientSecret, FieldPingOneToken, FieldEnvironmentID,
	FieldName, FieldDescription, FieldImageURL, FieldStatus, FieldManaged,
	FieldSalesforceDomain, FieldClientID, FieldClientSecret, FieldAccessToken, FieldRefreshToken,
	FieldCreateUsers, FieldUpdateUsers, FieldDisableUsers, FieldProvisionDisabledUsers, FieldFreezeUsers, FieldPermissionSets,
	FieldEnableCommunities, FieldAccountID, FieldProfileID,
}

// StepFields lists the fields of one step, in order.
func StepFields(s Step) []*Field {
	var out []*Field
	for _, f := range Fields {
		if f.Step == s {
			out = append(out, f)
		}
	}
	return out
}

// ForTarget finds the field an error detail's target names. PingOne writes
// targets as JSON paths; the comparison ignores case and a leading
// "configuration." so both "CLIENT_ID" and "configuration.CLIENT_ID" match.
func ForTarget(target string) (*Field, bool) {
	t := strings.ToLower(strings.TrimSpace(target))
	if t == "" {
		return nil, false
	}
	for _, f := range Fields {
		for _, p := range append([]string{f.Path}, f.Aliases...) {
			full := strings.ToLower(p)
			if full != "" && (t == full || "configuration."+t == full) {
				return f, true
			}
		}
	}
	return nil, false
}
