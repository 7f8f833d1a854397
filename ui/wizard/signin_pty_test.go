//go:build unix

package wizard_test

import (
	"strings"
	"testing"

	"sfstore/api/demoorg"
	"sfstore/api/redact"
	"sfstore/api/salesforce/sfsim"
	"sfstore/api/simulator"
	"sfstore/secrets"
	"sfstore/ui/settings"
)

// TestPTYBrowserSignInFillsTheTokensAndThePickers walks the Salesforce step
// as a new user does in the demo: no token is typed. The simulated org's
// "browser" completes the sign-in, the token is checked, Communities offers
// the org's accounts and profiles, and the store carries the tokens the
// sign-in issued, which also land in the keyring.
func TestPTYBrowserSignInFillsTheTokensAndThePickers(t *testing.T) {
	t.Parallel() // each has its own pty, simulator and keyring
	sim := startSimulator(t, simulator.Options{})
	kr := secrets.NewMemory()
	opts, n := wizardOptions(t, sim.URL(), kr)
	// As in the demo: the org lives on loopback, so the domain typed is kept
	// rather than replaced by the host of its instance URL.
	opts.Demo = true
	w := startWizard(t, opts)

	w.pingOneStep(workerSecret)
	w.storeStep(storeName)
	w.answer(settings.FieldSalesforceDomain.Label, typedDomain)
	w.answer(settings.FieldClientID.Label, sfClientID)
	w.answer("How do you want to get the OAuth tokens?", "") // the browser, preselected
	w.answer(settings.FieldClientSecret.Label, clientSecret)
	w.waitFor("must list this callback URL")
	w.waitFor("Signed in to Salesforce")
	w.waitFor("Salesforce token works")

	w.provisioningStep()
	w.waitFor("┃ Provision to Salesforce Communities?")
	w.send(keyLeft, keyEnter)

	globex := demoorg.Accounts[1]
	w.answer("Find the business account", "glob")
	w.waitFor(`Accounts matching "glob"`)
	w.waitFor("> " + globex.Name)
	w.send(keyEnter)
	profile := communityProfile(t)
	w.waitFor("┃ " + settings.FieldProfileID.Label)
	w.send(profile.Name) // the picker filters as the name is typed
	w.waitFor("> " + profile.Name)
	w.send(keyEnter)

	w.reviewAndCreate(true)
	_, store := w.requireCreated(sim)
	c := store.Configuration
	if c.ClientSecret != clientSecret || c.OAuthAccessToken == "" || !n.org.RefreshTokenValid(c.OAuthRefreshToken) {
		t.Fatalf("the store does not carry the sign-in's tokens: %s", store.Masked().Configuration.OAuthRefreshToken)
	}
	if n.org.Refreshes() != 0 {
		t.Errorf("sfstore refreshed the token %d times; it must leave that to PingOne", n.org.Refreshes())
	}
	if c.SalesforceDomain != sentDomain {
		t.Errorf("domain = %q, want %q", c.SalesforceDomain, sentDomain)
	}
	if c.AccountID != globex.ID || c.ProfileID != profile.ID || !c.EnableCommunities {
		t.Errorf("account %q profile %q communities %v; want %q, %q, true", c.AccountID, c.ProfileID, c.EnableCommunities, globex.ID, profile.ID)
	}
	if got := keyringValue(t, kr, secrets.SalesforceAccount(sentDomain, sfClientID, secrets.RefreshToken)); got != c.OAuthRefreshToken {
		t.Errorf("keyring refresh token = %s, want the one issued", redact.Mask(got))
	}
	w.requireNoLeak(append(allSecrets, c.OAuthAccessToken, c.OAuthRefreshToken)...)
	if off := n.leftTheMachine(); len(off) > 0 {
		t.Errorf("requests left the machine:\n  %s", strings.Join(off, "\n  "))
	}
}

// TestPTYProfilePickerWith10000Profiles: an org with 10,000 more profiles
// (five pages of the query) is read under the spinner, and the picker
// finds one by typing part of its name; the review shows it.
func TestPTYProfilePickerWith10000Profiles(t *testing.T) {
	t.Parallel() // each has its own pty, simulator and keyring
	sim := startSimulator(t, simulator.Options{})
	opts, _ := wizardOptionsWith(t, sim.URL(), secrets.NewMemory(), sfsim.Options{ExtraProfiles: 10000})
	opts.Demo = true
	w := startWizard(t, opts)
	w.pingOneStep(workerSecret)
	w.storeStep(storeName)
	w.answer(settings.FieldSalesforceDomain.Label, typedDomain)
	w.answer(settings.FieldClientID.Label, sfClientID)
	w.answer("How do you want to get the OAuth tokens?", "")
	w.answer(settings.FieldClientSecret.Label, clientSecret)
	w.waitFor("Salesforce token works")
	w.provisioningStep()
	w.answer("Provision to Salesforce Communities?", "") // off

	w.waitFor("┃ " + settings.FieldProfileID.Label)
	w.waitFor(" of 10,0") // the count of what the org has
	w.send("profile 09999")
	w.waitFor("> Generated Profile 09999")
	w.send(keyEnter)
	w.waitFor("Review: this is what will be sent")
	review := w.waitForSegment("What next?")
	if !strings.Contains(review, "Communities  off · profile 00e") {
		t.Errorf("the review does not show the profile picked:\n%s", review)
	}
	w.waitFor("Cancel: create nothing")
	w.send("q")
	requireCancelled(t, w.wait())
	w.requireNoLeak(allSecrets...)
}
