package ui

import (
	"fmt"

	"github.com/charmbracelet/huh"

	"sfstore/api"
)

// The builders below only build forms bound to the answers; wizard.go runs
// them. Each field has a title, one plain-language line of description and a
// validator whose message says what is expected.

func regionOptions() []huh.Option[string] {
	opts := make([]huh.Option[string], 0, len(api.Regions))
	for _, r := range api.Regions {
		opts = append(opts, huh.NewOption(fmt.Sprintf("%s · %s", r.Code, r.Name), r.Code))
	}
	return opts
}

func (w *wizard) signInForm() *huh.Form {
	a := w.a
	return w.form(
		huh.NewGroup(
			huh.NewSelect[string]().Title("Region").
				Description("Where your PingOne organization lives; it sets the API and sign-in hosts.").
				Options(regionOptions()...).Value(&a.Region),
			huh.NewSelect[AuthMethod]().Title("How should sfstore sign in to PingOne?").
				Description("A worker app needs the Environment Admin role on the target environment.").
				Options(
					huh.NewOption("Worker app client ID and secret (recommended)", AuthWorkerApp),
					huh.NewOption("Paste an access token (kept in memory only)", AuthPastedToken),
				).Value(&a.AuthMethod),
		).Title(w.title(StepPingOne)),
	)
}

func (w *wizard) workerAppForm() *huh.Form {
	a := w.a
	return w.form(huh.NewGroup(
		huh.NewInput().Title(FieldWorkerEnvironment.Label).
			Description("The environment the worker app belongs to (PINGONE_ENVIRONMENT_ID).").
			Placeholder(exampleUUID).Value(&a.WorkerEnvironmentID).Validate(validateUUID),
		huh.NewInput().Title(FieldWorkerClientID.Label).
			Description("Applications › your worker app › Configuration › Client ID.").
			Placeholder(exampleUUID).Value(&a.WorkerClientID).Validate(validateUUID),
		huh.NewInput().Title(FieldEnvironmentID.Label).
			Description("Where the store is created. Leave empty to use the worker app's environment.").
			Placeholder("same as the worker app's environment").
			Value(&a.EnvironmentID).Validate(validateOptionalUUID),
	).Title(w.title(StepPingOne)))
}

func (w *wizard) workerSecretForm() *huh.Form {
	return w.form(huh.NewGroup(
		huh.NewInput().Title(FieldWorkerClientSecret.Label).
			Description("Shown once when the worker app's secret is generated. Input is hidden.").
			EchoMode(huh.EchoModePassword).Value(&w.a.WorkerClientSecret).
			Validate(validateSecret("the client secret")),
	).Title(w.title(StepPingOne)))
}

func (w *wizard) pastedTokenForm() *huh.Form {
	a := w.a
	return w.form(huh.NewGroup(
		huh.NewInput().Title(FieldPingOneToken.Label).
			Description("A token with the Environment Admin role. Held in memory only, never saved.").
			EchoMode(huh.EchoModePassword).Value(&a.PingOneAccessToken).
			Validate(validateSecret("the access token")),
		huh.NewInput().Title(FieldEnvironmentID.Label).
			Description("The environment the store is created in.").
			Placeholder(exampleUUID).Value(&a.EnvironmentID).Validate(validateUUID),
	).Title(w.title(StepPingOne)))
}

func (w *wizard) storeForm() *huh.Form {
	a := w.a
	return w.form(
		huh.NewGroup(
			huh.NewInput().Title(FieldName.Label).
				Description("How the store is listed in PingOne, e.g. \"Salesforce production\".").
				Value(&a.Name).Validate(validateRequired("a name")),
			huh.NewInput().Title(FieldDescription.Label).
				Description("Optional: a note for other admins.").Value(&a.Description),
			huh.NewInput().Title(FieldImageURL.Label).
				Description("Optional: the address of an icon for the store.").
				Placeholder("https://example.com/salesforce.png").
				Value(&a.ImageURL).Validate(validateImageURL),
		).Title(w.title(StepStore)),
		huh.NewGroup(
			huh.NewConfirm().Title("Create it active?").
				Description("An active store starts provisioning once rules point at it. Inactive is safer while you set up.").
				Affirmative("Active").Negative("Inactive").Value(&a.Active),
			huh.NewConfirm().Title("Deprovision its users if the store is deleted?").
				Description("When on, deleting this store later removes or disables the users PingOne created in Salesforce.").
				Affirmative("Yes").Negative("No").Value(&a.Managed),
		).Title(w.title(StepStore)),
	)
}

func (w *wizard) salesforceAppForm() *huh.Form {
	a := w.a
	return w.form(huh.NewGroup(
		huh.NewInput().Title(FieldSalesforceDomain.Label).
			Description("Your org's My Domain. https:// and a trailing / are removed.").
			Placeholder("acme.my.salesforce.com").Value(&a.SalesforceDomain).Validate(validateDomain),
		huh.NewInput().Title(FieldClientID.Label).
			Description("From your connected app or external client app: OAuth settings › Consumer Key.").
			Value(&a.ClientID).Validate(validateClientID),
	).Title(w.title(StepSalesforce)))
}

func (w *wizard) salesforceSecretsForm() *huh.Form {
	a := w.a
	return w.form(huh.NewGroup(
		huh.NewInput().Title(FieldClientSecret.Label).
			Description("The app's Consumer Secret. Input is hidden.").
			EchoMode(huh.EchoModePassword).Value(&a.ClientSecret).Validate(validateSecret("the client secret")),
		huh.NewInput().Title(FieldAccessToken.Label).
			Description("An access token of a Salesforce admin with View All Data, from the app's sign-in.").
			EchoMode(huh.EchoModePassword).Value(&a.SalesforceAccessToken).Validate(validateSecret("the access token")),
		huh.NewInput().Title(FieldRefreshToken.Label).
			Description("Issued with the refresh_token scope; set the app's policy to \"valid until revoked\".").
			EchoMode(huh.EchoModePassword).Value(&a.SalesforceRefreshToken).Validate(validateSecret("the refresh token")),
	).Title(w.title(StepSalesforce)))
}

func (w *wizard) provisioningForm() *huh.Form {
	a := w.a
	return w.form(
		huh.NewGroup(
			yesNoField("Create users?", "Create a Salesforce user for each PingOne user in scope.", &a.CreateUsers),
			yesNoField("Update users?", "Keep Salesforce users' attributes in step with PingOne.", &a.UpdateUsers),
			yesNoField("Disable users?", "Deactivate the Salesforce user when a PingOne user leaves scope.", &a.DisableUsers),
		).Title(w.title(StepProvisioning)),
		huh.NewGroup(
			yesNoField("Provision disabled users?", "Also create users that are disabled in PingOne (they arrive inactive).", &a.ProvisionDisabledUsers),
			yesNoField("Freeze instead of deactivate?", "Freeze deprovisioned users: they cannot sign in, but keep their licence and records.", &a.FreezeUsers),
			huh.NewSelect[string]().Title(FieldPermissionSets.Label).
				Description("What happens to permission sets a user already has in Salesforce.").
				Options(
					huh.NewOption("Merge: add PingOne's, keep the user's existing permission sets", api.PermissionSetsMerge),
					huh.NewOption("Overwrite: replace the user's permission sets with PingOne's", api.PermissionSetsOverwrite),
				).Value(&a.PermissionSets),
		).Title(w.title(StepProvisioning)),
	)
}

func yesNoField(title, description string, value *bool) *huh.Confirm {
	return huh.NewConfirm().Title(title).Description(description).
		Affirmative("Yes").Negative("No").Value(value)
}

func (w *wizard) communitiesSwitchForm() *huh.Form {
	return w.form(huh.NewGroup(
		yesNoField("Provision to Salesforce Communities?",
			"Turn on for Experience Cloud (community) users; off for Sales, Service and Chatter users.",
			&w.a.EnableCommunities),
	).Title(w.title(StepCommunities)))
}

func (w *wizard) communitiesIDsForm() *huh.Form {
	a := w.a
	profile := huh.NewInput().Title(FieldProfileID.Label).
		Description("Optional: the profile new users get, 15 or 18 characters starting with 00e.").
		Placeholder("00e…").Value(&a.ProfileID).Validate(validateProfileID)
	if !a.EnableCommunities {
		return w.form(huh.NewGroup(profile).Title(w.title(StepCommunities)))
	}
	profile.Description("With Communities this must be a customer or partner community profile (00e…).")
	return w.form(huh.NewGroup(
		huh.NewInput().Title(FieldAccountID.Label).
			Description("The business account community users join: 15 or 18 characters starting with 001.").
			Placeholder("001…").Value(&a.AccountID).Validate(validateAccountID),
		profile,
	).Title(w.title(StepCommunities)))
}
