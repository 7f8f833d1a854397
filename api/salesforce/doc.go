// Package salesforce gets the Salesforce side of a propagation store: it
// signs the user in to their org with the OAuth 2.0 web server flow (PKCE
// S256 plus the client secret) to obtain OAUTH_ACCESS_TOKEN and
// OAUTH_REFRESH_TOKEN, checks a token cheaply, and lists the org's profiles
// and business accounts for the PROFILE_ID and ACCOUNT_ID pickers.
//
// # Sign-in
//
// The app (an External Client App or a connected app) must list exactly
// Config.CallbackURL, "http://localhost:7717/oauth/callback" by default, as
// a callback URL, and have the "api" and "refresh_token" scopes.
//
//	cfg := salesforce.Config{
//		LoginURL:     "https://" + domain, // or https://test.salesforce.com
//		ClientID:     consumerKey,
//		ClientSecret: consumerSecret,
//	}
//	fmt.Println("Callback URL to register on the app:", cfg.CallbackURL())
//	s, err := salesforce.Start(ctx, cfg)
//	if err != nil {
//		return err
//	}
//	defer s.Close()
//	fmt.Println("Open this URL to sign in:", s.AuthURL())
//	_ = s.OpenBrowser() // not fatal: the URL is on screen
//	// Optionally, from another goroutine: s.Paste(addressTheBrowserShows)
//	tokens, err := s.Wait(ctx)
//	var ae *salesforce.AuthError
//	if errors.As(err, &ae) {
//		fmt.Println(ae.Error(), ae.Hint)
//	}
//
// The session listens on 127.0.0.1 (and [::1] when available) at the
// callback port until Wait returns or Close is called. A callback whose
// state is not this session's is refused with a 400 page and the session
// keeps waiting for the right one, so a stale tab or a forged link cannot end
// or hijack the sign-in. When no browser can reach the callback (SSH), the
// user pastes the address the browser was sent to into Paste.
//
// This package never refreshes a token: with refresh-token rotation on, a
// refresh would invalidate the refresh token handed to PingOne. There is no
// refresh function, on purpose.
//
// # Where credentials go
//
// The login URL, the instance URL and the instance_url of a token answer
// pass endpoint.Check (https; plain http only on loopback) before anything
// is sent. Neither the code exchange nor a REST call follows a redirect (a
// copy of the caller's *http.Client is used; the caller's is never
// changed), and a query's nextRecordsUrl is followed only on the instance.
//
// # Profiles, accounts and IDs
//
// ListProfiles reads every page of the profile query, with an optional
// progress callback, up to a bound it reports (ProfileList.Note). CheckID
// and CanonicalID accept an 18-character ID in any letter case, restore its
// case from the checksum, and check the key prefix on the result.
//
// # Errors
//
// A refused sign-in is an *AuthError with a plain-language Hint. A token
// response without a refresh token is ErrNoRefreshToken; no answer within
// Config.Timeout is ErrTimedOut. REST failures are *APIError; a 401 also
// matches ErrTokenRejected. A 3xx is a *RedirectError (wrapped in an
// *AuthError for the code exchange). ListProfiles says when it kept only
// the first MaxProfiles (ProfileList.Truncated). No error ever contains the
// client secret, the authorization code, the PKCE verifier or a token.
//
// The sibling package sfsim is an in-process fake org for --demo and tests.
package salesforce
