package wizard

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/huh"

	"sfstore/api/salesforce"
	"sfstore/ui"
	"sfstore/ui/settings"
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
	var list *salesforce.ProfileList
	err := w.taskWithProgress(ctx, "Reading the org's profiles", func(ctx context.Context, progress func(string)) error {
		var err error
		list, err = salesforce.ListProfiles(ctx, w.s.SalesforceHTTPClient(), w.sf.InstanceURL, w.sf.Token, salesforce.ProfileOptions{
			CommunitiesFirst: w.a.EnableCommunities,
			Progress: func(read, total int) {
				progress(fmt.Sprintf("read %s of %s profiles", thousands(read), thousands(total)))
			},
		})
		return err
	})
	if errors.Is(err, ui.ErrCancelled) {
		return err
	}
	if err != nil || len(list.Profiles) == 0 {
		w.pickerFailed("profiles", err)
		return w.run(ctx, w.communitiesIDsForm())
	}
	chosen := w.a.ProfileID
	opts := make([]pickOption, 0, len(list.Profiles)+2)
	if !w.a.EnableCommunities {
		opts = append(opts, pickOption{label: "None: Salesforce's default", value: pickNone, pinned: true})
		if chosen == "" {
			chosen = pickNone
		}
	}
	for _, p := range list.Profiles {
		opts = append(opts, pickOption{label: p.Name + " · " + p.License + " · " + p.ID, value: p.ID})
	}
	opts = append(opts, pickOption{label: "Type a profile ID", value: pickTypeID, pinned: true})
	desc := "The profile PingOne gives the users it creates."
	if w.a.EnableCommunities {
		desc = "With Communities: a customer or partner community profile (listed first)."
	}
	chosen, err = w.pick(ctx, w.title(settings.StepCommunities), settings.FieldProfileID.Label,
		w.describe(settings.FieldProfileID, desc), list.Note(), opts, chosen)
	if err != nil {
		return err
	}
	switch chosen {
	case pickTypeID:
		return w.run(ctx, w.form(huh.NewGroup(w.profileInput()).Title(w.title(settings.StepCommunities))))
	case pickNone:
		w.a.ProfileID = ""
	default:
		w.a.ProfileID = chosen
	}
	return nil
}

// thousands writes n with a comma every three digits: 10,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
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
	chosen := pickSearch
	opts := make([]pickOption, 0, len(accounts)+2)
	for _, a := range accounts {
		opts = append(opts, pickOption{label: a.Name + " · " + a.ID, value: a.ID})
	}
	if len(accounts) > 0 {
		chosen = accounts[0].ID
	}
	opts = append(opts, pickOption{label: "Search again", value: pickSearch, pinned: true},
		pickOption{label: "Type an account ID", value: pickTypeID, pinned: true})
	title := fmt.Sprintf("Accounts matching %q", query)
	if len(accounts) == 0 {
		title = fmt.Sprintf("No account matches %q", query)
	}
	choice, err := w.pick(ctx, w.title(settings.StepCommunities), title,
		"Only business accounts can be linked, not person accounts.", "", opts, chosen)
	if errors.Is(err, errBack) {
		return false, nil // back to the search
	}
	if err != nil {
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
