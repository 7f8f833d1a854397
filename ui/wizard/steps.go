package wizard

import (
	"strconv"

	"github.com/charmbracelet/huh"

	"sfstore/api"
	"sfstore/ui/settings"
)

// The builders below only build forms bound to the answers; ask.go runs
// them. Each field has a title, one plain-language line of description and
// the validator of its settings.Field, whose message says what is expected.

func regionOptions() []huh.Option[string] {
	opts := make([]huh.Option[string], 0, len(settings.FieldRegion.Choices))
	for _, c := range settings.FieldRegion.Choices {
		opts = append(opts, huh.NewOption(c.Label, c.Value))
	}
	return opts
}

func (w *Wizard) signInForm() *huh.Form {
	a := w.a
	return w.form(huh.NewGroup(
		choice(w, settings.FieldRegion.Label, "Where your PingOne organization lives; it sets the API and sign-in hosts.", &a.Region, regionOptions()...),
		choice(w, "How should sfstore sign in to PingOne?", "A worker app needs the Environment Admin role on the target environment.", &a.AuthMethod,
			huh.NewOption("Worker app client ID and secret (recommended)", settings.AuthWorkerApp),
			huh.NewOption("Paste an access token (kept in memory only)", settings.AuthPastedToken)),
	).Title(w.title(settings.StepPingOne)))
}

func (w *Wizard) workerAppForm() *huh.Form {
	a := w.a
	return w.form(huh.NewGroup(
		w.fieldInput(settings.FieldWorkerEnvironment, "The environment the worker app belongs to (PINGONE_ENVIRONMENT_ID).", &a.WorkerEnvironmentID),
		w.fieldInput(settings.FieldWorkerClientID, "Applications › your worker app › Configuration › Client ID.", &a.WorkerClientID),
	).Title(w.title(settings.StepPingOne)))
}

// targetEnvironmentForm asks for the environment ID when it cannot be
// picked from a list.
func (w *Wizard) targetEnvironmentForm() *huh.Form {
	f := settings.FieldEnvironmentID
	field := w.fieldInput(f, "The environment the store is created in.", &w.a.EnvironmentID)
	if w.a.AuthMethod == settings.AuthWorkerApp {
		field = w.fieldInput(f, "Where the store is created; empty means the worker app's environment.", &w.a.EnvironmentID).
			Placeholder("(empty: the worker app's environment)")
	}
	return w.form(huh.NewGroup(field).Title(w.title(settings.StepPingOne)))
}

func (w *Wizard) workerSecretForm() *huh.Form {
	desc := "Shown once when the worker app's secret is generated. Input is hidden."
	if w.s.Opts.Demo {
		desc = "DEMO: the simulator takes any secret; type anything. Input is hidden."
	}
	return w.form(huh.NewGroup(
		w.password(settings.FieldWorkerClientSecret, desc, &w.a.WorkerClientSecret),
	).Title(w.title(settings.StepPingOne)))
}

func (w *Wizard) pastedTokenForm() *huh.Form {
	desc := "Needs the Environment Admin role. Held in memory only, never saved."
	if w.s.Opts.Demo {
		desc = "DEMO: the simulator takes " + w.s.Opts.DemoPingOneToken + ". Input is hidden."
	}
	return w.form(huh.NewGroup(
		w.password(settings.FieldPingOneToken, desc, &w.a.PingOneAccessToken),
	).Title(w.title(settings.StepPingOne)))
}

func (w *Wizard) storeForm() *huh.Form {
	a := w.a
	return w.form(
		huh.NewGroup(
			w.fieldInput(settings.FieldName, "How the store is listed in PingOne.", &a.Name),
			w.fieldInput(settings.FieldDescription, "Optional: a note for other admins.", &a.Description),
			w.fieldInput(settings.FieldImageURL, "Optional: the address of an icon for the store.", &a.ImageURL),
		).Title(w.title(settings.StepStore)),
		huh.NewGroup(
			w.statusConfirm(),
			w.managedChoice(),
		).Title(w.title(settings.StepStore)),
	)
}

// statusConfirm asks for the status. A create may leave it to PingOne's
// default (inactive); an edit sends what it shows, since a PUT replaces the
// whole store and PingOne documents no default for a status left out.
func (w *Wizard) statusConfirm() *huh.Confirm {
	title, desc := "Create it active?", "PingOne creates stores inactive unless told otherwise; active provisions as soon as rules use it."
	if w.s.Editing != nil {
		title, desc = "Active?", "Active provisions as soon as rules use it; inactive provisions nothing."
	}
	return w.yesNo(title, desc, nil).
		Accessor(statusAccessor{a: w.a, explicit: w.s.Editing != nil}).Affirmative("Active").Negative("Inactive")
}

// statusAccessor binds the status confirm: Active sends ACTIVE; Inactive
// sends INACTIVE when explicit (an edit) or when INACTIVE was given, and
// otherwise nothing, for PingOne's default.
type statusAccessor struct {
	a        *settings.Answers
	explicit bool
}

func (s statusAccessor) Get() bool { return s.a.Status == api.StatusActive }

func (s statusAccessor) Set(active bool) {
	switch {
	case active:
		s.a.Status = api.StatusActive
	case s.explicit:
		s.a.Status = api.StatusInactive
	case s.a.Status == api.StatusActive:
		s.a.Status = ""
	}
}

// managedChoice asks whether deleting the store deprovisions its users,
// with PingOne's default as a choice of its own: a yes/no could not show
// whether "no" is sent or left out.
func (w *Wizard) managedChoice() *huh.Select[string] {
	title := "Deprovision its users if the store is deleted?"
	desc := "If yes, deleting the store later deprovisions the users it created."
	return huh.NewSelect[string]().Title(w.accessibleTitle(title, desc, "")).Description(desc).
		Options(
			huh.NewOption("Leave it to PingOne (not sent)", ""),
			huh.NewOption("Yes", "true"),
			huh.NewOption("No", "false"),
		).Accessor(optionalBool{&w.a.Managed})
}

// optionalBool binds a three-way choice to an optional answer: "" is
// unset, "true" and "false" are sent.
type optionalBool struct{ p **bool }

func (o optionalBool) Get() string {
	if *o.p == nil {
		return ""
	}
	return strconv.FormatBool(**o.p)
}

func (o optionalBool) Set(v string) {
	b, err := strconv.ParseBool(v)
	if err != nil {
		*o.p = nil
		return
	}
	*o.p = &b
}

func (w *Wizard) salesforceAppForm() *huh.Form {
	a := w.a
	w.sfApp = a.SalesforceDomain + "\x00" + a.ClientID
	var ways []huh.Option[settings.SignInMethod]
	if w.hasAllSalesforceSecrets() {
		ways = append(ways, huh.NewOption("Keep the tokens and secret already given", settings.SignInKeep))
		if a.SalesforceSignIn == settings.SignInBrowser {
			a.SalesforceSignIn = settings.SignInKeep
		}
	}
	if !w.s.Opts.DryRun {
		// A dry run sends nothing anywhere: no sign-in.
		ways = append(ways, huh.NewOption("Sign in with Salesforce in the browser (recommended)", settings.SignInBrowser))
	} else if a.SalesforceSignIn == settings.SignInBrowser {
		a.SalesforceSignIn = settings.SignInPaste
	}
	ways = append(ways, huh.NewOption("Paste an access token and a refresh token", settings.SignInPaste))
	return w.form(huh.NewGroup(
		w.fieldInput(settings.FieldSalesforceDomain, "Your org's My Domain. https:// and a trailing / are removed.", &a.SalesforceDomain),
		w.fieldInput(settings.FieldClientID, "The Consumer Key of your connected app or external client app.", &a.ClientID),
		choice(w, "How do you want to get the OAuth tokens?", "Signing in needs the app's callback URL and the api and refresh_token scopes.", &a.SalesforceSignIn, ways...),
	).Title(w.title(settings.StepSalesforce)))
}

func (w *Wizard) salesforceSecretsForm() *huh.Form {
	return w.form(huh.NewGroup(w.salesforceSecretInputs("The app's Consumer Secret. Input is hidden.")...).
		Title(w.title(settings.StepSalesforce)))
}

// salesforceSecretInputs are the hidden inputs for the app's client
// secret and both tokens, for the create wizard and reconnect alike;
// secretDesc says what to do with the secret.
func (w *Wizard) salesforceSecretInputs(secretDesc string) []huh.Field {
	a := w.a
	return []huh.Field{
		w.password(settings.FieldClientSecret, secretDesc, &a.ClientSecret),
		w.password(settings.FieldAccessToken, "Issued to a Salesforce admin with View All Data. Input is hidden.", &a.SalesforceAccessToken),
		w.password(settings.FieldRefreshToken, "Needs the refresh_token scope and a \"valid until revoked\" policy.", &a.SalesforceRefreshToken),
	}
}

func (w *Wizard) provisioningForm() *huh.Form {
	a := w.a
	return w.form(
		huh.NewGroup(
			w.yesNo("Create users?", "Create a Salesforce user for each PingOne user in scope.", &a.CreateUsers),
			w.yesNo("Update users?", "Keep Salesforce users' attributes in step with PingOne.", &a.UpdateUsers),
			w.yesNo("Disable users?", "Deactivate the Salesforce user when a PingOne user leaves scope.", &a.DisableUsers),
		).Title(w.title(settings.StepProvisioning)),
		huh.NewGroup(
			w.yesNo("Provision disabled users?", "Also create users that are disabled in PingOne (they arrive inactive).", &a.ProvisionDisabledUsers),
			w.yesNo("Freeze instead of deactivate?", "Freeze deprovisioned users: no sign-in, but licence and data are kept.", &a.FreezeUsers),
			choice(w, settings.FieldPermissionSets.Label, w.describe(settings.FieldPermissionSets, "What happens to permission sets a user already has in Salesforce."), &a.PermissionSets,
				huh.NewOption("Merge: add PingOne's, keep the user's existing permission sets", api.PermissionSetsMerge),
				huh.NewOption("Overwrite: replace the user's permission sets with PingOne's", api.PermissionSetsOverwrite)),
		).Title(w.title(settings.StepProvisioning)),
	)
}

func (w *Wizard) communitiesSwitchForm() *huh.Form {
	return w.form(huh.NewGroup(
		w.yesNo("Provision to Salesforce Communities?",
			"Turn on for Experience Cloud (community) users; off for Sales, Service and Chatter users.",
			&w.a.EnableCommunities),
	).Title(w.title(settings.StepCommunities)))
}

func (w *Wizard) communitiesIDsForm() *huh.Form {
	a := w.a
	desc := "Optional: the profile new users get (00e…, 15 or 18 characters)."
	if a.EnableCommunities {
		desc = "With Communities: a customer or partner community profile (00e…)."
	}
	profile := w.fieldInput(settings.FieldProfileID, desc, &a.ProfileID)
	if !a.EnableCommunities {
		return w.form(huh.NewGroup(profile).Title(w.title(settings.StepCommunities)))
	}
	return w.form(huh.NewGroup(
		w.fieldInput(settings.FieldAccountID, "The business account community users join: 001…, 15 or 18 characters.", &a.AccountID),
		profile,
	).Title(w.title(settings.StepCommunities)))
}
