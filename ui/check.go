package ui

import (
	"fmt"
	"strings"
)

// FieldError is a problem with one answer, named by the field's label.
type FieldError struct {
	Field   Field
	Message string
}

func (e FieldError) Error() string {
	return fmt.Sprintf("%s: %s", e.Field.Label, e.Message)
}

// Normalize trims every answer and brings IDs and the domain to the form the
// request carries, so the review shows exactly what will be sent.
func (a *Answers) Normalize() {
	for _, p := range []*string{
		&a.Region, &a.WorkerEnvironmentID, &a.WorkerClientID, &a.WorkerClientSecret,
		&a.PingOneAccessToken, &a.EnvironmentID, &a.Name, &a.Description, &a.ImageURL,
		&a.ClientID, &a.ClientSecret, &a.SalesforceAccessToken, &a.SalesforceRefreshToken,
		&a.AccountID, &a.ProfileID,
	} {
		*p = strings.TrimSpace(*p)
	}
	a.Region = strings.ToUpper(a.Region)
	a.WorkerEnvironmentID = strings.ToLower(a.WorkerEnvironmentID)
	a.EnvironmentID = strings.ToLower(a.EnvironmentID)
	a.SalesforceDomain = normalizeDomain(a.SalesforceDomain)
	if !a.EnableCommunities {
		// The account only matters to Communities; a value typed before the
		// user switched Communities off must not be sent.
		a.AccountID = ""
	}
}

// Check validates every answer of one step and returns the problems in the
// order the step asks its fields. huh validates as the user types, but
// accessible mode skips validators at end of input, so the wizard checks
// again after each step and before sending.
func (a Answers) Check(step Step) []FieldError {
	var errs []FieldError
	add := func(f Field, err error) {
		if err != nil {
			errs = append(errs, FieldError{f, err.Error()})
		}
	}
	switch step {
	case StepPingOne:
		add(FieldRegion, validateRegion(a.Region))
		if a.AuthMethod == AuthPastedToken {
			add(FieldPingOneToken, validateSecret("the access token")(a.PingOneAccessToken))
			add(FieldEnvironmentID, validateUUID(a.EnvironmentID))
		} else {
			add(FieldWorkerEnvironment, validateUUID(a.WorkerEnvironmentID))
			add(FieldWorkerClientID, validateUUID(a.WorkerClientID))
			add(FieldWorkerClientSecret, validateSecret("the client secret")(a.WorkerClientSecret))
			add(FieldEnvironmentID, validateOptionalUUID(a.EnvironmentID))
		}
	case StepStore:
		add(FieldName, validateRequired("a name")(a.Name))
		add(FieldImageURL, validateImageURL(a.ImageURL))
	case StepSalesforce:
		add(FieldSalesforceDomain, validateDomain(a.SalesforceDomain))
		add(FieldClientID, validateClientID(a.ClientID))
		add(FieldClientSecret, validateSecret("the client secret")(a.ClientSecret))
		add(FieldAccessToken, validateSecret("the access token")(a.SalesforceAccessToken))
		add(FieldRefreshToken, validateSecret("the refresh token")(a.SalesforceRefreshToken))
	case StepProvisioning:
		add(FieldPermissionSets, validatePermissionSets(a.PermissionSets))
	case StepCommunities:
		if a.EnableCommunities {
			add(FieldAccountID, validateAccountID(a.AccountID))
		}
		add(FieldProfileID, validateProfileID(a.ProfileID))
	}
	return errs
}

// CheckAll validates every step.
func (a Answers) CheckAll() []FieldError {
	var errs []FieldError
	for _, s := range Steps {
		errs = append(errs, a.Check(s)...)
	}
	return errs
}
