// Package simulator is an in-process fake of the PingOne API for
// "sfstore --demo" and for tests: the token endpoint of a worker app, the
// propagation stores collection, the connection check, revisions and
// environments, served by one handler so a single URL works as both the
// auth and the API URL.
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
//   - GET /v1/environments/{envID}/propagation/stores: Options.SeedStores
//     and the stores created, secrets echoed (MaskedSecret instead with
//     Options.MaskSecretsOnRead), in pages of Options.PageSize (or a
//     smaller ?limit=) linked by _links.next (?cursor=); count is the total,
//     size the page's. A bad limit or cursor is 400 INVALID_REQUEST.
//   - GET /v1/environments/{envID}/propagation/stores/{storeID}: the store,
//     as the list shows it; 404 NOT_FOUND for an ID the environment does
//     not hold (never created, or deleted).
//   - PUT …/stores/{storeID}: a full replace, 404 for an unknown ID, then
//     checked as a create is (a missing name or type is 400 INVALID_DATA
//     with a REQUIRED_VALUE detail whose target is the field); a refused
//     update leaves the store as it was. On success, 200 with the store:
//     id, environment, createdAt and syncStatus kept, updatedAt now, and
//     every writable field as sent. A field left out is cleared (status
//     back to INACTIVE): the simulator's reading of "full replace",
//     UNCONFIRMED for PingOne.
//   - DELETE …/stores/{storeID}: 204 and the store is gone; 404 for an
//     unknown (or already deleted) ID.
//   - POST /v1/environments/{envID}/propagation/stores/connection/status:
//     the connection check. 400 INVALID_REQUEST unless the Content-Type is
//     api.ConnectionCheckContentType; then the body is validated as for a
//     create (400 INVALID_DATA with details); then the demo connection
//     rules below; else 200 {"status":"SUCCESS","message":"Connection to
//     Salesforce succeeded."} (PingOne documents no body: UNCONFIRMED).
//   - POST /v1/environments/{envID}/propagation/revisions: 201
//     {"id","environment":{"id"},"createdAt","createdBy","previousRevision"};
//     any body is ignored. It restarts the sync of the environment's
//     Salesforce stores (resync, the simulator's own model): a store a
//     rule targets syncs the rule's population user by user at
//     Options.SyncPace when the plan is ACTIVE, the rule active and the
//     store ACTIVE, and FAILS as a whole on a dead Salesforce session
//     (SalesforceSessionExpired) or a required field left unmapped
//     (REQUIRED_FIELD_MISSING), one user at a time on a value Salesforce
//     refuses (an Username or Email that is no address, an Alias over 8
//     characters, an unknown ProfileId). A store no rule targets keeps the
//     earlier model: one whose access token Salesforce refuses (below)
//     gets FAILED with SalesforceSessionExpired, the others SYNCING with
//     every user synced; one without a sync history keeps none.
//   - GET …/propagation/revisions/id:latest (sent as id%3Alatest) and
//     …/revisions/{id}: the revision, 404 NOT_FOUND when there is none.
//   - GET /v1/environments/{envID}/populations: DemoPopulations, the
//     default (Everyone) first, with userCount.
//   - GET, POST …/propagation/plans; GET, PUT, DELETE …/plans/{id}: one
//     plan per environment (a second POST is 400 INVALID_DATA,
//     UNIQUENESS_VIOLATION; wording UNCONFIRMED); status ACTIVE or
//     INACTIVE (the default); a deleted plan takes its rules along.
//   - GET, POST …/propagation/rules and …/plans/{id}/rules (both
//     documented create forms); GET, PUT (full replace), DELETE
//     …/rules/{id}: name, plan.id (the environment's plan), sourceStore.id
//     (a directory store), targetStore.id (a Salesforce store) required;
//     populationExpression a filter of comparisons (eq, sw, ew, co) on
//     user attributes joined by "and"; active true refused (detail target
//     "active") while the target store is not ACTIVE.
//   - GET, POST …/rules/{id}/mappings; GET, PUT, DELETE …/mappings/{id}
//     (DELETE also at the SDK's singular …/mapping/{id}): targetAttribute
//     one of the metadata's user attributes and mapped once per rule;
//     exactly one of sourceAttribute (a PingOne user attribute) and
//     expression (${user.<attribute>} with substring, toLowerCase,
//     toUpperCase; or a literal); a PUT keeps rule.id.
//   - POST …/propagation/storeMetadata/Salesforce: attributeMetadata.
//     userAttributes keyed by the Salesforce User field names, with
//     label and required; with a configuration in the body, the demo
//     org's custom fields too, after the connection rules below. Never
//     echoes a secret.
//   - A store of type directory may be created (configuration optional),
//     listed and deleted like a Salesforce one; a store a rule uses is not
//     deleted (400 INVALID_REQUEST).
//   - GET /v1/environments: Options.Environments, or DemoEnvironments when
//     it is empty. GET /v1/environments/{envID}: one of them, or 404
//     NOT_FOUND (when Options.Environments is empty, any UUID exists, as
//     for the store endpoints, and reads as a sandbox).
//   - Anything else: 404 NOT_FOUND; a known path with another method: 405.
//
// Access rules, in order: 401 ACCESS_FAILED (INVALID_TOKEN) without a valid
// bearer token; 404 NOT_FOUND for an unknown environment; then 403
// ACCESS_FAILED (INSUFFICIENT_PERMISSIONS) on every propagation endpoint
// when Options.DenyStores is set (a token without Environment Admin), and
// on GET /v1/environments when Options.DenyEnvironmentList is set (a worker
// app without a role that may list environments).
//
// Every response carries a Correlation-Id header; every error body a random id.
//
// The demo-org rule is the simulator's own, not PingOne's: the simulator
// plays one Salesforce org, so a PROFILE_ID or ACCOUNT_ID whose first 15
// characters match none of demoorg.Profiles or demoorg.Accounts is rejected with a
// 400 INVALID_DATA detail on configuration.PROFILE_ID or
// configuration.ACCOUNT_ID. It lets a demo user see how a rejected field is
// shown. The documented example request (PROFILE_ID "fds") is rejected by it.
//
// The demo connection rules are the simulator's own too. It resolves no
// host: a connection check "fails" with 400 REQUEST_FAILED, "Could not
// connect to Salesforce at <domain>: host not found.", when the host of
// SALESFORCE_DOMAIN (scheme, port and path ignored) does not end in
// .salesforce.com or .force.com; and with 400 REQUEST_FAILED, "Salesforce
// rejected the OAuth access token (INVALID_SESSION_ID)", when
// OAUTH_ACCESS_TOKEN is literally "expired-demo-token", one of
// Options.ExpiredAccessTokens, or LooksMasked. Both carry a detail whose
// target is the field. The documented example, once its
// IDs are the demo org's, fails the first rule (SALESFORCE_DOMAIN
// "https://example.com").
//
// FailWith (and the canned Failures) replace the next API response, to show
// rate limiting, server errors, and a proxy's HTML page. Options.CreateFaults,
// UpdateFaults and DeleteFaults instead make the change and then lose the
// answer (Fault): an ambiguous create, update or delete. Options.CallFaults
// and FailCall pick calls by method, path and count and answer 429, 500,
// a proxy's 502, 503, a reset or nothing (CallFault), before or after
// carrying them out. Requests, and
// RequestsWith for one method, return what was received, bodies included.
//
// The demo: DemoOptions seeds DemoStores, two Salesforce stores of the demo
// org (package demoorg, which sfsim serves) in DemoEnvironmentID, one
// healthy (DemoStoreProductionID) and one whose sync FAILED on an expired
// Salesforce session (DemoStoreCommunityID), listed one a page.
package simulator
