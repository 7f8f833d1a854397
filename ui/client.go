package ui

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"sfstore/api"
	"sfstore/ui/settings"
)

// defaultHTTPTimeout bounds each call so a silent network never hangs a
// run; Ctrl-C cancels sooner.
const defaultHTTPTimeout = 60 * time.Second

// errBadRegion names the regions, for a region that is not one.
var errBadRegion = errors.New("expected one of NA, CA, EU, AU, SG, AP")

// Endpoints resolves the API and auth bases: the region's, unless overridden.
func Endpoints(region, apiURL, authURL string) (string, string, error) {
	if apiURL != "" && authURL != "" {
		return apiURL, authURL, nil
	}
	r, ok := api.LookupRegion(region)
	if !ok {
		return "", "", fmt.Errorf("unknown region %q: %w", region, errBadRegion)
	}
	if apiURL == "" {
		apiURL = r.APIURL
	}
	if authURL == "" {
		authURL = r.AuthURL
	}
	return apiURL, authURL, nil
}

// newClient builds a PingOne client that signs in as the answers say. ctx
// is used by the token source for every token request it makes.
func newClient(ctx context.Context, a settings.Answers, apiURL, authURL string, hc *http.Client) (*api.Client, error) {
	apiURL, authURL, err := Endpoints(a.Region, apiURL, authURL)
	if err != nil {
		return nil, err
	}
	creds := api.Credentials{
		AuthURL:             authURL,
		WorkerEnvironmentID: a.WorkerEnvironmentID,
		ClientID:            a.WorkerClientID,
		ClientSecret:        a.WorkerClientSecret,
	}
	if a.AuthMethod == settings.AuthPastedToken {
		creds = api.Credentials{AccessToken: a.PingOneAccessToken}
	}
	return api.NewClient(apiURL,
		api.WithHTTPClient(hc),
		api.WithTokenSource(api.NewTokenSource(ctx, creds, hc)),
		api.WithUserAgent("sfstore"),
		api.WithRedactions(a.Secrets()...),
	)
}
