package ui

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"sfstore/api"
)

// defaultHTTPTimeout bounds each call so a silent network never hangs the
// wizard; Ctrl-C cancels sooner.
const defaultHTTPTimeout = 60 * time.Second

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

// newClient builds the PingOne client for the current answers. The token
// request runs with ctx, so Ctrl-C cancels it too.
func (w *wizard) newClient(ctx context.Context) (*api.Client, error) {
	return NewClient(ctx, *w.a, w.opts.APIURL, w.opts.AuthURL, w.httpClient(w.opts.HTTPClient))
}

// httpClient returns hc (or a default one) traced when --debug is on. The
// trace reads the secrets to mask at each exchange, so tokens that arrive
// later, such as a Salesforce sign-in's, are masked too.
func (w *wizard) httpClient(hc *http.Client) *http.Client {
	if hc == nil {
		hc = &http.Client{Timeout: defaultHTTPTimeout}
	}
	if w.opts.Debug == nil {
		return hc
	}
	traced := *hc
	traced.Transport = api.NewDebugTransport(hc.Transport, w.opts.Debug, func() []string { return w.a.secretValues() })
	return &traced
}

// NewClient builds a PingOne client that signs in as the answers say.
func NewClient(ctx context.Context, a Answers, apiURL, authURL string, hc *http.Client) (*api.Client, error) {
	apiURL, authURL, err := Endpoints(a.Region, apiURL, authURL)
	if err != nil {
		return nil, err
	}
	if hc == nil {
		hc = &http.Client{Timeout: defaultHTTPTimeout}
	}
	creds := api.Credentials{
		AuthURL:             authURL,
		WorkerEnvironmentID: a.WorkerEnvironmentID,
		ClientID:            a.WorkerClientID,
		ClientSecret:        a.WorkerClientSecret,
	}
	if a.AuthMethod == AuthPastedToken {
		creds = api.Credentials{AccessToken: a.PingOneAccessToken}
	}
	return api.NewClient(apiURL,
		api.WithHTTPClient(hc),
		api.WithTokenSource(api.NewTokenSource(ctx, creds, hc)),
		api.WithUserAgent("sfstore"),
		api.WithRedactions(a.secretValues()...),
	)
}
