package stores

import (
	"context"

	"sfstore/api"
	"sfstore/ui"
)

// Found is a store found by name or ID and read afresh (Find), with every
// Salesforce store of the environment.
type Found struct {
	Store api.Store
	All   []api.Store
}

// Find gets the session ready to sign in, then finds the Salesforce store
// ref names and reads it, as every store command does: several stores of
// that name are a question (a script lists them), none is reported.
func Find(ctx context.Context, s *ui.Session, p Prompter, ref string) (*Found, error) {
	f, err := find(ctx, s, p, ref)
	if err != nil {
		return nil, err
	}
	return &Found{Store: f.Store, All: f.All}, nil
}

// Ready makes sure the run can sign in to PingOne (see find).
func Ready(ctx context.Context, s *ui.Session, p Prompter) error { return ready(ctx, s, p) }

// ListSalesforce lists the environment's Salesforce stores under p's
// progress, each as a summary (api.EachStoreSummary: no secrets).
func ListSalesforce(ctx context.Context, s *ui.Session, p ui.Prompter, title string) ([]api.Store, error) {
	var sf []api.Store
	err := listStores(ctx, s, p, title, func(st api.Store) error {
		if st.Type == api.StoreTypeSalesforce {
			sf = append(sf, st)
		}
		return nil
	})
	return sf, err
}

// StoreWithSecrets returns st's body for a PUT with its Salesforce secrets
// in place: a value PingOne returned masked (or not at all) comes from the
// environment, the keyring (saved by the app's domain and client ID) or a
// prompt, never the mask. The session's answers become the store's, as
// for edit.
func StoreWithSecrets(ctx context.Context, s *ui.Session, p Prompter, st api.Store) (api.UpdateSalesforceStoreRequest, error) {
	given := adopt(s, st)
	if err := fillSecrets(ctx, s, p, given, secretFields); err != nil {
		return api.UpdateSalesforceStoreRequest{}, err
	}
	a := s.Answers
	req := st.Request()
	req.Configuration.ClientSecret = a.ClientSecret
	req.Configuration.OAuthAccessToken, req.Configuration.OAuthRefreshToken = a.SalesforceAccessToken, a.SalesforceRefreshToken
	return req, nil
}

// Fail reports a failure as the store commands do and returns it as
// shown (see fail).
func Fail(s *ui.Session, heading string, err error) error { return fail(s, heading, err) }
