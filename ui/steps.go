package ui

import (
	"fmt"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

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
	).Title(w.title(StepPingOne)))
}

// targetEnvironmentForm asks for the environment ID when it cannot be
// picked from a list.
func (w *wizard) targetEnvironmentForm() *huh.Form {
	field := huh.NewInput().Title(FieldEnvironmentID.Label).Placeholder(exampleUUID).Value(&w.a.EnvironmentID)
	if w.a.AuthMethod == AuthPastedToken {
		field.Description("The environment the store is created in.").Validate(validateUUID)
	} else {
		field.Description("Where the store is created; empty means the worker app's environment.").
			Placeholder("same as the worker app's environment").Validate(validateOptionalUUID)
	}
	return w.form(huh.NewGroup(field).Title(w.title(StepPingOne)))
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
	return w.form(huh.NewGroup(
		huh.NewInput().Title(FieldPingOneToken.Label).
			Description("Needs the Environment Admin role. Held in memory only, never saved.").
			EchoMode(huh.EchoModePassword).Value(&w.a.PingOneAccessToken).
			Validate(validateSecret("the access token")),
	).Title(w.title(StepPingOne)))
}

func (w *wizard) storeForm() *huh.Form {
	a := w.a
	return w.form(
		huh.NewGroup(
			huh.NewInput().Title(FieldName.Label).
				Description(w.describe(FieldName, "How the store is listed in PingOne, e.g. \"Salesforce production\".")).
				Value(&a.Name).Validate(validateRequired("a name")),
			huh.NewInput().Title(FieldDescription.Label).
				Description(w.describe(FieldDescription, "Optional: a note for other admins.")).Value(&a.Description),
			huh.NewInput().Title(FieldImageURL.Label).
				Description(w.describe(FieldImageURL, "Optional: the address of an icon for the store.")).
				Placeholder("https://example.com/salesforce.png").
				Value(&a.ImageURL).Validate(validateImageURL),
		).Title(w.title(StepStore)),
		huh.NewGroup(
			huh.NewConfirm().Title("Create it active?").
				Description("Active provisions as soon as rules use it; inactive is safer to start.").
				Affirmative("Active").Negative("Inactive").Value(&a.Active).WithButtonAlignment(lipgloss.Left),
			yesNoField("Deprovision its users if the store is deleted?",
				"If on, deleting the store later deprovisions the users it created.", &a.Managed),
		).Title(w.title(StepStore)),
	)
}

func (w *wizard) salesforceAppForm() *huh.Form {
	a := w.a
	return w.form(huh.NewGroup(
		huh.NewInput().Title(FieldSalesforceDomain.Label).
			Description(w.describe(FieldSalesforceDomain, "Your org's My Domain. https:// and a trailing / are removed.")).
			Placeholder("acme.my.salesforce.com").Value(&a.SalesforceDomain).Validate(validateDomain),
		huh.NewInput().Title(FieldClientID.Label).
			Description(w.describe(FieldClientID, "The Consumer Key of your connected app or external client app.")).
			Value(&a.ClientID).Validate(validateClientID),
		huh.NewSelect[SignInMethod]().Title("How do you want to get the OAuth tokens?").
			Description("Signing in needs the app's callback URL and the api and refresh_token scopes.").
			Options(
				huh.NewOption("Sign in with Salesforce in the browser (recommended)", SignInBrowser),
				huh.NewOption("Paste an access token and a refresh token", SignInPaste),
			).Value(&a.SalesforceSignIn),
	).Title(w.title(StepSalesforce)))
}

// clientSecretForm asks for the consumer secret alone, before a browser
// sign-in (External Client Apps require it with PKCE).
func (w *wizard) clientSecretForm() *huh.Form {
	return w.form(huh.NewGroup(
		huh.NewInput().Title(FieldClientSecret.Label).
			Description(w.describe(FieldClientSecret, "The app's Consumer Secret; the sign-in needs it. Input is hidden.")).
			EchoMode(huh.EchoModePassword).Value(&w.a.ClientSecret).Validate(validateSecret("the client secret")),
	).Title(w.title(StepSalesforce)))
}

func (w *wizard) salesforceSecretsForm() *huh.Form {
	a := w.a
	return w.form(huh.NewGroup(
		huh.NewInput().Title(FieldClientSecret.Label).
			Description(w.describe(FieldClientSecret, "The app's Consumer Secret. Input is hidden.")).
			EchoMode(huh.EchoModePassword).Value(&a.ClientSecret).Validate(validateSecret("the client secret")),
		huh.NewInput().Title(FieldAccessToken.Label).
			Description(w.describe(FieldAccessToken, "Issued to a Salesforce admin with View All Data. Input is hidden.")).
			EchoMode(huh.EchoModePassword).Value(&a.SalesforceAccessToken).Validate(validateSecret("the access token")),
		huh.NewInput().Title(FieldRefreshToken.Label).
			Description(w.describe(FieldRefreshToken, "Needs the refresh_token scope and a \"valid until revoked\" policy.")).
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
			yesNoField("Freeze instead of deactivate?", "Freeze deprovisioned users: no sign-in, but licence and data are kept.", &a.FreezeUsers),
			huh.NewSelect[string]().Title(FieldPermissionSets.Label).
				Description(w.describe(FieldPermissionSets, "What happens to permission sets a user already has in Salesforce.")).
				Options(
					huh.NewOption("Merge: add PingOne's, keep the user's existing permission sets", api.PermissionSetsMerge),
					huh.NewOption("Overwrite: replace the user's permission sets with PingOne's", api.PermissionSetsOverwrite),
				).Value(&a.PermissionSets),
		).Title(w.title(StepProvisioning)),
	)
}

func yesNoField(title, description string, value *bool) *huh.Confirm {
	return huh.NewConfirm().Title(title).Description(description).
		Affirmative("Yes").Negative("No").Value(value).WithButtonAlignment(lipgloss.Left)
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
		Description(w.describe(FieldProfileID, "Optional: the profile new users get (00e…, 15 or 18 characters).")).
		Placeholder("00e…").Value(&a.ProfileID).Validate(validateProfileID)
	if !a.EnableCommunities {
		return w.form(huh.NewGroup(profile).Title(w.title(StepCommunities)))
	}
	profile.Description(w.describe(FieldProfileID, "With Communities: a customer or partner community profile (00e…)."))
	return w.form(huh.NewGroup(
		huh.NewInput().Title(FieldAccountID.Label).
			Description(w.describe(FieldAccountID, "The business account community users join: 001…, 15 or 18 characters.")).
			Placeholder("001…").Value(&a.AccountID).Validate(validateAccountID),
		profile,
	).Title(w.title(StepCommunities)))
}
