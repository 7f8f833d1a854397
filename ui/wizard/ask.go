package wizard

import (
	"context"
	"errors"
	"fmt"

	"github.com/charmbracelet/huh"

	"sfstore/ui"
	"sfstore/ui/settings"
)

// errAskAgain asks the same step again, every answer kept.
var errAskAgain = errors.New("ask again")

// ask runs the pages of one step, normalises what they wrote, then checks
// the step's answers again: accessible mode can end a prompt without
// running its validator, so a problem is shown and the step asked again,
// with every answer kept. canBack says whether going back from the first
// page leads anywhere (errBack is returned then); fromEnd starts at the
// last page, for a person coming back from the next step.
func (w *Wizard) ask(ctx context.Context, step settings.Step, canBack, fromEnd bool) error {
	for {
		if w.s.Opts.Accessible {
			// huh's line prompts print no group title: say where we are.
			fmt.Fprintln(w.s.Err, "\n"+w.title(step))
		}
		err := w.askPages(ctx, w.pages(step), canBack, fromEnd)
		fromEnd = false
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

// A page is one form (or picker, or sign-in) of a step. It returns errSkip
// when it had nothing to ask and errBack when the person went back.
type page func(ctx context.Context) error

// askPages runs pages forwards, stepping back one page on errBack and
// passing over pages that had nothing to ask in the direction of travel.
func (w *Wizard) askPages(ctx context.Context, pages []page, canBack, fromEnd bool) error {
	defer func() { w.canBack = false }()
	i, dir := 0, 1
	if fromEnd {
		i, dir = len(pages)-1, -1
	}
	// first is the first page that asked something: a page after it can
	// go back. Coming from the end, the earlier pages are not yet known to
	// ask, so any may.
	first := len(pages)
	if fromEnd {
		first = 0
	}
	for i >= 0 && i < len(pages) {
		w.canBack = canBack || i > first
		err := pages[i](ctx)
		if !errors.Is(err, errSkip) {
			first = min(first, i)
		}
		switch {
		case errors.Is(err, errSkip):
			i += dir
		case errors.Is(err, errBack):
			i, dir = i-1, -1
		case err != nil:
			return err
		default:
			i, dir = i+1, 1
		}
	}
	if i < 0 {
		if !canBack {
			return errAskAgain
		}
		return errBack
	}
	return nil
}

// pages lists a step's pages in order.
func (w *Wizard) pages(step settings.Step) []page {
	form := func(build func() *huh.Form) page {
		return func(ctx context.Context) error { return w.run(ctx, build()) }
	}
	switch step {
	case settings.StepPingOne:
		return []page{w.askProfile, w.askSignIn, w.askCredentials, w.askWorkerSecret, w.askTargetEnvironment}
	case settings.StepStore:
		return []page{form(w.storeForm)}
	case settings.StepSalesforce:
		return []page{form(w.salesforceAppForm), w.askSalesforceSecrets}
	case settings.StepProvisioning:
		return []page{form(w.provisioningForm)}
	case settings.StepCommunities:
		return []page{form(w.communitiesSwitchForm), w.askCommunityIDs}
	}
	return nil
}

// hasAllSalesforceSecrets says whether the secret and both tokens are
// given, so they can be kept.
func (w *Wizard) hasAllSalesforceSecrets() bool {
	return w.a.ClientSecret != "" && w.a.SalesforceAccessToken != "" && w.a.SalesforceRefreshToken != ""
}

func (w *Wizard) askCommunityIDs(ctx context.Context) error {
	if w.sf != nil {
		return w.pickCommunityIDs(ctx)
	}
	return w.run(ctx, w.communitiesIDsForm())
}

func (w *Wizard) askCredentials(ctx context.Context) error {
	if w.a.AuthMethod == settings.AuthPastedToken {
		return w.run(ctx, w.pastedTokenForm())
	}
	if w.fromProfile() {
		return errSkip
	}
	return w.run(ctx, w.workerAppForm())
}

// askWorkerSecret offers the saved worker secret, or asks for it.
func (w *Wizard) askWorkerSecret(ctx context.Context) error {
	if w.a.AuthMethod == settings.AuthPastedToken {
		return errSkip
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

// askSalesforceSecrets offers the saved secrets, or asks for them or signs
// in, then checks them with Salesforce.
func (w *Wizard) askSalesforceSecrets(ctx context.Context) error {
	w.a.Normalize()
	if w.a.SalesforceSignIn == settings.SignInKeep {
		if w.a.SalesforceDomain+"\x00"+w.a.ClientID != w.sfApp {
			// The tokens and secret belong to the app as it was: a new
			// domain or client ID needs new ones.
			w.s.Notice(w.st.Warn, "! The domain or client ID changed: the tokens and secret given belong to the app as it was. Sign in or paste new ones.")
			w.a.SalesforceSignIn = settings.SignInBrowser
			w.a.ClientSecret, w.a.SalesforceAccessToken, w.a.SalesforceRefreshToken = "", "", ""
			return errAskAgain
		}
		return w.verifySalesforce(ctx)
	}
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

// askBrowserSignIn signs in with the browser, then checks the tokens.
func (w *Wizard) askBrowserSignIn(ctx context.Context) error {
	sf, err := w.signInWithSecret(ctx, w.title(settings.StepSalesforce), "The app's Consumer Secret; the sign-in needs it. Input is hidden.")
	if err != nil {
		return err
	}
	w.sf = sf
	msg := "✓ Signed in to Salesforce: the tokens are in the answers."
	if w.s.KeyringAvailable() {
		msg = "✓ Signed in to Salesforce: the tokens are in the answers, and go to the keyring if you save secrets."
	}
	w.s.Notice(w.st.OK, msg)
	return w.verifySalesforce(ctx)
}

// signInWithSecret asks for the app's client secret, which the sign-in
// sends, signs in with the browser and puts the tokens in the answers:
// the create wizard's sign-in and reconnect's. title heads its questions.
// Esc on the sign-in screen is errBack, for the caller's previous
// question. A secret that is not valid, or a sign-in that failed (shown,
// then the person chooses to sign in again or paste), is errAskAgain.
func (w *Wizard) signInWithSecret(ctx context.Context, title, secretDesc string) (*ui.SalesforceSession, error) {
	f := w.form(huh.NewGroup(w.password(settings.FieldClientSecret, secretDesc, &w.a.ClientSecret)).Title(title))
	if err := w.run(ctx, f); err != nil {
		return nil, err
	}
	w.a.Normalize()
	// Accessible mode can end a prompt without its validator.
	if !w.fieldsOK([]*settings.Field{settings.FieldClientSecret}) {
		return nil, errAskAgain
	}
	tokens, err := w.signInInteractive(ctx)
	switch {
	case errors.Is(err, ui.ErrCancelled), errors.Is(err, errBack):
		return nil, err
	case err != nil:
		w.s.ReportFailure("The Salesforce sign-in did not finish", err)
		return nil, w.retrySignIn(ctx, title)
	}
	return w.s.UseTokens(tokens), nil
}

// retrySignIn lets the person try the sign-in again, with every answer
// kept, or paste tokens instead; either way the caller asks again
// (errAskAgain).
func (w *Wizard) retrySignIn(ctx context.Context, title string) error {
	again := "again"
	f := w.form(huh.NewGroup(choice(w, "What now?", "Every answer is kept.", &again,
		huh.NewOption("Sign in again (fix the app first if the card says so)", "again"),
		huh.NewOption("Paste the tokens instead", "paste"),
	)).Title(title))
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
