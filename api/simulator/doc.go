// Package simulator is an in-process fake of the PingOne API for
// "sfstore --demo" and for tests: the token endpoint of a worker app and the
// propagation stores collection, served by one handler so a single URL works
// as both the auth and the API URL.
//
// Usage:
//
//	sim, err := simulator.Start(simulator.Options{Latency: 400 * time.Millisecond})
//	if err != nil {
//		return err
//	}
//	defer sim.Close()
//	creds := api.Credentials{AuthURL: sim.URL(), WorkerEnvironmentID: envID,
//		ClientID: clientID, ClientSecret: "any non-empty secret"}
//	c, _ := api.NewClient(sim.URL(), api.WithTokenSource(api.NewTokenSource(ctx, creds, nil)))
//
// Endpoints:
//
//   - POST /{envID}/as/token: client credentials grant; client auth by HTTP
//     Basic or form fields. Bad credentials or an unknown environment give
//     401 invalid_client; another grant type gives 400 unsupported_grant_type.
//   - POST /v1/environments/{envID}/propagation/stores: creates a store.
//     401 ACCESS_FAILED without a valid bearer token, 404 NOT_FOUND for an
//     unknown environment, 400 INVALID_REQUEST for a non-JSON body, 400
//     INVALID_DATA listing every rule broken: type must be "Salesforce";
//     name, configuration and its 8 required keys must be present; booleans
//     and strings must have their JSON types; PERMISSION_SET_MANAGEMENT must
//     be one of the two api constants; status ACTIVE or INACTIVE;
//     image.href absolute; managed boolean. On success, 201 with the
//     documented body, configuration echoed as sent, secrets included.
//   - GET /v1/environments/{envID}/propagation/stores: the stores created.
//   - Anything else: 404 NOT_FOUND.
//
// Every response carries a Correlation-Id header; every error body a random id.
//
// The demo-org rule is the simulator's own, not PingOne's: the simulator
// plays one Salesforce org, so a PROFILE_ID or ACCOUNT_ID whose first 15
// characters match none of DemoProfiles or DemoAccounts is rejected with a
// 400 INVALID_DATA detail on configuration.PROFILE_ID or
// configuration.ACCOUNT_ID. It lets a demo user see how a rejected field is
// shown. The documented example request (PROFILE_ID "fds") is rejected by it.
//
// FailWith (and the canned Failures) replace the next API response, to show
// rate limiting, server errors, and a proxy's HTML page.
package simulator
