package wizard

import (
	"context"
	"errors"

	"github.com/charmbracelet/huh"

	"sfstore/ui"
	"sfstore/ui/settings"
)

// errAskAgain asks the same step again, every answer kept.
var errAskAgain = errors.New("ask again")

// ask runs the forms of one step, normalises what they wrote, then checks
// the step's answers again: accessible mode can end a prompt without
// running its validator, so a problem is shown and the step asked again,
// with every answer kept.
func (w *Wizard) ask(ctx context.Context, step settings.Step) error {
	for {
		err := w.askOnce(ctx, step)
		if errors.Is(err, errAskAgain) {
			continue
		}
		if err != nil {
			return err
		}
		w.a.Normalize()
		problems := w.a.Check(step)
		if len(problems) == 0 {
			return nil
		}
		for _, p := range problems {
			w.s.Notice(w.st.Bad, "✗ "+p.Error())
		}
	}
}

func (w *Wizard) askOnce(ctx context.Context, step settings.Step) error {
	switch step {
	case settings.StepPingOne:
		return w.askPingOne(ctx)
	case settings.StepStore:
		return w.run(ctx, w.storeForm())
	case settings.StepSalesforce:
		return w.askSalesforce(ctx)
	case settings.StepProvisioning:
		return w.run(ctx, w.provisioningForm())
	case settings.StepCommunities:
		if err := w.run(ctx, w.communitiesSwitchForm()); err != nil {
			return err
		}
		if w.sf != nil {
			return w.pickCommunityIDs(ctx)
		}
		return w.run(ctx, w.communitiesIDsForm())
	}
	return nil
}

func (w *Wizard) askPingOne(ctx context.Context) error {
	if err := w.run(ctx, w.signInForm()); err != nil {
		return err
	}
	if err := w.askCredentials(ctx); err != nil {
		return err
	}
	return w.askTargetEnvironment(ctx)
}

func (w *Wizard) askCredentials(ctx context.Context) error {
	if w.a.AuthMethod == settings.AuthPastedToken {
		return w.run(ctx, w.pastedTokenForm())
	}
	if err := w.run(ctx, w.workerAppForm()); err != nil {
		return err
	}
	w.a.Normalize()
	if w.a.WorkerClientSecret == "" {
		reused, err := w.offerSaved(ctx, "the worker app "+w.a.WorkerClientID, ui.WorkerSecrets(*w.a))
		if err != nil || reused {
			return err
		}
	}
	return w.run(ctx, w.workerSecretForm())
}

func (w *Wizard) askSalesforce(ctx context.Context) error {
	if err := w.run(ctx, w.salesforceAppForm()); err != nil {
		return err
	}
	w.a.Normalize()
	if !w.hasSalesforceSecrets() {
		what := w.a.SalesforceDomain + " with client ID " + shorten(w.a.ClientID, 16)
		reused, err := w.offerSaved(ctx, what, ui.SalesforceSecrets(*w.a))
		if err != nil {
			return err
		}
		if reused {
			return w.verifySalesforce(ctx)
		}
	}
	if w.a.SalesforceSignIn == settings.SignInPaste {
		if err := w.run(ctx, w.salesforceSecretsForm()); err != nil {
			return err
		}
		w.a.Normalize()
		return w.verifySalesforce(ctx)
	}
	return w.askBrowserSignIn(ctx)
}

// askBrowserSignIn asks for the client secret, which the sign-in needs,
// then signs in; a refused sign-in is shown and the step asked again.
func (w *Wizard) askBrowserSignIn(ctx context.Context) error {
	if err := w.run(ctx, w.clientSecretForm()); err != nil {
		return err
	}
	w.a.Normalize()
	if settings.FieldClientSecret.Check(*w.a) != nil {
		return nil // ask reports the problem and asks again
	}
	tokens, err := w.signInInteractive(ctx)
	switch {
	case errors.Is(err, ui.ErrCancelled):
		return err
	case err != nil:
		w.s.ReportFailure("The Salesforce sign-in did not finish", err)
		return w.retrySignIn(ctx)
	}
	w.sf = w.s.UseTokens(tokens)
	msg := "✓ Signed in to Salesforce: the tokens are in the answers."
	if w.s.KeyringAvailable() {
		msg = "✓ Signed in to Salesforce: the tokens are in the answers, and go to the keyring if you save secrets."
	}
	w.s.Notice(w.st.OK, msg)
	return w.verifySalesforce(ctx)
}

// retrySignIn lets the person try the sign-in again, with every answer
// kept, or paste tokens instead.
func (w *Wizard) retrySignIn(ctx context.Context) error {
	again := "again"
	f := w.form(huh.NewGroup(choice(w, "What now?", "Every answer is kept.", &again,
		huh.NewOption("Sign in again (fix the app first if the card says so)", "again"),
		huh.NewOption("Paste the tokens instead", "paste"),
	)).Title(w.title(settings.StepSalesforce)))
	if err := w.run(ctx, f); err != nil {
		return err
	}
	if again == "paste" {
		w.a.SalesforceSignIn = settings.SignInPaste
	}
	return errAskAgain
}

func (w *Wizard) hasSalesforceSecrets() bool {
	return w.a.ClientSecret != "" || w.a.SalesforceAccessToken != "" || w.a.SalesforceRefreshToken != ""
}

func shorten(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
