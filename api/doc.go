// Package api is a small client for the PingOne Platform API: it gets an
// access token for a worker app and creates identity propagation stores of
// type Salesforce. Around that: ListStores (every page; e.g. to find a
// taken name), GetStore, UpdateSalesforceStore (a full replace: build it
// with Store.Request) and DeleteStore, TestConnection (PingOne's check of a
// proposed or stored store), CreateRevision (so the admin console shows the
// changes), and ListEnvironments and GetEnvironment (to pick and check the
// target environment).
//
// For provisioning users into a store: ListPlans, CreatePlan and
// UpdatePlan (one plan per environment); ListRules, GetRule, CreateRule
// and UpdateRule (a full replace: build it with Rule.Request);
// ListRuleMappings, CreateMapping, UpdateMapping and DeleteMapping;
// ListPopulations and PopulationExpression to scope a rule;
// FindDirectoryStores and CreateDirectoryStore for the source store;
// SalesforceMetadata for the attributes a mapping may target; and
// GetLatestRevision, whose Revision.Covers tells whether changes are
// published. Their writes report an ambiguous outcome as the store calls
// do, with OutcomeUnknownError.ReadBack saying what to read, and
// DescribePlan, DescribeRule, DescribeMapping, DescribeDirectoryStore and
// DescribeRevision show them for a dry run.
//
// Whether PingOne returns a store's secrets in clear on a read is
// UNCONFIRMED (its examples do): LooksMasked and
// SalesforceConfiguration.MaskedSecrets tell a value read back that must
// not be sent back, and UpdateSalesforceStore and TestConnection refuse
// one (ErrMaskedSecret).
//
// For a dry run, DescribeCreate returns the request CreateSalesforceStore
// would send, to show Masked or replay with Curl, and Credentials.Curl the
// token request that goes first; neither recipe puts a secret on any
// command line. NewDebugTransport, in the http.Client given to WithHTTPClient
// and NewTokenSource, traces every exchange with every secret masked.
//
// Secrets only go where they belong: the API and auth URLs must pass
// endpoint.Check (https, or plain http on this machine only) before
// anything is sent, redirects are never followed (a 3xx is a
// *RedirectError), and the token request is a single request with HTTP
// Basic unless PingOne says the worker app wants form fields.
//
// Errors are typed: a non-2xx answer is an *Error (the call that failed,
// PingOne's id, code, message and per-field details, or an excerpt when a
// proxy answered), and a failed token request is a *TokenError naming the
// token endpoint. A create or an update that may have reached PingOne
// without a usable answer (a timeout or reset after sending, a 5xx, a 2xx
// without a store) is an *OutcomeUnknownError: look for the store with
// FindSalesforceStores, or read it again with GetStore, before trying
// again. Each has a Hint for the user, and none ever contains a secret the
// client knows about.
//
// Usage:
//
//	region, _ := api.LookupRegion("EU")
//	creds := api.Credentials{
//		AuthURL:             region.AuthURL,
//		WorkerEnvironmentID: workerEnvID,
//		ClientID:            clientID,
//		ClientSecret:        clientSecret,
//	}
//	c, err := api.NewClient(region.APIURL,
//		api.WithTokenSource(api.NewTokenSource(ctx, creds, nil)),
//		api.WithRedactions(clientSecret))
//	if err != nil {
//		return err
//	}
//	store, err := c.CreateSalesforceStore(ctx, envID, &req)
//	var unknown *api.OutcomeUnknownError
//	if errors.As(err, &unknown) {
//		// Find out; never guess.
//		found, ferr := c.FindSalesforceStores(ctx, envID, unknown.StoreName)
//		...
//	}
//	var apiErr *api.Error
//	if errors.As(err, &apiErr) {
//		fmt.Println(apiErr.Error(), apiErr.Hint())
//	}
//
// See https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/propagation-stores/create-store-salesforce.html
// and the sibling package simulator for an in-process fake of this API.
package api
