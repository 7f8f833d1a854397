// Package sfsim is an in-process fake Salesforce org for "sfstore --demo"
// and for tests: the OAuth web server flow with PKCE, userinfo, and the two
// SOQL queries of the profile and account pickers, on 127.0.0.1.
//
// Usage:
//
//	sim, err := sfsim.Start(sfsim.Options{})
//	if err != nil {
//		return err
//	}
//	defer sim.Close()
//	cfg := salesforce.Config{
//		LoginURL:     sim.URL(),
//		ClientID:     "any client id",
//		ClientSecret: "any secret",
//		CallbackPort: salesforce.AnyPort,
//		OpenBrowser:  sim.FollowRedirects, // a browser that signs in by itself
//	}
//
// Endpoints:
//
//   - GET /services/oauth2/authorize: redirect_uri must be an http loopback
//     URL (else a 400 page, as Salesforce shows an error page for a
//     callback it cannot use). Then, with no login page, a 302 to
//     redirect_uri with code and state, or with error, error_description
//     and state for: Options.CallbackError; a client_id other than
//     Options.ClientID (invalid_client_id; real Salesforce shows that one
//     on its own page); response_type other than code; a missing
//     code_challenge or a method other than S256 (invalid_request); a scope
//     Salesforce does not know (invalid_scope).
//   - POST /services/oauth2/token: client_id and client_secret as form
//     fields or HTTP Basic. grant_type=authorization_code: the code is
//     single-use and lives 15 minutes, redirect_uri must match, and
//     base64url(sha256(code_verifier)) must equal the code_challenge, else
//     400 invalid_grant. The answer has access_token ("00D5g000004XyZ1!AQ…"),
//     refresh_token (not with NoRefreshToken), instance_url (URL()), id,
//     token_type, issued_at, scope and signature.
//     grant_type=refresh_token: a new access token; with Rotate, also a new
//     refresh token, and the old one stops working.
//   - The org is demoorg's: its IDs, admin, profiles and accounts. The
//     tokens of the demo's healthy seeded PingOne store,
//     demoorg.ActiveAccessToken and demoorg.ActiveRefreshToken, work as if
//     this server had issued them; the expired pair does not.
//   - GET /services/oauth2/userinfo, GET /services/data/v62.0/ and
//     GET /services/data/v62.0/query?q=…: bearer token required, else 401
//     [{"errorCode":"INVALID_SESSION_ID","message":"Session expired or invalid"}].
//     The query endpoint knows exactly the two picker queries of package
//     salesforce, ProfileQuery (serving
//     demoorg.Profiles) and AccountQuery's shape (serving
//     demoorg.Accounts whose name matches the LIKE pattern, escapes
//     undone, case ignored); anything else is 400 MALFORMED_QUERY.
//     Options.ExtraProfiles adds generated profiles, e.g. 10,000 for a large
//     picker.
//   - Results come in pages of Options.PageSize (default 2000, Salesforce's
//     batch), each with the whole query's totalSize; while done is false,
//     nextRecordsUrl is GET /services/data/v62.0/query/{locator}-{offset},
//     with an 18-character "01g" query locator and the offset of the next
//     record (2000, 4000, …). A locator is forgotten after its last page (and
//     the oldest beyond 20 open ones); an unknown one is 400
//     INVALID_QUERY_LOCATOR.
//   - Anything else: 404 NOT_FOUND.
package sfsim
