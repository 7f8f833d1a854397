package ui

import (
	"context"
	"errors"
	"fmt"

	"github.com/charmbracelet/huh"
)

// errAskAgain asks the same step again, every answer kept.
var errAskAgain = errors.New("ask again")

// ask runs the forms of one step, then checks the step's answers again:
// accessible mode can end a prompt without running its validator, so a
// problem is shown and the step asked again, with every answer kept.
func (w *wizard) ask(ctx context.Context, step Step) error {
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
			w.notice(w.st.Bad, "✗ "+p.Error())
		}
	}
}

func (w *wizard) askOnce(ctx context.Context, step Step) error {
	switch step {
	case StepPingOne:
		return w.askPingOne(ctx)
	case StepStore:
		return w.run(ctx, w.storeForm())
	case StepSalesforce:
		return w.askSalesforce(ctx)
	case StepProvisioning:
		return w.run(ctx, w.provisioningForm())
	case StepCommunities:
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

func (w *wizard) askPingOne(ctx context.Context) error {
	if err := w.run(ctx, w.signInForm()); err != nil {
		return err
	}
	if err := w.askCredentials(ctx); err != nil {
		return err
	}
	return w.askTargetEnvironment(ctx)
}

func (w *wizard) askCredentials(ctx context.Context) error {
	if w.a.AuthMethod == AuthPastedToken {
		return w.run(ctx, w.pastedTokenForm())
	}
	if err := w.run(ctx, w.workerAppForm()); err != nil {
		return err
	}
	w.a.Normalize()
	if w.a.WorkerClientSecret == "" {
		reused, err := w.offerSavedWorkerSecret(ctx)
		if err != nil || reused {
			return err
		}
	}
	return w.run(ctx, w.workerSecretForm())
}

func (w *wizard) askSalesforce(ctx context.Context) error {
	if err := w.run(ctx, w.salesforceAppForm()); err != nil {
		return err
	}
	w.a.Normalize()
	if !w.hasSalesforceSecrets() {
		reused, err := w.offerSavedSalesforceSecrets(ctx)
		if err != nil {
			return err
		}
		if reused {
			return w.verifySalesforce(ctx)
		}
	}
	if w.a.SalesforceSignIn == SignInPaste {
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
func (w *wizard) askBrowserSignIn(ctx context.Context) error {
	if err := w.run(ctx, w.clientSecretForm()); err != nil {
		return err
	}
	w.a.Normalize()
	if validateSecret("the client secret")(w.a.ClientSecret) != nil {
		return nil // ask reports the problem and asks again
	}
	tokens, err := w.signInInteractive(ctx)
	switch {
	case errors.Is(err, ErrCancelled):
		return err
	case err != nil:
		fmt.Fprintln(w.opts.ErrOut, renderErrorTitled(w.st, "The Salesforce sign-in did not finish", err, w.opts.Width, w.a.secretValues()...))
		return w.retrySignIn(ctx)
	}
	w.useTokens(tokens)
	msg := "✓ Signed in to Salesforce: the tokens are in the answers."
	if w.keyringErr == nil {
		msg = "✓ Signed in to Salesforce: the tokens are in the answers, and go to the keyring if you save secrets."
	}
	w.notice(w.st.OK, msg)
	return w.verifySalesforce(ctx)
}

// retrySignIn lets the user try the sign-in again, with every answer kept,
// or paste tokens instead.
func (w *wizard) retrySignIn(ctx context.Context) error {
	choice := "again"
	f := w.form(huh.NewGroup(huh.NewSelect[string]().Title("What now?").Options(
		huh.NewOption("Sign in again (fix the app first if the card says so)", "again"),
		huh.NewOption("Paste the tokens instead", "paste"),
	).Value(&choice)).Title(w.title(StepSalesforce)))
	if err := w.run(ctx, f); err != nil {
		return err
	}
	if choice == "paste" {
		w.a.SalesforceSignIn = SignInPaste
	}
	return errAskAgain
}

func (w *wizard) hasSalesforceSecrets() bool {
	return w.a.ClientSecret != "" || w.a.SalesforceAccessToken != "" || w.a.SalesforceRefreshToken != ""
}
