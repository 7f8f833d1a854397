package salesforce

import "strings"

// hintFor says what the user can do about an OAuth error from Salesforce.
// Salesforce's codes are not all standard, and some answers only say what
// is wrong in the description, so both are looked at.
func hintFor(code, description, callback, loginURL string) string {
	desc := strings.ToLower(description)
	switch {
	case code == "redirect_uri_mismatch" || strings.Contains(desc, "redirect_uri"):
		return "Register exactly " + callback + " as a callback URL on the app (changes take 2–10 minutes to reach the org), then sign in again."
	case code == "invalid_client_id" || strings.Contains(desc, "client identifier invalid"):
		return "Salesforce does not know this consumer key here: check the client ID, and that " + loginURL + " is the org that has the app. A new app takes 2–10 minutes to become available."
	case code == "invalid_client" || strings.Contains(desc, "invalid client credentials"):
		return "Salesforce refused the consumer key or secret: copy both again from the app's OAuth settings (a new app takes 2–10 minutes to become available)."
	case code == "invalid_scope" || strings.Contains(desc, "scope"):
		return "Add the 'Manage user data via APIs (api)' and 'Perform requests at any time (refresh_token, offline_access)' scopes to the app, wait 2–10 minutes, then sign in again."
	case code == "access_denied" && strings.Contains(desc, "approved"):
		return "Your user may not use this app: in the app's policies, set Permitted Users to 'All users may self-authorize', or give your profile or a permission set access."
	case code == "access_denied":
		return "Sign-in was denied (Deny was chosen on Salesforce's Allow page): sign in again and choose Allow."
	case code == "invalid_grant" && (strings.Contains(desc, "ip restricted") || strings.Contains(desc, "ip address")):
		return "Salesforce refused the sign-in from your IP address: relax the app's IP restrictions or sign in from an allowed network."
	case code == "invalid_grant" && strings.Contains(desc, "inactive"):
		return "The Salesforce user or org is inactive: sign in as an active admin."
	case code == "invalid_grant":
		return "The sign-in code expired, was already used, or did not match this sign-in (PKCE): sign in again."
	case code == "invalid_request" && strings.Contains(desc, "code challenge"):
		return "The app refused the PKCE challenge sfstore sent: sign in again; if it persists, check the app's PKCE setting."
	case code == "unsupported_response_type" || code == "unsupported_grant_type":
		return "The app does not allow the web server (authorization code) flow: enable OAuth on the app with a callback URL, then sign in again."
	case code == "OAUTH_APPROVAL_ERROR_GENERIC":
		return "Salesforce could not approve the sign-in: check the app's OAuth policies (Permitted Users, IP relaxation), that your user may use it, and that the app is available in this org; then sign in again."
	case code == "OAUTH_EC_APP_NOT_FOUND" || code == "OAUTH_APP_BLOCKED" || code == "OAUTH_APP_ACCESS_DENIED":
		return "The app is not available to you in this org: check the login URL (sandbox or production), that the app is enabled and your user may use it, and wait 2–10 minutes after creating it."
	case code == "inactive_user" || code == "inactive_org":
		return "The Salesforce user or org is inactive: sign in as an active admin."
	case code == "rate_limit_exceeded":
		return "Too many sign-in attempts: wait a few minutes, then sign in again."
	case code == "server_error" || code == "temporarily_unavailable":
		return "Salesforce had a problem: sign in again in a moment."
	}
	return "Check the app's OAuth settings (callback URL " + callback + ", scopes api and refresh_token) and the login URL " + loginURL + ", then sign in again."
}
