package wizard

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/huh"

	"sfstore/api/salesforce"
	"sfstore/ui"
	"sfstore/ui/settings"
	"sfstore/ui/term"
)

const (
	pickTypeID = "\x00type"
	pickNone   = "\x00none"
	pickSearch = "\x00search"
)

// pickCommunityIDs offers the org's profiles and accounts, read with the
// verified token, instead of asking for 18-character IDs. Typing an ID
// still works; a failed lookup falls back to typing.
func (w *Wizard) pickCommunityIDs(ctx context.Context) error {
	if w.a.EnableCommunities {
		if err := w.pickAccount(ctx); err != nil {
			return err
		}
	}
	return w.pickProfile(ctx)
}

func (w *Wizard) pickProfile(ctx context.Context) error {
	var profiles []salesforce.Profile
	err := w.Task(ctx, "Reading the org's profiles", func(ctx context.Context) error {
		var err error
		profiles, err = salesforce.Profiles(ctx, w.s.SalesforceHTTPClient(), w.sf.InstanceURL, w.sf.Token, w.a.EnableCommunities)
		return err
	})
	if errors.Is(err, ui.ErrCancelled) {
		return err
	}
	if err != nil || len(profiles) == 0 {
		w.pickerFailed("profiles", err)
		return w.run(ctx, w.communitiesIDsForm())
	}
	choice := w.a.ProfileID
	opts := []huh.Option[string]{}
	if !w.a.EnableCommunities {
		opts = append(opts, huh.NewOption("None: Salesforce's default", pickNone))
		if choice == "" {
			choice = pickNone
		}
	}
	for _, p := range profiles {
		opts = append(opts, huh.NewOption(fmt.Sprintf("%s · %s · %s", term.Line(p.Name), term.Line(p.License), term.Line(p.ID)), p.ID))
	}
	opts = append(opts, huh.NewOption("Type a profile ID", pickTypeID))
	desc := "The profile PingOne gives the users it creates."
	if w.a.EnableCommunities {
		desc = "With Communities: a customer or partner community profile (listed first)."
	}
	f := w.form(huh.NewGroup(huh.NewSelect[string]().Title(settings.FieldProfileID.Label).
		Description(w.describe(settings.FieldProfileID, desc)).Options(opts...).Value(&choice)).Title(w.title(settings.StepCommunities)))
	if err := w.run(ctx, f); err != nil {
		return err
	}
	switch choice {
	case pickTypeID:
		return w.run(ctx, w.form(huh.NewGroup(w.profileInput()).Title(w.title(settings.StepCommunities))))
	case pickNone:
		w.a.ProfileID = ""
	default:
		w.a.ProfileID = choice
	}
	return nil
}

func (w *Wizard) profileInput() *huh.Input {
	return w.fieldInput(settings.FieldProfileID, "15 or 18 characters starting with 00e.", &w.a.ProfileID)
}

// pickAccount searches the org's accounts by name until the user picks one
// or types an ID.
func (w *Wizard) pickAccount(ctx context.Context) error {
	for {
		query := w.a.AccountID
		f := w.form(huh.NewGroup(w.input("Find the business account community users join",
			w.describe(settings.FieldAccountID, "Type part of its name, or an account ID (001…)."), &query, nil).Placeholder("(e.g. Acme)")).Title(w.title(settings.StepCommunities)))
		if err := w.run(ctx, f); err != nil {
			return err
		}
		query = strings.TrimSpace(query)
		if query != "" && settings.FieldAccountID.CheckValue(*w.a, query) == nil {
			return settings.FieldAccountID.Set(w.a, query)
		}
		done, err := w.chooseAccount(ctx, query)
		if err != nil || done {
			return err
		}
	}
}

// chooseAccount lists the accounts matching query; it reports whether an
// account was chosen (false: search again).
func (w *Wizard) chooseAccount(ctx context.Context, query string) (bool, error) {
	var accounts []salesforce.Account
	err := w.Task(ctx, "Searching accounts", func(ctx context.Context) error {
		var err error
		accounts, err = salesforce.SearchAccounts(ctx, w.s.SalesforceHTTPClient(), w.sf.InstanceURL, w.sf.Token, query, 20)
		return err
	})
	if errors.Is(err, ui.ErrCancelled) {
		return false, err
	}
	if err != nil {
		w.pickerFailed("accounts", err)
		return true, w.run(ctx, w.form(huh.NewGroup(w.accountInput()).Title(w.title(settings.StepCommunities))))
	}
	choice := pickSearch
	opts := make([]huh.Option[string], 0, len(accounts)+2)
	for _, a := range accounts {
		opts = append(opts, huh.NewOption(fmt.Sprintf("%s · %s", term.Line(a.Name), term.Line(a.ID)), a.ID))
	}
	if len(accounts) > 0 {
		choice = accounts[0].ID
	}
	opts = append(opts, huh.NewOption("Search again", pickSearch), huh.NewOption("Type an account ID", pickTypeID))
	title := fmt.Sprintf("Accounts matching %q", query)
	if len(accounts) == 0 {
		title = fmt.Sprintf("No account matches %q", query)
	}
	f := w.form(huh.NewGroup(huh.NewSelect[string]().Title(title).
		Description("Only business accounts can be linked, not person accounts.").Options(opts...).Value(&choice)).Title(w.title(settings.StepCommunities)))
	if err := w.run(ctx, f); err != nil {
		return false, err
	}
	switch choice {
	case pickSearch:
		return false, nil
	case pickTypeID:
		return true, w.run(ctx, w.form(huh.NewGroup(w.accountInput()).Title(w.title(settings.StepCommunities))))
	}
	w.a.AccountID = choice
	return true, nil
}

func (w *Wizard) accountInput() *huh.Input {
	return w.fieldInput(settings.FieldAccountID, "The business account community users join: 001…, 15 or 18 characters.", &w.a.AccountID)
}

func (w *Wizard) pickerFailed(what string, err error) {
	msg := "nothing found"
	if err != nil {
		msg = err.Error()
	}
	w.s.Notice(w.st.Warn, fmt.Sprintf("! The org's %s cannot be listed (%s); type the ID instead.", what, msg))
}
