package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"sfstore/api/redact"
	"sfstore/secrets"
)

// savedSecret is one secret the keyring may hold: where it lives and which
// answer it fills.
type savedSecret struct {
	account string
	label   string
	value   *string
}

func (w *wizard) workerSecrets() []savedSecret {
	return []savedSecret{{
		account: secrets.PingOneAccount(w.a.WorkerEnvironmentID, w.a.WorkerClientID),
		label:   FieldWorkerClientSecret.Label,
		value:   &w.a.WorkerClientSecret,
	}}
}

func (w *wizard) salesforceSecrets() []savedSecret {
	d, id := w.a.SalesforceDomain, w.a.ClientID
	return []savedSecret{
		{secrets.SalesforceAccount(d, id, secrets.ClientSecret), FieldClientSecret.Label, &w.a.ClientSecret},
		{secrets.SalesforceAccount(d, id, secrets.AccessToken), FieldAccessToken.Label, &w.a.SalesforceAccessToken},
		{secrets.SalesforceAccount(d, id, secrets.RefreshToken), FieldRefreshToken.Label, &w.a.SalesforceRefreshToken},
	}
}

func (w *wizard) offerSavedWorkerSecret(ctx context.Context) (bool, error) {
	what := fmt.Sprintf("the worker app %s", w.a.WorkerClientID)
	return w.offerSaved(ctx, what, w.workerSecrets())
}

func (w *wizard) offerSavedSalesforceSecrets(ctx context.Context) (bool, error) {
	what := fmt.Sprintf("%s with client ID %s", w.a.SalesforceDomain, shorten(w.a.ClientID, 16))
	return w.offerSaved(ctx, what, w.salesforceSecrets())
}

// offerSaved looks the secrets up under a spinner and, when the keyring has
// all of them, offers to reuse them. Only a complete set is offered: a
// partial one would mix credentials of different sign-ins.
func (w *wizard) offerSaved(ctx context.Context, what string, wanted []savedSecret) (bool, error) {
	if !w.keyringUsable() {
		return false, nil
	}
	found := make([]string, len(wanted))
	err := w.runTask(ctx, "Looking for saved secrets in the keyring", func(ctx context.Context) error {
		for i, s := range wanted {
			v, err := w.opts.Keyring.Get(ctx, s.account)
			if err != nil {
				return err
			}
			found[i] = v
		}
		return nil
	})
	switch {
	case errors.Is(err, ErrCancelled):
		return false, err
	case errors.Is(err, secrets.ErrNotFound):
		return false, nil
	case err != nil:
		w.keyringFailed(err)
		return false, nil
	}
	reuse := true
	lines := make([]string, 0, len(wanted))
	for i, s := range wanted {
		lines = append(lines, fmt.Sprintf("%s  %s", s.label, redact.Mask(found[i])))
	}
	confirm := w.form(huh.NewGroup(
		huh.NewConfirm().Title("The keyring has saved secrets for " + what).
			Description(strings.Join(lines, "\n") + "\nReuse them? Choose No to type new ones.").
			Affirmative("Reuse").Negative("Type new ones").Value(&reuse).WithButtonAlignment(lipgloss.Left),
	))
	if err := w.run(ctx, confirm); err != nil {
		return false, err
	}
	if !reuse {
		return false, nil
	}
	for i, s := range wanted {
		*s.value = found[i]
	}
	return true, nil
}

// keyringUsable says whether to try the keyring, telling the user once when
// it cannot be used.
func (w *wizard) keyringUsable() bool {
	if w.keyringErr == nil {
		return true
	}
	if !w.keyringNoted {
		w.keyringNoted = true
		reason := w.keyringErr.Error()
		var ue *secrets.UnavailableError
		if errors.As(w.keyringErr, &ue) {
			reason = ue.Reason
			if ue.Hint != "" {
				reason += ". To use it: " + ue.Hint
			}
		}
		w.notice(w.st.Warn, "! The OS keyring cannot be used: "+reason+
			". Your secrets are used for this run only and are not saved anywhere.")
	}
	return false
}

// keyringFailed stops using the keyring for the rest of the run after an
// error such as a timeout, and tells the user why.
func (w *wizard) keyringFailed(err error) {
	w.keyringErr = err
	w.keyringUsable()
}

// saveSecrets stores the secrets after the store was created, when the user
// asked for it. A failure is reported and does not undo the store.
func (w *wizard) saveSecrets(ctx context.Context) {
	if !w.a.SaveSecrets || !w.keyringUsable() {
		return
	}
	var toSave []savedSecret
	if w.a.AuthMethod == AuthWorkerApp {
		toSave = append(toSave, w.workerSecrets()...)
	}
	toSave = append(toSave, w.salesforceSecrets()...)
	saved := 0
	err := w.runTask(ctx, "Saving the secrets in the keyring", func(ctx context.Context) error {
		for _, s := range toSave {
			if *s.value == "" {
				continue
			}
			if err := w.opts.Keyring.Set(ctx, s.account, *s.value); err != nil {
				return fmt.Errorf("save %s: %w", s.label, err)
			}
			saved++
		}
		return nil
	})
	if err != nil {
		w.notice(w.st.Warn, "! The secrets were not saved in the keyring: "+redact.Redact(err.Error(), w.a.secretValues()...))
		return
	}
	where := fmt.Sprintf("the OS keyring (service %q); sfstore offers them next time", secrets.Service)
	if w.opts.Demo {
		where = "the demo keyring, which lives in memory until sfstore exits"
	}
	w.notice(w.st.OK, fmt.Sprintf("✓ Saved %d secrets in %s.", saved, where))
}

func shorten(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
