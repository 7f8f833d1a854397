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
			huh.NewSelect[string]().Title(accessibleTitle(w, "Region", "Where your PingOne organization lives; it sets the API and sign-in hosts.", "")).
				Description("Where your PingOne organization lives; it sets the API and sign-in hosts.").
				Options(regionOptions()...).Value(&a.Region),
			huh.NewSelect[AuthMethod]().Title(accessibleTitle(w, "How should sfstore sign in to PingOne?", "A worker app needs the Environment Admin role on the target environment.", "")).
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
		w.input(FieldWorkerEnvironment.Label, "The environment the worker app belongs to (PINGONE_ENVIRONMENT_ID).", &a.WorkerEnvironmentID, validateUUID).Placeholder(exampleUUID),
		w.input(FieldWorkerClientID.Label, "Applications › your worker app › Configuration › Client ID.", &a.WorkerClientID, validateUUID).Placeholder(exampleUUID),
	).Title(w.title(StepPingOne)))
}

// targetEnvironmentForm asks for the environment ID when it cannot be
// picked from a list.
func (w *wizard) targetEnvironmentForm() *huh.Form {
	field := w.input(FieldEnvironmentID.Label, "The environment the store is created in.", &w.a.EnvironmentID, validateUUID).Placeholder(exampleUUID)
	if w.a.AuthMethod == AuthWorkerApp {
		field = w.input(FieldEnvironmentID.Label, "Where the store is created; empty means the worker app's environment.",
			&w.a.EnvironmentID, validateOptionalUUID).Placeholder("same as the worker app's environment")
	}
	return w.form(huh.NewGroup(field).Title(w.title(StepPingOne)))
}

func (w *wizard) workerSecretForm() *huh.Form {
	return w.form(huh.NewGroup(
		w.password(FieldWorkerClientSecret.Label, "Shown once when the worker app's secret is generated. Input is hidden.", &w.a.WorkerClientSecret, validateSecret("the client secret")),
	).Title(w.title(StepPingOne)))
}

func (w *wizard) pastedTokenForm() *huh.Form {
	return w.form(huh.NewGroup(
		w.password(FieldPingOneToken.Label, "Needs the Environment Admin role. Held in memory only, never saved.", &w.a.PingOneAccessToken, validateSecret("the access token")),
	).Title(w.title(StepPingOne)))
}

func (w *wizard) storeForm() *huh.Form {
	a := w.a
	return w.form(
		huh.NewGroup(
			w.input(FieldName.Label, w.describe(FieldName, "How the store is listed in PingOne, e.g. \"Salesforce production\"."), &a.Name, validateRequired("a name")),
			w.input(FieldDescription.Label, w.describe(FieldDescription, "Optional: a note for other admins."), &a.Description, nil),
			w.input(FieldImageURL.Label, w.describe(FieldImageURL, "Optional: the address of an icon for the store."), &a.ImageURL, validateImageURL).Placeholder("https://example.com/salesforce.png"),
		).Title(w.title(StepStore)),
		huh.NewGroup(
			w.yesNo("Create it active?", "Active provisions as soon as rules use it; inactive is safer to start.", &a.Active).
				Affirmative("Active").Negative("Inactive"),
			w.yesNo("Deprovision its users if the store is deleted?",
				"If on, deleting the store later deprovisions the users it created.", &a.Managed),
		).Title(w.title(StepStore)),
	)
}

func (w *wizard) salesforceAppForm() *huh.Form {
	a := w.a
	return w.form(huh.NewGroup(
		w.input(FieldSalesforceDomain.Label, w.describe(FieldSalesforceDomain, "Your org's My Domain. https:// and a trailing / are removed."), &a.SalesforceDomain, validateDomain).Placeholder("acme.my.salesforce.com"),
		w.input(FieldClientID.Label, w.describe(FieldClientID, "The Consumer Key of your connected app or external client app."), &a.ClientID, validateClientID),
		huh.NewSelect[SignInMethod]().Title(accessibleTitle(w, "How do you want to get the OAuth tokens?", "Signing in needs the app's callback URL and the api and refresh_token scopes.", "")).
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
		w.password(FieldClientSecret.Label, w.describe(FieldClientSecret, "The app's Consumer Secret; the sign-in needs it. Input is hidden."), &w.a.ClientSecret, validateSecret("the client secret")),
	).Title(w.title(StepSalesforce)))
}

func (w *wizard) salesforceSecretsForm() *huh.Form {
	a := w.a
	return w.form(huh.NewGroup(
		w.password(FieldClientSecret.Label, w.describe(FieldClientSecret, "The app's Consumer Secret. Input is hidden."), &a.ClientSecret, validateSecret("the client secret")),
		w.password(FieldAccessToken.Label, w.describe(FieldAccessToken, "Issued to a Salesforce admin with View All Data. Input is hidden."), &a.SalesforceAccessToken, validateSecret("the access token")),
		w.password(FieldRefreshToken.Label, w.describe(FieldRefreshToken, "Needs the refresh_token scope and a \"valid until revoked\" policy."), &a.SalesforceRefreshToken, validateSecret("the refresh token")),
	).Title(w.title(StepSalesforce)))
}

func (w *wizard) provisioningForm() *huh.Form {
	a := w.a
	return w.form(
		huh.NewGroup(
			w.yesNo("Create users?", "Create a Salesforce user for each PingOne user in scope.", &a.CreateUsers),
			w.yesNo("Update users?", "Keep Salesforce users' attributes in step with PingOne.", &a.UpdateUsers),
			w.yesNo("Disable users?", "Deactivate the Salesforce user when a PingOne user leaves scope.", &a.DisableUsers),
		).Title(w.title(StepProvisioning)),
		huh.NewGroup(
			w.yesNo("Provision disabled users?", "Also create users that are disabled in PingOne (they arrive inactive).", &a.ProvisionDisabledUsers),
			w.yesNo("Freeze instead of deactivate?", "Freeze deprovisioned users: no sign-in, but licence and data are kept.", &a.FreezeUsers),
			huh.NewSelect[string]().Title(accessibleTitle(w, FieldPermissionSets.Label, w.describe(FieldPermissionSets, "What happens to permission sets a user already has in Salesforce."), "")).
				Description(w.describe(FieldPermissionSets, "What happens to permission sets a user already has in Salesforce.")).
				Options(
					huh.NewOption("Merge: add PingOne's, keep the user's existing permission sets", api.PermissionSetsMerge),
					huh.NewOption("Overwrite: replace the user's permission sets with PingOne's", api.PermissionSetsOverwrite),
				).Value(&a.PermissionSets),
		).Title(w.title(StepProvisioning)),
	)
}

func (w *wizard) yesNo(title, description string, value *bool) *huh.Confirm {
	return huh.NewConfirm().Title(accessibleTitle(w, title, description, "")).Description(description).
		Affirmative("Yes").Negative("No").Value(value).WithButtonAlignment(lipgloss.Left)
}

func (w *wizard) communitiesSwitchForm() *huh.Form {
	return w.form(huh.NewGroup(
		w.yesNo("Provision to Salesforce Communities?",
			"Turn on for Experience Cloud (community) users; off for Sales, Service and Chatter users.",
			&w.a.EnableCommunities),
	).Title(w.title(StepCommunities)))
}

func (w *wizard) communitiesIDsForm() *huh.Form {
	a := w.a
	desc := "Optional: the profile new users get (00e…, 15 or 18 characters)."
	if a.EnableCommunities {
		desc = "With Communities: a customer or partner community profile (00e…)."
	}
	profile := w.input(FieldProfileID.Label, w.describe(FieldProfileID, desc), &a.ProfileID, validateProfileID).Placeholder("00e…")
	if !a.EnableCommunities {
		return w.form(huh.NewGroup(profile).Title(w.title(StepCommunities)))
	}
	return w.form(huh.NewGroup(
		w.input(FieldAccountID.Label, w.describe(FieldAccountID, "The business account community users join: 001…, 15 or 18 characters."), &a.AccountID, validateAccountID).Placeholder("001…"),
		profile,
	).Title(w.title(StepCommunities)))
}
