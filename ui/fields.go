package ui

import "strings"

// Step is one page of the wizard. The review offers to go back to each.
type Step int

// The steps, in the order the wizard asks them.
const (
	StepPingOne Step = iota
	StepStore
	StepSalesforce
	StepProvisioning
	StepCommunities
)

// Steps lists every step in order.
var Steps = []Step{StepPingOne, StepStore, StepSalesforce, StepProvisioning, StepCommunities}

func (s Step) String() string {
	switch s {
	case StepPingOne:
		return "PingOne connection"
	case StepStore:
		return "Store"
	case StepSalesforce:
		return "Salesforce connection"
	case StepProvisioning:
		return "Provisioning"
	case StepCommunities:
		return "Communities"
	}
	return "Unknown step"
}

// Field describes one answer: the label the user sees, the step that asks
// for it and the request key PingOne names in its error details.
type Field struct {
	Label  string
	Step   Step
	Target string // the JSON path in the request, as in PingOne's details[].target
}

// The fields that map to a request key, plus the PingOne sign-in fields.
var (
	FieldRegion             = Field{"Region", StepPingOne, ""}
	FieldWorkerEnvironment  = Field{"Worker app environment ID", StepPingOne, ""}
	FieldWorkerClientID     = Field{"Worker app client ID", StepPingOne, ""}
	FieldWorkerClientSecret = Field{"Worker app client secret", StepPingOne, ""}
	FieldPingOneToken       = Field{"PingOne access token", StepPingOne, ""}
	FieldEnvironmentID      = Field{"Target environment ID", StepPingOne, ""}

	FieldName        = Field{"Store name", StepStore, "name"}
	FieldDescription = Field{"Description", StepStore, "description"}
	FieldImageURL    = Field{"Image URL", StepStore, "image.href"}
	FieldStatus      = Field{"Create it active", StepStore, "status"}
	FieldManaged     = Field{"Deprovision users when deleted", StepStore, "managed"}

	FieldSalesforceDomain = Field{"Salesforce domain", StepSalesforce, "configuration.SALESFORCE_DOMAIN"}
	FieldClientID         = Field{"Client ID (consumer key)", StepSalesforce, "configuration.CLIENT_ID"}
	FieldClientSecret     = Field{"Client secret (consumer secret)", StepSalesforce, "configuration.CLIENT_SECRET"}
	FieldAccessToken      = Field{"OAuth access token", StepSalesforce, "configuration.OAUTH_ACCESS_TOKEN"}
	FieldRefreshToken     = Field{"OAuth refresh token", StepSalesforce, "configuration.OAUTH_REFRESH_TOKEN"}

	FieldCreateUsers            = Field{"Create users", StepProvisioning, "configuration.CREATE_USERS"}
	FieldUpdateUsers            = Field{"Update users", StepProvisioning, "configuration.UPDATE_USERS"}
	FieldDisableUsers           = Field{"Disable users", StepProvisioning, "configuration.DISABLE_USERS"}
	FieldProvisionDisabledUsers = Field{"Provision disabled users", StepProvisioning, "configuration.PROVISION_DISABLED_USERS"}
	FieldFreezeUsers            = Field{"Freeze instead of deactivate", StepProvisioning, "configuration.FREEZE_USER_FLAG"}
	FieldPermissionSets         = Field{"Permission sets", StepProvisioning, "configuration.PERMISSION_SET_MANAGEMENT"}

	FieldEnableCommunities = Field{"Salesforce Communities", StepCommunities, "configuration.ENABLE_COMMUNITIES"}
	FieldAccountID         = Field{"Account ID", StepCommunities, "configuration.ACCOUNT_ID"}
	FieldProfileID         = Field{"Profile ID", StepCommunities, "configuration.PROFILE_ID"}
)

// requestFields lists the fields that PingOne can name in an error detail.
var requestFields = []Field{
	FieldName, FieldDescription, FieldImageURL, FieldStatus, FieldManaged,
	FieldSalesforceDomain, FieldClientID, FieldClientSecret, FieldAccessToken, FieldRefreshToken,
	FieldCreateUsers, FieldUpdateUsers, FieldDisableUsers, FieldProvisionDisabledUsers,
	FieldFreezeUsers, FieldPermissionSets,
	FieldEnableCommunities, FieldAccountID, FieldProfileID,
}

// fieldForTarget finds the field an error detail's target names. PingOne
// writes targets as JSON paths; the comparison ignores case and a leading
// "configuration." so both "CLIENT_ID" and "configuration.CLIENT_ID" match.
func fieldForTarget(target string) (Field, bool) {
	t := strings.ToLower(strings.TrimSpace(target))
	if t == "" {
		return Field{}, false
	}
	for _, f := range requestFields {
		full := strings.ToLower(f.Target)
		if t == full || "configuration."+t == full {
			return f, true
		}
	}
	return Field{}, false
}
