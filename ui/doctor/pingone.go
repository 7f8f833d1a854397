package doctor

import (
	"context"
	"errors"
	"fmt"

	"strings"

	"sfstore/api"
	"sfstore/ui"
	"sfstore/ui/cards"
	"sfstore/ui/settings"
)

// token checks the sign-in; it returns a client for the later checks, or
// nil when they cannot run.
func (d *doctor) token(ctx context.Context) *api.Client {
	const name = "PingOne sign-in"
	if d.failed {
		d.skip(name, "PingOne cannot be reached")
		return nil
	}
	a := d.a
	if a.AuthMethod == settings.AuthWorkerApp && (a.WorkerEnvironmentID == "" || a.WorkerClientID == "" || a.WorkerClientSecret == "") {
		d.fillWorkerSecret(ctx)
		if a.WorkerEnvironmentID == "" || a.WorkerClientID == "" || a.WorkerClientSecret == "" {
			d.add(Check{Name: name, Detail: "no worker app credentials", Hint: "set PINGONE_ENVIRONMENT_ID, PINGONE_CLIENT_ID and PINGONE_CLIENT_SECRET, or PINGONE_API_ACCESS_TOKEN"})
			d.failed = true
			return nil
		}
	}
	client, err := d.s.Client()
	if err != nil {
		d.add(Check{Name: name, Detail: err.Error()})
		d.failed = true
		return nil
	}
	if a.AuthMethod == settings.AuthPastedToken {
		d.add(Check{Name: name, OK: true, Detail: "using the access token from PINGONE_API_ACCESS_TOKEN (checked by the next steps)"})
		return client
	}
	tctx, cancel := context.WithTimeout(ctx, checkTimeout)
	defer cancel()
	creds := api.Credentials{AuthURL: mustAuthURL(d), WorkerEnvironmentID: a.WorkerEnvironmentID, ClientID: a.WorkerClientID, ClientSecret: a.WorkerClientSecret}
	if _, err := api.NewTokenSource(tctx, creds, d.s.HTTPClient(d.s.Opts.HTTPClient)).Token(); err != nil {
		d.add(Check{Name: name, Detail: err.Error(), Hint: hintOf(err)})
		d.failed = true
		return nil
	}
	d.add(Check{Name: name, OK: true, Detail: "the worker app got an access token"})
	return client
}

func mustAuthURL(d *doctor) string {
	_, auth, _ := d.endpoints()
	return auth
}

// fillWorkerSecret reads the worker secret from the keyring when the rest
// of the worker app is known, and the keyring check found it answering: a
// locked or hanging keyring is not waited for twice.
func (d *doctor) fillWorkerSecret(ctx context.Context) {
	a := d.a
	if a.WorkerEnvironmentID == "" || a.WorkerClientID == "" || !d.keyringOK {
		return
	}
	saved := ui.WorkerSecrets(*a)
	if v, err := d.s.Opts.Keyring.Get(ctx, saved[0].Account); err == nil {
		d.s.Use(saved, []string{v})
	}
}

func (d *doctor) environment(ctx context.Context, client *api.Client) {
	const name = "Target environment"
	env := d.a.TargetEnvironmentID()
	switch {
	case client == nil:
		d.skip(name, "no sign-in")
		return
	case env == "":
		d.add(Check{Name: name, Detail: "no environment ID", Hint: "set --environment-id or PINGONE_ENVIRONMENT_ID"})
		return
	}
	cctx, cancel := context.WithTimeout(ctx, checkTimeout)
	defer cancel()
	e, err := client.GetEnvironment(cctx, env)
	if err != nil {
		hint := hintOf(err)
		var apiErr *api.Error
		if errors.As(err, &apiErr) && apiErr.StatusCode == 404 {
			hint = "no environment " + env + " in this region: check --environment-id and --region"
		}
		d.add(Check{Name: name, Detail: err.Error(), Hint: hint})
		return
	}
	d.add(Check{Name: name, OK: true, Detail: fmt.Sprintf("%s (%s, %s)", e.Name, e.Type, env)})
}

func (d *doctor) stores(ctx context.Context, client *api.Client) {
	const name = "Propagation stores"
	if client == nil {
		d.skip(name, "no sign-in")
		return
	}
	env := d.a.TargetEnvironmentID()
	cctx, cancel := context.WithTimeout(ctx, checkTimeout)
	defer cancel()
	stores, err := client.ListStores(cctx, env)
	if err != nil {
		hint := hintOf(err)
		var apiErr *api.Error
		if errors.As(err, &apiErr) && apiErr.StatusCode == 403 {
			hint = "the worker app needs the Environment Admin role on environment " + env + ": Applications › your worker app › Roles"
		}
		d.add(Check{Name: name, Detail: err.Error(), Hint: hint})
		return
	}
	sf := 0
	for _, s := range stores {
		if s.Type == api.StoreTypeSalesforce {
			sf++
		}
	}
	d.add(Check{Name: name, OK: true, Detail: fmt.Sprintf("listable: %d stores, %d of type Salesforce; the role is enough to create one", len(stores), sf)})
}

// hintOf returns the hint of a PingOne or token error.
func hintOf(err error) string {
	var apiErr *api.Error
	var tokenErr *api.TokenError
	switch {
	case errors.As(err, &apiErr):
		return apiErr.Hint()
	case errors.As(err, &tokenErr):
		return tokenErr.Hint()
	}
	return ""
}

func renderCheck(st cards.Styles, c Check, width int) string {
	mark := st.OK.Render("✓")
	switch {
	case c.Skip:
		mark = st.Muted.Render("-")
	case !c.OK:
		mark = st.Bad.Render("✗")
	}
	line := mark + " " + hanging(c.Name+": "+c.Detail, width-2, "  ")
	if c.Hint != "" {
		line += "\n  " + st.Warn.Render("→ "+hanging(c.Hint, width-4, "    "))
	}
	return line
}

// hanging wraps text at width between words (never inside a URL or an
// ID) and indents the lines after the first.
func hanging(text string, width int, indent string) string {
	return strings.ReplaceAll(cards.Wrap(text, max(width, 20)), "\n", "\n"+indent)
}
