package ui

import (
	"context"
	"errors"
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
		if err != nil || reused {
			return err
		}
	}
	return w.run(ctx, w.salesforceSecretsForm())
}

func (w *wizard) hasSalesforceSecrets() bool {
	return w.a.ClientSecret != "" || w.a.SalesforceAccessToken != "" || w.a.SalesforceRefreshToken != ""
}
